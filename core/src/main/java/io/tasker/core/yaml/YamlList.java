package io.tasker.core.yaml;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlValue> items, Position position) implements YamlValue {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return items.isEmpty() ? "an empty list" : "a list";
    }

    @Override
    public Object toPlain() {
        List<Object> plain = new ArrayList<>(items.size());
        items.forEach(item -> plain.add(item.toPlain()));
        return plain;
    }
}
