package io.tasker.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a handler's result can be stored as JSON and returns it as immutable Java data. Anything
 * else is refused with an {@link UnstorableValueException} naming the path inside the value and its type.
 */
public final class StorableValues {
    public static final int DEFAULT_MAX_DEPTH = 64;

    private StorableValues() {
    }

    public static Object toStorable(Object value) {
        return toStorable(value, DEFAULT_MAX_DEPTH);
    }

    public static Object toStorable(Object value, int maxDepth) {
        return convert(value, "$", 0, maxDepth, new IdentityHashMap<>());
    }

    private static Object convert(Object value, String path, int depth, int maxDepth, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number(number, path);
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (depth >= maxDepth) {
            throw new UnstorableValueException(path, "nesting deeper than " + maxDepth + " levels");
        }
        if (seen.put(value, Boolean.TRUE) != null) {
            throw new UnstorableValueException(path, "a cyclic structure (it contains itself)");
        }
        try {
            if (value instanceof Map<?, ?> map) {
                return map(map, path, depth, maxDepth, seen);
            }
            if (value instanceof Iterable<?> items) {
                return list(items, path, depth, maxDepth, seen);
            }
            if (value instanceof Object[] array) {
                return list(java.util.Arrays.asList(array), path, depth, maxDepth, seen);
            }
        } finally {
            seen.remove(value);
        }
        throw new UnstorableValueException(path, "a value of type " + value.getClass().getName()
                + " (expected null, boolean, string, number, list or map)");
    }

    private static Object number(Number number, String path) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new UnstorableValueException(path, "the number " + d + " (JSON has no NaN or Infinity)");
            }
            return d;
        }
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof Long || number instanceof BigInteger || number instanceof BigDecimal) {
            return number;
        }
        return new BigDecimal(number.toString());
    }

    private static Object map(Map<?, ?> map, String path, int depth, int maxDepth, IdentityHashMap<Object, Boolean> seen) {
        Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String || key instanceof Number || key instanceof Boolean || key instanceof Enum)) {
                throw new UnstorableValueException(path, "a map key of type "
                        + (key == null ? "null" : key.getClass().getName()) + " (keys must be strings)");
            }
            String name = key instanceof Enum<?> e ? e.name() : key.toString();
            copy.put(name, convert(entry.getValue(), path + "." + name, depth + 1, maxDepth, seen));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object list(Iterable<?> items, String path, int depth, int maxDepth, IdentityHashMap<Object, Boolean> seen) {
        List<Object> copy = new ArrayList<>();
        int index = 0;
        for (Object item : items) {
            copy.add(convert(item, path + "[" + index++ + "]", depth + 1, maxDepth, seen));
        }
        return Collections.unmodifiableList(copy);
    }
}
