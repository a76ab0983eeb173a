package io.tasker.bridge.engine;

import org.graalvm.polyglot.HostAccess;

/**
 * What guest code may touch of the host: only members annotated {@link HostAccess.Export} on the objects the
 * bridge hands over (the handle), plus the proxies. Contexts on one shared engine must all use this same
 * instance, so there is exactly one.
 */
public final class GuestAccess {
    public static final HostAccess HOST_ACCESS = HostAccess.newBuilder()
            .allowAccessAnnotatedBy(HostAccess.Export.class)
            .allowPublicAccess(false)
            .allowAccessInheritance(false)
            .allowAllImplementations(false)
            .allowAllClassImplementations(false)
            .allowArrayAccess(false)
            .allowListAccess(false)
            .allowMapAccess(false)
            .allowIterableAccess(false)
            .allowIteratorAccess(false)
            .allowBufferAccess(false)
            // Big integers in the engine's data (JSON numbers past 2^63) reach guests as numbers.
            .allowBigIntegerNumberAccess(true)
            .methodScoping(false)
            .build();

    private GuestAccess() {
    }
}
