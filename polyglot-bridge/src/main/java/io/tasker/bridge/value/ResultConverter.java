package io.tasker.bridge.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * The one way guest values become Java: null, Boolean, String, Long, BigInteger, Double, {@code List} and
 * {@code Map<String, ?>}, the shapes the engine stores as JSON. Symbols become strings, dates and decimals ISO
 * and digit text; anything else (a Ruby object, a Python set, NaN, a structure containing itself, one nested or
 * sized past the limits) is refused with the path and the type. One instance per context: not thread-safe.
 */
public final class ResultConverter {
    private final GuestTypes types;
    private final ResultLimits limits;

    public ResultConverter(GuestTypes types, ResultLimits limits) {
        this.types = types;
        this.limits = limits;
    }

    public Object toJava(Value value) throws UnconvertibleValueException {
        return new Conversion().convert(value, 0);
    }

    /** The state of converting one value: the bytes left, and the containers on the path from the root. */
    private final class Conversion {
        private long bytesLeft = limits.maxBytes();
        private final List<Value> enclosing = new ArrayList<>();

        Object convert(Value value, int depth) throws UnconvertibleValueException {
            if (value.isString()) {
                return text(value.asString());
            }
            if (value.isNumber()) {
                spend(8);
                return number(value);
            }
            if (value.isBoolean()) {
                spend(5);
                return value.asBoolean();
            }
            if (value.isNull()) {
                spend(4);
                return null;
            }
            if (value.isProxyObject()) {
                return hostData(value);
            }
            if (value.hasHashEntries()) {
                return map(value, depth);
            }
            if (value.hasArrayElements()) {
                return list(value, depth);
            }
            return textOrRefuse(value);
        }

        private Object number(Value value) throws UnconvertibleValueException {
            boolean integral = value.fitsInLong() || value.fitsInBigInteger();
            if (integral && !(value.fitsInDouble() && types.isFloat(value))) {
                return value.fitsInLong() ? (Object) value.asLong() : value.asBigInteger();
            }
            if (!value.fitsInDouble()) {
                throw new UnconvertibleValueException("the number " + value + ", which fits no 64-bit float");
            }
            double number = value.asDouble();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new UnconvertibleValueException("the number " + number + " (JSON has no NaN or Infinity)");
            }
            return number;
        }

        private Map<String, Object> map(Value hash, int depth) throws UnconvertibleValueException {
            enter(hash, depth);
            Value keys = types.keysOf(hash);
            int size = Math.toIntExact(keys.getArraySize());
            Map<String, Object> map = LinkedHashMap.newLinkedHashMap(size);
            spend(2);
            for (int i = 0; i < size; i++) {
                Value key = keys.getArrayElement(i);
                String name = keyName(key);
                spend(name.length() + 4);
                try {
                    map.put(name, convert(hash.getHashValue(key), depth + 1));
                } catch (UnconvertibleValueException e) {
                    throw e.inside("." + name);
                }
            }
            leave();
            return map;
        }

        private List<Object> list(Value array, int depth) throws UnconvertibleValueException {
            enter(array, depth);
            int size = Math.toIntExact(array.getArraySize());
            List<Object> list = new ArrayList<>(size);
            spend(2);
            for (int i = 0; i < size; i++) {
                try {
                    list.add(convert(array.getArrayElement(i), depth + 1));
                } catch (UnconvertibleValueException e) {
                    throw e.inside("[" + i + "]");
                }
            }
            leave();
            return list;
        }

        private String keyName(Value key) throws UnconvertibleValueException {
            if (key.isString()) {
                return key.asString();
            }
            if (key.isNumber() || key.isBoolean()) {
                return String.valueOf(convert(key, 0));
            }
            throw new UnconvertibleValueException("a key that is " + types.describe(key) + " (keys must be strings)");
        }

        /** Depth first, then identity with every enclosing container: a cycle is found where it closes. */
        private void enter(Value container, int depth) throws UnconvertibleValueException {
            if (depth >= limits.maxDepth()) {
                throw new UnconvertibleValueException("nesting deeper than " + limits.maxDepth() + " levels");
            }
            for (Value outer : enclosing) {
                if (outer.equals(container)) {
                    throw new UnconvertibleValueException("a cyclic structure (it contains itself)");
                }
            }
            enclosing.add(container);
        }

        private void leave() {
            enclosing.removeLast();
        }

        private Object hostData(Value value) throws UnconvertibleValueException {
            if (value.asProxyObject() instanceof HostData data) {
                return data.javaValue();
            }
            throw new UnconvertibleValueException("a task, step or sequence view (return the fields you need instead)");
        }

        private String textOrRefuse(Value value) throws UnconvertibleValueException {
            if (IsoText.isTemporal(value)) {
                return text(IsoText.of(value));
            }
            String text = types.textOf(value);
            if (text == null) {
                throw new UnconvertibleValueException(types.describe(value) + " (expected " + types.storableTypes() + ")");
            }
            return text(text);
        }

        private String text(String text) throws UnconvertibleValueException {
            spend(text.length() + 2L);
            return text;
        }

        private void spend(long bytes) throws UnconvertibleValueException {
            bytesLeft -= bytes;
            if (bytesLeft < 0) {
                throw new UnconvertibleValueException("results larger than " + limits.maxBytes()
                        + " bytes (the limit is max_result_bytes in the handlers section of the configuration)");
            }
        }
    }
}
