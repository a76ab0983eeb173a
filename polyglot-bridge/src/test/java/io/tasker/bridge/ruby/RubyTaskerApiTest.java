package io.tasker.bridge.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tasker's task-level API: TaskHandler, HandlerFactory, TaskRequest, constants, annotations. */
class RubyTaskerApiTest {
    private static RubyShim ruby;

    @BeforeAll
    static void start() {
        ruby = RubyShim.start(List.of());
        ruby.eval("""
                class ApiTestTask
                  include Tasker::TaskHandler
                  register_handler('api_test_task', namespace_name: 'testing', version: '2.0.0')
                  define_step_templates do |templates|
                    templates.define(name: 'first', handler_class: 'Tasker::StepHandler::Base')
                    templates.define(name: 'second', handler_class: Tasker::StepHandler::Base, depends_on_step: 'first',
                                     default_retry_limit: 5, handler_config: { 'mode' => 'x' })
                  end

                  def update_annotations(task, _sequence, _steps)
                    type = Tasker::AnnotationType.find_or_create_by!(name: 'order_summary')
                    Tasker::TaskAnnotation.create(task: task, annotation_type: type, annotation: { total: BigDecimal('9.5'), at: :now })
                  end
                end
                """);
    }

    @AfterAll
    static void stop() {
        ruby.close();
    }

    @Test
    void define_step_templates_applies_tasker_defaults_and_builds_the_maps() {
        assertThat(ruby.eval("""
                h = ApiTestTask.new
                second = h.step_templates.last
                [h.step_templates.map(&:name), second.all_dependencies, second.default_retry_limit, second.default_retryable,
                 second.dependent_system, second.description, h.step_handler_config_map['second'], h.step_handler_class_map['first'],
                 h.get_step_handler(Struct.new(:name).new('first')).class.name, h.schema]
                """)).isEqualTo(Arrays.asList(List.of("first", "second"), List.of("first"), 5L, true, "unknown", "second",
                Map.of("mode", "x"), "Tasker::StepHandler::Base", "Tasker::StepHandler::Base", null));
    }

    @Test
    void the_handler_factory_returns_new_instances_of_registered_classes_by_namespace_name_and_version() {
        assertThat(ruby.eval("""
                f = Tasker::HandlerFactory.instance
                a = f.get('api_test_task', namespace_name: 'testing', version: '2.0.0')
                b = f.get(:api_test_task, namespace_name: :testing, version: '2.0.0')
                duplicate = begin; f.register('api_test_task', ApiTestTask, namespace_name: 'testing', version: '2.0.0'); rescue Tasker::ProceduralError; 'refused'; end
                [a.class.name, a.equal?(b), f.registered_namespaces.include?(:testing), f.list_handlers(namespace: :testing).keys, duplicate]
                """)).isEqualTo(List.of("ApiTestTask", false, true, List.of("api_test_task"), "refused"));
    }

    @Test
    void a_task_known_only_to_the_engine_is_created_through_the_handle() {
        assertThat(ruby.eval("""
                h = Tasker::HandlerFactory.instance.get('remote_only', namespace_name: 'elsewhere', version: '1.0.0')
                t = h.initialize_task!(Tasker::Types::TaskRequest.new(name: 'remote_only', context: { n: 1 }, idempotency_key: 'k-1'))
                [t.task_id, t.status, t.context[:n]]
                """)).isEqualTo(List.of(1001L, "pending", 1L));
        assertThat(ruby.handle.createdTasks.getFirst()).containsExactly("elsewhere", "remote_only", "1.0.0", Map.of("n", 1L), "k-1");
    }

    @Test
    void task_request_has_tasker_defaults_and_accepts_a_hash_with_string_keys() {
        assertThat(ruby.eval("""
                r = Tasker::Types::TaskRequest.new('name' => 'x', 'context' => { 'a' => 1 })
                invalid = begin; Tasker::Types::TaskRequest.new(name: 'x'); rescue ArgumentError => e; e.message; end
                [r.namespace, r.version, r.status, r.initiator, r.source_system, r.reason, r.complete, r.tags, r.bypass_steps,
                 r.requested_at.is_a?(Time), r[:name], invalid]
                """)).isEqualTo(List.of("default", "0.1.0", "pending", "unknown", "unknown", "unknown", false, List.of(), List.of(),
                true, "x", "TaskRequest needs a context Hash"));
    }

    @Test
    void status_constants_name_the_six_states() {
        assertThat(ruby.eval("[Tasker::Constants::WorkflowStepStatuses::RESOLVED_MANUALLY, Tasker::Constants::TaskStatuses::IN_PROGRESS, "
                + "Tasker::Constants::VALID_TASK_STATUSES.size, Tasker::Constants::VALID_WORKFLOW_STEP_STATUSES.sort]"))
                .isEqualTo(List.of("resolved_manually", "in_progress", 6L,
                        List.of("cancelled", "complete", "error", "in_progress", "pending", "resolved_manually")));
    }

    @Test
    void annotations_are_stored_through_the_handle_as_json_documents() {
        assertThat(ruby.eval("""
                task = Struct.new(:task_id).new(42)
                annotation = ApiTestTask.new.update_annotations(task, nil, [])
                [annotation.persisted?, annotation.task_annotation_id, annotation.annotation_type_name,
                 Tasker::TaskAnnotation.for_task(42).map(&:annotation)]
                """)).isEqualTo(List.of(true, 1L, "order_summary", List.of(Map.of("total", "9.5", "at", "now"))));
        assertThat(ruby.handle.annotationTypes).containsExactly("order_summary");
    }
}
