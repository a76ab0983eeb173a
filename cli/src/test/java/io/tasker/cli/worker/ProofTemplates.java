package io.tasker.cli.worker;

import java.nio.file.Path;
import java.util.List;

/** Task templates of the worker proofs (namespace {@code proofs}, version 1.0.0), every step run by {@link ProofHandler}. */
final class ProofTemplates {
    static final String NAMESPACE = "proofs";

    private ProofTemplates() {
    }

    /** A diamond (top → left, right → bottom) of no-op steps that write down every execution in {@code runLog}. */
    static String diamond(Path runLog) {
        String config = "{run_log: \"" + runLog + "\"}";
        return template("diamond",
                step("top", List.of(), config),
                step("left", List.of("top"), config),
                step("right", List.of("top"), config),
                step("bottom", List.of("left", "right"), config));
    }

    static String template(String name, String... steps) {
        return """
                name: %s
                namespace_name: %s
                version: 1.0.0
                step_templates:
                %s""".formatted(name, NAMESPACE, String.join("", steps));
    }

    /**
     * A step.
     *
     * @param handlerConfig the handler's configuration as a YAML flow map, e.g. {@code {sleep_ms: 3000}}
     * @param extra further step fields, one {@code key: value} per entry
     */
    static String step(String name, List<String> dependsOn, String handlerConfig, String... extra) {
        StringBuilder yaml = new StringBuilder()
                .append("  - name: ").append(name).append('\n')
                .append("    handler_class: ").append(ProofHandler.class.getName()).append('\n')
                .append("    handler_config: ").append(handlerConfig).append('\n');
        if (!dependsOn.isEmpty()) {
            yaml.append("    depends_on_steps: [").append(String.join(", ", dependsOn)).append("]\n");
        }
        for (String field : extra) {
            yaml.append("    ").append(field).append('\n');
        }
        return yaml.toString();
    }
}
