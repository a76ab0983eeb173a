package io.tasker.core.yaml;

/** A parsed YAML value that remembers where it was written. Anchors and merge keys are already resolved. */
public sealed interface YamlValue permits YamlMap, YamlList, YamlScalar {

    Position position();

    /** What the value is, for error messages: {@code a list}, {@code the string "abc"}, ... */
    String describe();

    /** The value as plain mutable Java data: null, Boolean, String, Long, BigInteger, Double, List, Map. */
    Object toPlain();
}
