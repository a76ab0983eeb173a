package io.tasker.core.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with string keys, in file order; every key remembers its own position. */
public record YamlMap(List<Entry> entries, Position position) implements YamlValue {

    /** One {@code key: value} pair. */
    public record Entry(String key, Position keyPosition, YamlValue value) {
    }

    public YamlMap {
        entries = List.copyOf(entries);
    }

    public Optional<YamlValue> get(String key) {
        return entry(key).map(Entry::value);
    }

    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    /**
     * Tasker's {@code deep_merge}: keys of {@code override} replace those here, except that two mappings
     * under the same key are merged recursively. Values keep the position they were written at.
     */
    public YamlMap deepMerge(YamlMap override) {
        Map<String, Entry> merged = new LinkedHashMap<>();
        entries.forEach(e -> merged.put(e.key(), e));
        for (Entry replacement : override.entries()) {
            merged.merge(replacement.key(), replacement, YamlMap::mergeEntries);
        }
        return new YamlMap(new ArrayList<>(merged.values()), position);
    }

    private static Entry mergeEntries(Entry base, Entry replacement) {
        if (base.value() instanceof YamlMap baseMap && replacement.value() instanceof YamlMap overrideMap) {
            return new Entry(base.key(), replacement.keyPosition(), baseMap.deepMerge(overrideMap));
        }
        return replacement;
    }

    @Override
    public String describe() {
        return entries.isEmpty() ? "an empty mapping" : "a mapping";
    }

    @Override
    public Object toPlain() {
        Map<String, Object> plain = new LinkedHashMap<>();
        entries.forEach(e -> plain.put(e.key(), e.value().toPlain()));
        return plain;
    }
}
