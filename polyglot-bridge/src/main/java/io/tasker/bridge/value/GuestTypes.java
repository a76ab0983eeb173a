package io.tasker.bridge.value;

import org.graalvm.polyglot.Value;

/**
 * The little the converter must ask the guest language itself, because interop alone cannot tell: the keys of
 * a hash without the slow interop iterator, float versus integer, and the text form of decimals and dates.
 * Implemented once per context with guest callables looked up once.
 */
public interface GuestTypes {

    /** The keys of a guest hash or dict as a guest array (Ruby {@code hash.keys}, Python {@code list(d)}). */
    Value keysOf(Value hash);

    /** Whether an integral number is a float in the guest ({@code 2.0}), which interop reports as fitting a long. */
    boolean isFloat(Value number);

    /**
     * The stored text of a value JSON has no type for, as Tasker's JSON normalisation writes it: a decimal as its
     * digits ({@code BigDecimal}, {@code Decimal}), a date or time in ISO-8601; null when the value is none of them.
     */
    String textOf(Value value);

    /** The value's type as an error message names it, e.g. {@code a Python set}. */
    String describe(Value value);

    /** The storable types in the guest's own words, for error messages. */
    String storableTypes();
}
