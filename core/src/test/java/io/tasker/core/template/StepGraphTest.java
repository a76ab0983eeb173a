package io.tasker.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepGraphTest {

    @Test
    void finds_no_cycle_in_a_diamond() {
        StepGraph diamond = new StepGraph(List.of("a", "b", "c", "d"),
                Map.of("a", List.of(), "b", List.of("a"), "c", List.of("a"), "d", List.of("b", "c")));

        assertThat(diamond.cycles()).isEmpty();
    }

    @Test
    void reports_each_cycle_once_in_running_order_from_its_earliest_step() {
        StepGraph graph = new StepGraph(List.of("x", "y", "z", "p", "q", "downstream"), Map.of(
                "x", List.of("z"), "y", List.of("x"), "z", List.of("y"),
                "p", List.of("q"), "q", List.of("p"),
                "downstream", List.of("x", "q")));

        assertThat(graph.cycles()).containsExactly(List.of("x", "y", "z", "x"), List.of("p", "q", "p"));
    }

    @Test
    void ignores_dependencies_on_steps_that_do_not_exist() {
        StepGraph graph = new StepGraph(List.of("a", "b"), Map.of("a", List.of("ghost"), "b", List.of("a", "ghost")));

        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void checks_a_chain_of_twenty_thousand_steps_without_overflowing_the_stack() {
        List<String> steps = new ArrayList<>();
        Map<String, List<String>> parents = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            steps.add("s" + i);
            parents.put("s" + i, i == 0 ? List.of("s19999") : List.of("s" + (i - 1)));
        }

        List<List<String>> cycles = new StepGraph(steps, parents).cycles();

        assertThat(cycles).singleElement().satisfies(cycle -> {
            assertThat(cycle).hasSize(20_001);
            assertThat(cycle.subList(0, 3)).containsExactly("s0", "s1", "s2");
            assertThat(cycle.getLast()).isEqualTo("s0");
        });
    }
}
