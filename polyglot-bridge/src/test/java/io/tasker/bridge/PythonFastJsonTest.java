package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * json.loads in a sandboxed bridge context (tasker._json's scanner) against GraalPy's standard scanner: the
 * handler {@code shop.json_compat.JsonCompatHandler} runs both on a generated corpus and on malformed and mutated
 * texts and reports what differs, values by repr and errors by class, message, position, line and column.
 */
class PythonFastJsonTest {
    private static GuestHandlers python;

    @BeforeAll
    static void startPython() {
        python = GuestHandlers.python();
    }

    @AfterAll
    static void stopPython() {
        python.close();
    }

    @Test
    void loads_gives_what_the_standard_scanner_gives_values_and_errors_alike() throws Exception {
        Map<?, ?> report = (Map<?, ?>) python.run("shop.json_compat.JsonCompatHandler", null);

        assertThat(report.get("fast_scanner")).isEqualTo(true);
        assertThat((List<?>) report.get("differences")).isEmpty();
        assertThat(((Number) report.get("values")).longValue()).isGreaterThan(200L);
        assertThat(((Number) report.get("errors")).longValue()).isGreaterThan(100L);
    }
}
