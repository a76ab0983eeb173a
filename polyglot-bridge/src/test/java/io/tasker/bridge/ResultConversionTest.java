package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.handler.StepFailure;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Results of real Ruby and Python handlers through the one converter: the shapes JSON stores, the JSON
 * normalisation of symbols, times and decimals, and a clear refusal naming the step, the path and the type.
 */
class ResultConversionTest {
    private static GuestHandlers ruby;
    private static GuestHandlers python;

    @BeforeAll
    static void startLanguages() {
        ruby = GuestHandlers.ruby();
        python = GuestHandlers.python();
    }

    @AfterAll
    static void stopLanguages() {
        ruby.close();
        python.close();
    }

    private static Object rubyResult(String kind) throws Exception {
        return ruby.run("RubyHandlers::Returns", Map.of("kind", kind));
    }

    private static Object pythonResult(String kind) throws Exception {
        return python.run("shop.returns.Returns", Map.of("kind", kind));
    }

    private static StepFailure rubyFailure(String kind) throws Exception {
        return ruby.failure("RubyHandlers::Returns", Map.of("kind", kind));
    }

    private static StepFailure pythonFailure(String kind) throws Exception {
        return python.failure("shop.returns.Returns", Map.of("kind", kind));
    }

    @Test
    void ruby_symbols_become_strings_as_keys_and_values() throws Exception {
        assertThat(rubyResult("symbols")).isEqualTo(Map.of("status", "shipped", "tags", List.of("fast", "cheap")));
    }

    @Test
    void nested_hashes_in_arrays_keep_their_shape() throws Exception {
        Map<String, Object> expected = Map.of("orders", List.of(
                Map.of("id", 1L, "lines", List.of(Map.of("sku", "a", "qty", 2L))), Map.of("id", 2L, "lines", List.of())));
        assertThat(rubyResult("nested")).isEqualTo(expected);
        assertThat(pythonResult("nested")).isEqualTo(expected);
    }

    @Test
    void big_integers_stay_exact() throws Exception {
        Map<String, Object> expected = Map.of("big", BigInteger.TWO.pow(70), "negative", BigInteger.TWO.pow(64).negate(),
                "small", 7L);
        assertThat(rubyResult("big_integer")).isEqualTo(expected);
        assertThat(pythonResult("big_integer")).isEqualTo(expected);
    }

    @Test
    void integral_floats_stay_floats() throws Exception {
        Map<String, Object> expected = Map.of("two", 2.0, "half", 0.5, "big_float", 1e20);
        assertThat(rubyResult("floats")).isEqualTo(expected);
        assertThat(pythonResult("floats")).isEqualTo(expected);
    }

    @Test
    void ruby_times_and_dates_become_iso_8601_text() throws Exception {
        assertThat(rubyResult("time")).isEqualTo(Map.of("utc", "2026-03-01T10:00:00Z",
                "offset", "2026-03-01T10:00:00+01:00", "date", "2026-03-01"));
    }

    @Test
    void python_datetimes_become_iso_8601_text_with_their_offset_when_they_have_one() throws Exception {
        assertThat(pythonResult("datetime")).isEqualTo(Map.of("aware", "2026-03-01T10:00:00Z",
                "offset", "2026-03-01T10:00:00+01:00", "naive", "2026-03-01T10:00:00.25", "date", "2026-03-01"));
    }

    @Test
    void decimals_become_their_digits_as_text() throws Exception {
        assertThat(rubyResult("big_decimal")).isEqualTo(Map.of("price", "19.9", "tiny", "0.000001"));
        assertThat(pythonResult("decimal")).isEqualTo(Map.of("price", "19.90"));
    }

    @Test
    void tuples_are_lists_and_number_keys_are_strings() throws Exception {
        assertThat(pythonResult("tuple")).isEqualTo(Map.of("pair", List.of(1L, "two")));
        assertThat(pythonResult("int_keys")).isEqualTo(Map.of("1", "one", "2", "two"));
    }

    @Test
    void engine_data_handed_back_unchanged_is_the_original_java_value() throws Exception {
        assertThat(rubyResult("inputs")).isEqualTo(Map.of("order_id", 7L));
        assertThat(pythonResult("inputs")).isEqualTo(Map.of("order_id", 7L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void results_of_ten_megabytes_are_converted_whole() throws Exception {
        for (Object results : List.of(rubyResult("ten_megabytes"), pythonResult("ten_megabytes"))) {
            Map<?, ?> map = (Map<?, ?>) results;
            assertThat((String) map.get("blob")).hasSize(10 * 1024 * 1024).startsWith("xxx");
            assertThat((List<Object>) map.get("rows")).hasSize(1000).endsWith("row 1000");
        }
    }

    @Test
    void nan_is_refused_naming_the_step_the_path_and_the_value() throws Exception {
        for (StepFailure failure : List.of(rubyFailure("nan"), pythonFailure("nan"))) {
            assertThat(failure.message()).isEqualTo("step 'a_step' returned results that cannot be stored at $.ratio:"
                    + " the number NaN (JSON has no NaN or Infinity)");
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.errorCode()).isEqualTo("UNSTORABLE_RESULT");
        }
        assertThat(pythonFailure("infinity").message()).endsWith("at $[0]: the number Infinity (JSON has no NaN or Infinity)");
    }

    @Test
    void a_set_is_refused_naming_its_type() throws Exception {
        assertThat(rubyFailure("set").message()).endsWith("at $.tags: a Ruby object of class Set (expected nil, true,"
                + " false, String, Symbol, Integer, Float, Array, Hash, Time, Date or BigDecimal)");
        assertThat(pythonFailure("set").message()).endsWith("at $.tags: a Python object of type set (expected None, bool,"
                + " str, int, float, list, tuple, dict, datetime, date or Decimal)");
    }

    @Test
    void an_object_is_refused_naming_its_class() throws Exception {
        assertThat(rubyFailure("object").message()).contains("at $.thing: a Ruby object of class Object (expected");
        assertThat(pythonFailure("object").message()).contains("at $.thing: a Python object of type shop.returns.Cyclic");
    }

    @Test
    void a_structure_containing_itself_is_refused_where_the_cycle_closes() throws Exception {
        assertThat(rubyFailure("cycle").message()).endsWith("at $[0]: a cyclic structure (it contains itself)");
        assertThat(rubyFailure("cyclic_hash").message()).endsWith("at $.self: a cyclic structure (it contains itself)");
        assertThat(pythonFailure("cycle").message()).endsWith("at $.items[1]: a cyclic structure (it contains itself)");
    }

    @Test
    void nesting_past_the_depth_limit_is_refused() throws Exception {
        assertThat(pythonFailure("deep").message()).contains("nesting deeper than 64 levels");
    }

    @Test
    void results_past_the_size_limit_are_refused_before_they_are_copied_whole() throws Exception {
        try (GuestHandlers small = GuestHandlers.python(Map.of("max_result_bytes", 1024L * 1024))) {
            StepFailure failure = small.failure("shop.returns.Returns", Map.of("kind", "too_large"));
            assertThat(failure.message()).contains("results larger than 1048576 bytes");
        }
    }

    @Test
    void a_view_is_refused_with_advice() throws Exception {
        assertThat(pythonFailure("view").message()).endsWith("at $.step: a task, step or sequence view"
                + " (return the fields you need instead)");
    }

    @Test
    void a_key_that_is_not_a_string_or_number_is_refused() throws Exception {
        assertThat(pythonFailure("tuple_key").message()).contains("a key that is a Python object of type tuple");
    }
}
