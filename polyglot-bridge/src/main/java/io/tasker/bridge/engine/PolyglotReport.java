package io.tasker.bridge.engine;

import java.util.List;

/**
 * The polyglot runtime as {@code tasker doctor} reports it.
 *
 * @param implementationName {@code GraalVM CE} with the Graal JIT, {@code Interpreted} without
 * @param compiling whether guest code is compiled by the JIT
 */
public record PolyglotReport(String implementationName, String version, boolean compiling, List<Language> languages) {

    public PolyglotReport {
        languages = List.copyOf(languages);
    }

    /** A guest language installed in the engine. */
    public record Language(String id, String name, String version) {
    }
}
