package io.tasker.bridge.value;

/**
 * A proxy over engine data: a guest that returns it unchanged (e.g. {@code return step.inputs}) hands back the
 * original Java value, which needs no conversion.
 */
sealed interface HostData permits ReadOnlyMap, ReadOnlyList {
    Object javaValue();
}
