# frozen_string_literal: true

module Tasker
  module Bridge
    # A task the engine knows by namespace, name and version: `initialize_task!` asks the engine to
    # create one (through the handle) and returns it.
    class EngineTaskHandler
      attr_reader :name, :namespace_name, :version

      def initialize(name, namespace_name, version)
        @name = name.to_s
        @namespace_name = namespace_name.to_s
        @version = version.to_s
      end

      def initialize_task!(task_request)
        request = task_request.is_a?(Types::TaskRequest) ? task_request : Types::TaskRequest.new(task_request)
        context = JsonValues.normalize(request.context.deep_stringify_keys)
        task_id = Tasker.handle.create_task(namespace_name, name, version, context, request.idempotency_key)
        CreatedTask.new(task_id, self, request)
      end
    end

    # A task created from handler code; its status is read from the engine when asked.
    class CreatedTask
      attr_reader :task_id, :name, :namespace_name, :version, :context, :initiator, :source_system, :reason, :tags

      alias id task_id

      def initialize(task_id, handler, request)
        @task_id = Foreign.to_ruby(task_id)
        @name = handler.name
        @namespace_name = handler.namespace_name
        @version = handler.version
        @context = request.context.with_indifferent_access
        @initiator = request.initiator
        @source_system = request.source_system
        @reason = request.reason
        @tags = request.tags
      end

      def status
        Foreign.to_ruby(Tasker.handle.task_status(task_id))
      end

      def errors
        []
      end

      def persisted?
        true
      end
    end
  end
end
