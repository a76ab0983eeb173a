package io.tasker.core.config;

import io.tasker.core.yaml.Problems;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlScalar;
import io.tasker.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one configuration file strictly — unknown keys, wrong types, values out of range, in every
 * {@code environments} section too — and keeps what is valid, ready to be merged over the files before it.
 */
final class FileLayer {
    private final Problems problems;

    /** The file's sections and the sections of its selected environment, each holding only valid values. */
    record Checked(YamlMap base, Optional<YamlMap> environment) {
    }

    FileLayer(Problems problems) {
        this.problems = problems;
    }

    Checked check(YamlValue root, String environment) {
        if (root instanceof YamlScalar scalar && scalar.isNull()) {
            return new Checked(new YamlMap(List.of(), root.position()), Optional.empty());
        }
        if (!(root instanceof YamlMap map)) {
            problems.wrongValue(root, null, "a mapping with the sections " + String.join(", ", Settings.SECTIONS));
            return new Checked(new YamlMap(List.of(), root.position()), Optional.empty());
        }
        return new Checked(section(map, "", "", true), environments(map, environment));
    }

    /**
     * @param section the setting path of {@code map} ({@code ""} at the top)
     * @param field where {@code map} is in the file, which differs from the section inside {@code environments}
     */
    private YamlMap section(YamlMap map, String section, String field, boolean fileTop) {
        Set<String> allowed = Settings.keysOf(section);
        if (fileTop) {
            allowed.add(Settings.ENVIRONMENTS);
        }
        List<YamlMap.Entry> kept = new ArrayList<>();
        for (YamlMap.Entry entry : map.entries()) {
            String path = join(section, entry.key());
            String entryField = join(field, entry.key());
            if (!allowed.contains(entry.key())) {
                problems.add(entry.keyPosition(), entryField, "unknown key", "one of " + String.join(", ", allowed));
            } else if (!(fileTop && entry.key().equals(Settings.ENVIRONMENTS))) {
                value(entry, path, entryField).ifPresent(kept::add);
            }
        }
        return new YamlMap(kept, map.position());
    }

    private Optional<YamlMap.Entry> value(YamlMap.Entry entry, String path, String field) {
        Optional<Setting> setting = Settings.at(path);
        if (setting.isPresent()) {
            if (setting.get().type().accepts(entry.value())) {
                return Optional.of(entry);
            }
            problems.wrongValue(entry.value(), field, setting.get().type().expected());
            return Optional.empty();
        }
        if (path.equals(Settings.HANDLERS)) {
            return subsection(entry, field, this::handlers);
        }
        return subsection(entry, field, (map, f) -> section(map, path, f, false));
    }

    private Optional<YamlMap.Entry> subsection(YamlMap.Entry entry, String field, SectionReader reader) {
        return mapping(entry.value(), field, reader).map(map -> new YamlMap.Entry(entry.key(), entry.keyPosition(), map));
    }

    /** A section's mapping as {@code reader} keeps it; an empty section ({@code key:}) changes nothing. */
    private Optional<YamlMap> mapping(YamlValue value, String field, SectionReader reader) {
        if (value instanceof YamlScalar scalar && scalar.isNull()) {
            return Optional.empty();
        }
        if (value instanceof YamlMap map) {
            return Optional.of(reader.read(map, field));
        }
        problems.wrongValue(value, field, "a mapping");
        return Optional.empty();
    }

    /** Per-language settings are free-form inside each language; only the languages are checked. */
    private YamlMap handlers(YamlMap map, String field) {
        Set<String> languages = Settings.keysOf(Settings.HANDLERS);
        List<YamlMap.Entry> kept = new ArrayList<>();
        for (YamlMap.Entry entry : map.entries()) {
            if (!languages.contains(entry.key())) {
                problems.add(entry.keyPosition(), join(field, entry.key()), "unknown handler language", "one of " + String.join(", ", languages));
            } else {
                subsection(entry, join(field, entry.key()), (settings, f) -> settings).ifPresent(kept::add);
            }
        }
        return new YamlMap(kept, map.position());
    }

    private Optional<YamlMap> environments(YamlMap file, String selected) {
        Optional<YamlMap> environments = file.get(Settings.ENVIRONMENTS)
                .flatMap(value -> mapping(value, Settings.ENVIRONMENTS, (map, field) -> map));
        Optional<YamlMap> chosen = Optional.empty();
        for (YamlMap.Entry environment : environments.map(YamlMap::entries).orElse(List.of())) {
            Optional<YamlMap> checked = mapping(environment.value(), join(Settings.ENVIRONMENTS, environment.key()),
                    (map, field) -> section(map, "", field, false));
            if (environment.key().equals(selected)) {
                chosen = checked;
            }
        }
        return chosen;
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    @FunctionalInterface
    private interface SectionReader {
        YamlMap read(YamlMap map, String field);
    }
}
