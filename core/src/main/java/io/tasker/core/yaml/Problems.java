package io.tasker.core.yaml;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an input so that they are reported together instead of one per attempt. */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    public void add(Position position, String field, String problem, String expected) {
        found.add(new Problem(position, field, problem, expected));
    }

    /** Reports that {@code value} is not what {@code field} needs. */
    public void wrongValue(YamlValue value, String field, String expected) {
        add(value.position(), field, "got " + value.describe(), expected);
    }

    public void addAll(List<Problem> problems) {
        found.addAll(problems);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }
}
