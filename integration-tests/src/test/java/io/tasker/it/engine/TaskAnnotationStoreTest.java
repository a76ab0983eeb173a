package io.tasker.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.PersistenceException;
import io.tasker.core.handler.TaskAnnotation;
import io.tasker.core.persistence.TaskAnnotationStore;
import io.tasker.core.template.TaskTemplate;
import io.tasker.it.engine.handlers.Noop;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Annotation types and task annotations in Tasker's tables, as guest handlers keep them through the handle. */
@ExtendWith(TaskerDatabaseExtension.class)
class TaskAnnotationStoreTest {

    private static long aTask(EngineFixture fx) {
        TaskTemplate template = fx.register("""
                name: annotated
                namespace_name: orders
                version: 1.0.0
                step_templates:
                  - name: a
                    handler_class: %s
                """.formatted(Noop.class.getName()));
        return fx.create(template, Map.of("order_id", fx.count("SELECT count(*) FROM tasker_tasks")));
    }

    @Test
    void an_annotation_type_is_created_once_and_found_by_name_afterwards(TestDatabase db) {
        TaskAnnotationStore store = new TaskAnnotationStore(new Jdbc(db.dataSource()));

        int created = store.typeId("order_summary", null);
        int found = store.typeId("order_summary", "What a customer ordered");

        assertThat(found).isEqualTo(created);
        assertThat(store.typeId("audit", "Who did what")).isNotEqualTo(created);
        try (EngineFixture fx = new EngineFixture(db)) {
            assertThat(fx.strings("SELECT name || ': ' || coalesce(description, '-') FROM tasker_annotation_types"
                    + " ORDER BY annotation_type_id")).containsExactly("order_summary: What a customer ordered",
                    "audit: Who did what");
        }
    }

    @Test
    void annotations_are_stored_as_jsonb_and_read_back_per_task_oldest_first(TestDatabase db) {
        try (EngineFixture fx = new EngineFixture(db)) {
            TaskAnnotationStore store = new TaskAnnotationStore(new Jdbc(db.dataSource()));
            long first = aTask(fx);
            long other = aTask(fx);

            long summary = store.annotate(first, "order_summary", Map.of("total", "105.23", "items", 2));
            long audit = store.annotate(first, "audit", Map.of("by", "order_bot"));
            store.annotate(other, "order_summary", Map.of("total", "1.00"));

            List<TaskAnnotation> annotations = store.annotationsOf(first);
            assertThat(annotations).extracting(TaskAnnotation::taskAnnotationId).containsExactly(summary, audit);
            assertThat(annotations).extracting(TaskAnnotation::annotationType).containsExactly("order_summary", "audit");
            assertThat(annotations.getFirst().annotation()).isEqualTo(Map.of("total", "105.23", "items", 2L));
            assertThat(annotations).allSatisfy(a -> assertThat(a.taskId()).isEqualTo(first))
                    .allSatisfy(a -> assertThat(a.createdAt()).isNotNull());
            assertThat(fx.count("SELECT count(*) FROM tasker_task_annotations WHERE annotation @> '{\"total\": \"1.00\"}'"))
                    .isEqualTo(1);
            assertThat(store.annotationsOf(987_654_321L)).isEmpty();
        }
    }

    @Test
    void an_annotation_of_a_task_that_does_not_exist_is_refused(TestDatabase db) {
        TaskAnnotationStore store = new TaskAnnotationStore(new Jdbc(db.dataSource()));

        assertThatThrownBy(() -> store.annotate(987_654_321L, "order_summary", Map.of()))
                .isInstanceOf(PersistenceException.class).hasMessageContaining("insert_task_annotation.sql");
    }
}
