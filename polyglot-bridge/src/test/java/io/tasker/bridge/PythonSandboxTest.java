package io.tasker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.handler.StepFailure;
import io.tasker.core.handler.StepHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python handlers are confined by default, and the configuration grants more, one right at a time. */
class PythonSandboxTest {
    private static GuestHandlers confined;

    @BeforeAll
    static void startConfinedPython() {
        confined = GuestHandlers.python();
    }

    @AfterAll
    static void stopConfinedPython() {
        confined.close();
    }

    private static StepFailure refusal(String probe) throws Exception {
        return confined.failure("shop.sandbox.Probe", Map.of("probe", probe));
    }

    @Test
    void a_default_handler_cannot_read_a_system_file() throws Exception {
        StepFailure failure = refusal("read_passwd");

        assertThat(failure.errorClass()).isEqualTo("PermissionError");
        assertThat(failure.message()).contains("Operation not permitted", "/etc/passwd");
    }

    @Test
    void a_default_handler_cannot_open_a_socket() throws Exception {
        assertThat(refusal("socket").message()).containsIgnoringCase("socket");
    }

    @Test
    void a_default_handler_cannot_start_a_process() throws Exception {
        assertThat(refusal("process").errorClass()).isEqualTo("PermissionError");
    }

    @Test
    void a_default_handler_cannot_reach_java_lang_system() throws Exception {
        StepFailure failure = refusal("java_system");

        assertThat(failure.errorClass()).isEqualTo("KeyError");
        assertThat(failure.message()).contains("host symbol java.lang.System is not defined or access has been denied");
    }

    @Test
    void a_default_handler_cannot_start_a_thread() throws Exception {
        assertThat(refusal("thread").message()).contains("Creating threads is not allowed");
    }

    @Test
    void a_default_handler_sees_no_environment_variables() throws Exception {
        assertThat(confined.run("shop.sandbox.Probe", Map.of("probe", "environment")))
                .isEqualTo(java.util.Collections.singletonMap("outcome", null));
    }

    @Test
    void a_default_handler_reads_its_own_source_but_cannot_change_it() throws Exception {
        String source = Path.of("src/test/resources/handlers/shop/sandbox.py").toRealPath().toString();
        StepHandler probe = confined.handler("shop.sandbox.Probe", Map.of("probe", "read_file"));
        StepHandler writer = confined.handler("shop.sandbox.Probe", Map.of("probe", "write_handler_root"));

        assertThat(GuestHandlers.run(probe, Map.of("path", source)).toString()).contains("Probes of the sandbox");
        assertThat(GuestHandlers.failure(writer, Map.of("path", source)).errorClass()).isEqualTo("PermissionError");
    }

    @Test
    void a_file_outside_the_handler_roots_is_refused_until_the_configuration_grants_io(@TempDir Path folder)
            throws Exception {
        Path file = Files.writeString(folder.resolve("granted.txt"), "granted content");
        Map<String, Object> context = Map.of("path", file.toString());
        StepHandler refused = confined.handler("shop.sandbox.Probe", Map.of("probe", "read_file"));

        assertThat(GuestHandlers.failure(refused, context).errorClass()).isEqualTo("PermissionError");
        try (GuestHandlers granted = GuestHandlers.python(Map.of("allow_io", true))) {
            StepHandler reader = granted.handler("shop.sandbox.Probe", Map.of("probe", "read_file"));
            assertThat(GuestHandlers.run(reader, context)).isEqualTo(Map.of("outcome", "granted content"));
        }
    }
}
