# frozen_string_literal: true

module Tasker
  # `include Tasker::TaskHandler`: a task handler class registers itself, defines its step templates,
  # and may override the hooks `schema`, `establish_step_dependencies_and_defaults` and
  # `update_annotations`. The engine runs the tasks; the Ruby side keeps the definitions and creates
  # tasks through the engine's handle.
  module TaskHandler
    def self.included(base)
      base.extend(ClassMethods)
      base.include(InstanceMethods)
    end

    module ClassMethods
      def register_handler(name, namespace_name: 'default', version: '0.1.0', concurrent: true)
        @task_name = name.to_s
        @namespace_name = namespace_name.to_s
        @task_version = version.to_s
        @concurrent = concurrent
        Tasker::HandlerFactory.instance.register(name, self, namespace_name: namespace_name, version: version, replace: true)
      end

      def define_step_templates
        definer = Types::StepTemplateDefiner.new
        yield definer
        templates = definer.step_templates.freeze
        define_method(:step_templates) { templates }
        define_method(:step_handler_class_map) { templates.to_h { |template| [template.name, template.handler_class] } }
        define_method(:step_handler_config_map) { templates.to_h { |template| [template.name, template.handler_config] } }
      end

      def registered_task
        { name: @task_name, namespace_name: @namespace_name, version: @task_version } if @task_name
      end
    end

    module InstanceMethods
      def schema
        nil
      end

      def establish_step_dependencies_and_defaults(_task, _steps); end

      def update_annotations(_task, _sequence, _steps); end

      def step_templates
        []
      end

      def initialize_task!(task_request)
        registered = self.class.registered_task || {}
        request = task_request.is_a?(Types::TaskRequest) ? task_request : Types::TaskRequest.new(task_request)
        Bridge::EngineTaskHandler.new(registered[:name] || request.name, registered[:namespace_name] || request.namespace,
                                      registered[:version] || request.version).initialize_task!(request)
      end

      def get_step_handler(step)
        name = step.name
        handler_class = step_handler_class_map[name]
        raise ProceduralError, "No registered class for #{name}" unless handler_class

        klass = handler_class.is_a?(Class) ? handler_class : handler_class.to_s.camelize.constantize
        config = step_handler_config_map[name]
        config.nil? ? klass.new : klass.new(config: config)
      end

      def handle(_task)
        raise ProceduralError, 'tasks are run by the Tasker JVM engine; create them with initialize_task!'
      end
    end
  end
end
