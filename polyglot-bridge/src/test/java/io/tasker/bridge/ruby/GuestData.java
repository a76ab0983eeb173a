package io.tasker.bridge.ruby;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyHashMap;

/** Java data as the engine hands it to guests: maps as read-only-style hash proxies, lists as array proxies. */
final class GuestData {
    private GuestData() {
    }

    static Object of(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> wrapped = new LinkedHashMap<>();
            map.forEach((key, item) -> wrapped.put(key, of(item)));
            return ProxyHashMap.from(wrapped);
        }
        if (value instanceof List<?> list) {
            List<Object> wrapped = new ArrayList<>();
            list.forEach(item -> wrapped.add(of(item)));
            return ProxyArray.fromList(wrapped);
        }
        return value;
    }
}
