package io.tasker.bridge.value;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A read-only guest object with a fixed set of snake_case members, read as attributes in Python and as
 * methods in Ruby ({@code task.context}, {@code step.name}). Values are wrapped when read, never copied.
 */
abstract sealed class MemberView implements ProxyObject permits TaskProxy, StepProxy, SequenceProxy {
    private final List<String> members;

    MemberView(List<String> members) {
        this.members = members;
    }

    @Override
    public final Object getMemberKeys() {
        return ProxyArray.fromList(List.copyOf(members));
    }

    @Override
    public final boolean hasMember(String key) {
        return members.contains(key);
    }

    @Override
    public final void putMember(String key, Value value) {
        throw new UnsupportedOperationException(getClass().getSimpleName().replace("Proxy", "").toLowerCase()
                + " views are read-only: '" + key + "' cannot be assigned");
    }

    @Override
    public final boolean removeMember(String key) {
        throw new UnsupportedOperationException("views are read-only: '" + key + "' cannot be removed");
    }
}
