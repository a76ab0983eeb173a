package io.tasker.core.template;

import io.tasker.core.yaml.Position;
import io.tasker.core.yaml.Problems;
import io.tasker.core.yaml.YamlList;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlScalar;
import io.tasker.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of template keys. A wrong value adds a problem and reads as absent, so that reading goes on
 * and every problem of a file is reported at once. A key written with an empty value ({@code key:}) counts
 * as absent, as it does for Tasker.
 */
final class Fields {
    private final Problems problems;

    Fields(Problems problems) {
        this.problems = problems;
    }

    Optional<String> string(YamlMap map, String key, String path) {
        return present(map, key).flatMap(value -> string(value, path + key));
    }

    Optional<String> string(YamlValue value, String field) {
        if (value instanceof YamlScalar scalar && scalar.value() instanceof String text) {
            return Optional.of(text);
        }
        boolean quotesWouldHelp = value instanceof YamlScalar scalar && !scalar.isNull();
        problems.wrongValue(value, field, quotesWouldHelp ? "a string (put it in quotes)" : "a string");
        return Optional.empty();
    }

    /** An optional name: a non-blank string that fits its database column. */
    Optional<String> name(YamlMap map, String key, String path, int maxLength) {
        return present(map, key).flatMap(value -> name(value, path + key, maxLength));
    }

    /** @param what what the key names, for the message when it is missing */
    Optional<String> requiredName(YamlMap map, String key, String path, int maxLength, String what) {
        Optional<YamlValue> value = map.get(key);
        if (value.isEmpty()) {
            missing(map, path + key, what);
            return Optional.empty();
        }
        return name(value.get(), path + key, maxLength);
    }

    private Optional<String> name(YamlValue value, String field, int maxLength) {
        Optional<String> text = string(value, field);
        if (text.isPresent() && (text.get().isBlank() || text.get().length() > maxLength)) {
            problems.wrongValue(value, field, nameOf(maxLength));
            return Optional.empty();
        }
        return text;
    }

    /** Optional free text that fits its column; may be empty. */
    Optional<String> text(YamlMap map, String key, String path, int maxLength) {
        return present(map, key).flatMap(value -> string(value, path + key).filter(text -> {
            if (text.length() > maxLength) {
                problems.wrongValue(value, path + key, "a string of at most " + maxLength + " characters");
                return false;
            }
            return true;
        }));
    }

    private static String nameOf(int maxLength) {
        return "a non-blank string of at most " + maxLength + " characters";
    }

    Optional<Boolean> bool(YamlMap map, String key, String path) {
        return present(map, key).flatMap(value -> {
            if (value instanceof YamlScalar scalar && scalar.value() instanceof Boolean flag) {
                return Optional.of(flag);
            }
            problems.wrongValue(value, path + key, "true or false");
            return Optional.empty();
        });
    }

    Optional<Integer> positiveInt(YamlMap map, String key, String path) {
        return present(map, key).flatMap(value -> {
            if (value instanceof YamlScalar scalar && scalar.value() instanceof Long number && number > 0
                    && number <= Integer.MAX_VALUE) {
                return Optional.of(number.intValue());
            }
            problems.wrongValue(value, path + key, "a positive integer");
            return Optional.empty();
        });
    }

    Optional<HandlerLanguage> language(YamlMap map, String key, String path) {
        return present(map, key).flatMap(value -> {
            Optional<HandlerLanguage> language = value instanceof YamlScalar scalar && scalar.value() instanceof String name
                    ? HandlerLanguage.fromWireName(name) : Optional.empty();
            if (language.isEmpty()) {
                problems.wrongValue(value, path + key, "one of " + String.join(", ", HandlerLanguage.wireNames()));
            }
            return language;
        });
    }

    Optional<YamlMap> mapping(YamlMap map, String key, String path, String expected) {
        return present(map, key).flatMap(value -> mapping(value, path + key, expected));
    }

    Optional<YamlMap> mapping(YamlValue value, String field, String expected) {
        if (value instanceof YamlMap map) {
            return Optional.of(map);
        }
        problems.wrongValue(value, field, expected);
        return Optional.empty();
    }

    Optional<YamlList> list(YamlMap map, String key, String path, String expected) {
        return present(map, key).flatMap(value -> {
            if (value instanceof YamlList list) {
                return Optional.of(list);
            }
            problems.wrongValue(value, path + key, expected);
            return Optional.empty();
        });
    }

    /** A list of strings, each with its position; wrong items are reported and left out. */
    Optional<List<Located>> strings(YamlMap map, String key, String path) {
        return list(map, key, path, "a list of strings").map(list -> {
            List<Located> items = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                YamlValue item = list.items().get(i);
                String field = path + key + "[" + i + "]";
                string(item, field).ifPresent(text -> items.add(new Located(text, item.position(), field)));
            }
            return items;
        });
    }

    void rejectUnknownKeys(YamlMap map, Collection<String> allowed, String path) {
        for (YamlMap.Entry entry : map.entries()) {
            if (!allowed.contains(entry.key())) {
                problems.add(entry.keyPosition(), path + entry.key(), "unknown key", "one of " + String.join(", ", allowed));
            }
        }
    }

    void missing(YamlMap map, String field, String expected) {
        problems.add(map.position(), field, "is missing", expected);
    }

    private static Optional<YamlValue> present(YamlMap map, String key) {
        return map.get(key).filter(value -> !(value instanceof YamlScalar scalar && scalar.isNull()));
    }

    /** A string read from the file together with where it was written. */
    record Located(String text, Position position, String field) {
    }
}
