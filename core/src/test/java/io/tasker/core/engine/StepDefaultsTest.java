package io.tasker.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.handler.TaskDraft;
import io.tasker.core.handler.TaskDraft.StepDraft;
import io.tasker.core.persistence.NewTask;
import io.tasker.core.persistence.TemplateIds;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import io.tasker.core.template.TemplateLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepDefaultsTest {
    private static final String WHO = "Shop::OrderTask#establish_step_dependencies_and_defaults";
    private static final TaskTemplate TEMPLATE = new TemplateLoader("test").parse("""
            name: order
            namespace_name: shop
            version: 1.0.0
            step_templates:
              - name: charge
                handler_class: Shop::Charge
                default_retry_limit: 2
              - name: ship
                handler_class: Shop::Ship
                depends_on_step: charge
            """, "order.yaml");
    private static final NewTask TASK = new NewTask(TEMPLATE, new TemplateIds(1, List.of(10, 11)),
            Map.of("order_id", 7L), "shop", "web", "checkout", List.of("web"), List.of(),
            Instant.parse("2026-03-01T10:00:00Z"), "identity", null, 0);

    @Test
    void a_draft_shows_the_task_and_the_template_defaults_of_its_steps() {
        TaskDraft draft = StepDefaults.draftOf(TASK);

        assertThat(draft.context()).isEqualTo(Map.of("order_id", 7L));
        assertThat(draft.reason()).isEqualTo("checkout");
        assertThat(draft.steps()).containsExactly(new StepDraft("charge", List.of(), true, 2, false),
                new StepDraft("ship", List.of("charge"), true, 3, false));
    }

    @Test
    void the_changed_defaults_and_context_are_what_is_written_and_the_template_stays_as_it_was() {
        TaskDraft draft = StepDefaults.draftOf(TASK);
        TaskDraft changed = draft.withContext(Map.of("order_id", 7L, "priority", "high"))
                .withSteps(List.of(draft.steps().get(0).withRetryLimit(5).withRetryable(false),
                        draft.steps().get(1).withSkippable(true)));

        NewTask written = StepDefaults.apply(TASK, draft, changed, WHO);

        assertThat(written.context()).isEqualTo(Map.of("order_id", 7L, "priority", "high"));
        assertThat(written.template().stepTemplates()).extracting(StepTemplate::retryLimit, StepTemplate::retryable,
                StepTemplate::skippable).containsExactly(org.assertj.core.groups.Tuple.tuple(5, false, false),
                org.assertj.core.groups.Tuple.tuple(3, true, true));
        assertThat(written.template().key()).isEqualTo(TEMPLATE.key());
        assertThat(written.identityHash()).isEqualTo(TASK.identityHash());
        assertThat(TEMPLATE.stepTemplates().getFirst().retryLimit()).isEqualTo(2);
    }

    @Test
    void refuses_to_change_what_identifies_the_task() {
        TaskDraft draft = StepDefaults.draftOf(TASK);
        TaskDraft changed = new TaskDraft(draft.namespace(), draft.name(), draft.version(), draft.context(), "admin",
                draft.sourceSystem(), "other", draft.tags(), draft.requestedAt(), draft.steps());

        assertThatThrownBy(() -> StepDefaults.apply(TASK, draft, changed, WHO))
                .isInstanceOf(TaskCreationException.class)
                .hasMessage("a task of shop.order@1.0.0 cannot be created: its task handler " + WHO
                        + " changed the task's initiator, reason; of the task only its context may change");
    }

    @Test
    void refuses_to_add_remove_rename_or_reorder_steps() {
        TaskDraft draft = StepDefaults.draftOf(TASK);
        List<StepDraft> fewer = List.of(draft.steps().getFirst());
        List<StepDraft> reordered = new ArrayList<>(draft.steps().reversed());

        for (List<StepDraft> steps : List.of(fewer, reordered)) {
            assertThatThrownBy(() -> StepDefaults.apply(TASK, draft, draft.withSteps(steps), WHO))
                    .isInstanceOf(TaskCreationException.class)
                    .hasMessageContaining("steps cannot be added, removed, renamed or reordered");
        }
    }

    @Test
    void refuses_to_relink_a_step_or_give_it_no_execution() {
        TaskDraft draft = StepDefaults.draftOf(TASK);
        StepDraft ship = draft.steps().get(1);
        List<StepDraft> relinked = List.of(draft.steps().get(0), new StepDraft("ship", List.of(), true, 3, false));
        List<StepDraft> never = List.of(draft.steps().get(0), ship.withRetryLimit(0));

        assertThatThrownBy(() -> StepDefaults.apply(TASK, draft, draft.withSteps(relinked), WHO))
                .hasMessageContaining("changed the dependencies of step 'ship' to []");
        assertThatThrownBy(() -> StepDefaults.apply(TASK, draft, draft.withSteps(never), WHO))
                .hasMessageContaining("set retry_limit of step 'ship' to 0; it counts every execution, so it must be at least 1");
    }

    @Test
    void refuses_a_context_that_cannot_be_stored() {
        TaskDraft draft = StepDefaults.draftOf(TASK);

        assertThatThrownBy(() -> StepDefaults.apply(TASK, draft, draft.withContext(Map.of("at", new Object())), WHO))
                .isInstanceOf(TaskCreationException.class)
                .hasMessageContaining(WHO + " left a task context that cannot be stored as JSON");
    }
}
