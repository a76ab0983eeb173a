# frozen_string_literal: true

module Tasker
  module Bridge
    # Tasker's `task` (a Tasker::Task record) as handlers read it: the context with indifferent access,
    # the request fields, the current status.
    class TaskView < ProxyView
      proxy_reader :task_id, :name, :namespace_name, :version, :initiator, :source_system, :reason, :status
      proxy_reader :context
      proxy_reader :requested_at, as: :time
      proxy_reader :tags, as: :strings

      attr_writer :context, :reason, :tags
      attr_accessor :sequence

      alias id task_id

      def namespace
        namespace_name
      end

      def bypass_steps
        []
      end

      def complete
        status == Tasker::Constants::TaskStatuses::COMPLETE
      end
      alias complete? complete

      def workflow_steps
        sequence ? sequence.steps : []
      end

      def get_step_by_name(name)
        sequence&.find_step_by_name(name)
      end

      def task_annotations
        Tasker::TaskAnnotation.for_task(task_id)
      end

      def reload
        self
      end

      def to_h
        { 'task_id' => task_id, 'name' => name, 'namespace' => namespace_name, 'version' => version,
          'context' => context, 'initiator' => initiator, 'source_system' => source_system,
          'reason' => reason, 'tags' => tags, 'status' => status }
      end

      def inspect
        "#<Tasker::Task task_id: #{task_id.inspect}, name: #{name.inspect}, status: #{status.inspect}>"
      end
    end
  end
end
