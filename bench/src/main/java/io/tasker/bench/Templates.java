package io.tasker.bench;

import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;

/** The workflow shapes the benchmarks run, written as Tasker YAML and parsed like any template. */
final class Templates {
    private static final TemplateLoader LOADER = new TemplateLoader("bench");
    private static final String NOOP = NoopHandler.class.getName();

    private Templates() {
    }

    static TaskTemplate chain(int length) {
        StringBuilder yaml = header("chain_" + length);
        for (int i = 0; i < length; i++) {
            step(yaml, "step_" + i, i == 0 ? null : "step_" + (i - 1));
        }
        return LOADER.parse(yaml.toString(), "chain_" + length + ".yaml");
    }

    static TaskTemplate diamond() {
        StringBuilder yaml = header("diamond");
        step(yaml, "a", null);
        step(yaml, "b", "a");
        step(yaml, "c", "a");
        step(yaml, "d", "b, c");
        return LOADER.parse(yaml.toString(), "diamond.yaml");
    }

    /** A wide random DAG: every step depends on up to three random earlier steps. */
    static TaskTemplate randomDag(String name, int size, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        StringBuilder yaml = header(name);
        for (int i = 0; i < size; i++) {
            java.util.TreeSet<Integer> parents = new java.util.TreeSet<>();
            int count = i == 0 ? 0 : random.nextInt(Math.min(i, 3) + 1);
            while (parents.size() < count) {
                parents.add(random.nextInt(i));
            }
            step(yaml, "s" + i, parents.isEmpty() ? null
                    : String.join(", ", parents.stream().map(p -> "s" + p).toList()));
        }
        return LOADER.parse(yaml.toString(), name + ".yaml");
    }

    private static StringBuilder header(String name) {
        return new StringBuilder("name: " + name + "\nnamespace_name: bench\nversion: 1.0.0\n"
                + "task_handler_class: Bench\nstep_templates:\n");
    }

    private static void step(StringBuilder yaml, String name, String parents) {
        yaml.append("  - name: ").append(name).append("\n    handler_class: ").append(NOOP).append('\n');
        if (parents != null) {
            yaml.append("    depends_on_steps: [").append(parents).append("]\n");
        }
    }
}
