package io.tasker.bridge.value;

import java.util.Iterator;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyHashMap;
import org.graalvm.polyglot.proxy.ProxyIterator;

/**
 * A JSON object of the engine as a guest hash (Ruby) or mapping (Python: subscriptable, {@code keys()},
 * {@code get}). Keys are strings; a Ruby symbol key finds the same entry. Writing is refused.
 */
final class ReadOnlyMap implements ProxyHashMap, HostData {
    private final Map<String, Object> map;

    ReadOnlyMap(Map<String, Object> map) {
        this.map = map;
    }

    @Override
    public Object javaValue() {
        return map;
    }

    @Override
    public long getHashSize() {
        return map.size();
    }

    @Override
    public boolean hasHashEntry(Value key) {
        return key.isString() && map.containsKey(key.asString());
    }

    @Override
    public Object getHashValue(Value key) {
        return key.isString() ? GuestViews.of(map.get(key.asString())) : null;
    }

    @Override
    public void putHashEntry(Value key, Value value) {
        throw new UnsupportedOperationException("engine data is read-only; build a new hash or dict instead");
    }

    @Override
    public Object getHashEntriesIterator() {
        Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
        return new ProxyIterator() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Object getNext() {
                Map.Entry<String, Object> entry = entries.next();
                return ProxyArray.fromArray(entry.getKey(), GuestViews.of(entry.getValue()));
            }
        };
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
