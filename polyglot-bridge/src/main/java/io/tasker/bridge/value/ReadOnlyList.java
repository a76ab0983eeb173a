package io.tasker.bridge.value;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/** A JSON array of the engine as a guest array (Ruby) or sequence (Python); writing is refused. */
final class ReadOnlyList implements ProxyArray, HostData {
    private final List<Object> list;

    ReadOnlyList(List<Object> list) {
        this.list = list;
    }

    @Override
    public Object javaValue() {
        return list;
    }

    @Override
    public Object get(long index) {
        return GuestViews.of(list.get(Math.toIntExact(index)));
    }

    @Override
    public void set(long index, Value value) {
        throw new UnsupportedOperationException("engine data is read-only; build a new array or list instead");
    }

    @Override
    public long getSize() {
        return list.size();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
