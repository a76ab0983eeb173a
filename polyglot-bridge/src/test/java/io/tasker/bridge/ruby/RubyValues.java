package io.tasker.bridge.ruby;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Guest values as plain Java data for assertions: null, Boolean, String, Long or BigInteger, Double, List, Map. */
final class RubyValues {
    private RubyValues() {
    }

    static Object toJava(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            return number(value);
        }
        if (value.hasHashEntries()) {
            return map(value);
        }
        if (value.hasArrayElements()) {
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < value.getArraySize(); i++) {
                list.add(toJava(value.getArrayElement(i)));
            }
            return list;
        }
        throw new IllegalArgumentException("not plain data: " + value + " (" + value.getMetaObject() + ")");
    }

    private static Object number(Value value) {
        if (value.fitsInLong()) {
            return value.asLong();
        }
        if (value.fitsInBigInteger()) {
            return value.asBigInteger();
        }
        return value.asDouble();
    }

    private static Map<String, Object> map(Value hash) {
        Map<String, Object> map = new LinkedHashMap<>();
        Value keys = hash.invokeMember("keys");
        for (long i = 0; i < keys.getArraySize(); i++) {
            Value key = keys.getArrayElement(i);
            map.put(key.asString(), toJava(hash.getHashValue(key)));
        }
        return map;
    }
}
