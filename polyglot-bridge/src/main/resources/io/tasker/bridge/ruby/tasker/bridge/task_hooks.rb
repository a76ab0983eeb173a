# frozen_string_literal: true

module Tasker
  module Bridge
    # A task handler's hooks as the engine calls them (TASKER-COMPAT.md §1.6): `schema` once per template,
    # `establish_step_dependencies_and_defaults(task, steps)` on each task before it is written, and
    # `update_annotations(task, sequence, steps)` after a task completed. Only the hooks the class overrides are
    # reported, so the engine does not call TaskHandler's empty defaults.
    class TaskHooks
      NAMES = %w[schema establish_step_dependencies_and_defaults update_annotations].freeze

      # The hooks of the class a template's task_handler_class names; nil when no such class exists or it
      # overrides none of them. A ConfiguredTask builds (and registers) itself when instantiated, as in Tasker.
      def self.for(class_name)
        klass = HandlerLoader.find(class_name.to_s)
        return nil unless klass.is_a?(Class)

        hooks = new(klass.new)
        hooks.hooks.empty? ? nil : hooks
      end

      attr_reader :handler

      def initialize(handler)
        @handler = handler
      end

      def hooks
        NAMES.select { |name| overrides?(name) }
      end

      def schema
        schema = handler.schema
        return nil if schema.nil?
        raise TypeError, "#{handler.class.name}#schema must return a Hash (a JSON schema) or nil, not a #{schema.class}" unless schema.is_a?(Hash)

        JsonValues.normalize(schema.deep_stringify_keys)
      end

      # Runs the hook on the draft of a task (a Hash from the engine) and returns what it changed:
      # `{ 'context' => new context or nil, 'steps' => [{ name, retryable, retry_limit, skippable }] }`.
      def establish_step_dependencies_and_defaults(draft)
        task = DraftTask.new(Foreign.to_ruby(draft))
        handler.establish_step_dependencies_and_defaults(task, task.workflow_steps)
        { 'context' => task.changed_context, 'steps' => task.workflow_steps.map(&:defaults) }
      end

      def update_annotations(task_proxy, sequence_proxy)
        task = TaskView.new(task_proxy)
        sequence = SequenceView.new(sequence_proxy, task)
        task.sequence = sequence
        handler.update_annotations(task, sequence, sequence.steps)
        nil
      end

      private

      def overrides?(name)
        handler.respond_to?(name) && handler.method(name).owner != Tasker::TaskHandler::InstanceMethods
      end
    end

    # What establish_step_dependencies_and_defaults may change, and the error for what it may not.
    module DraftRules
      ALLOWED = 'it may change the task\'s context and each step\'s retry_limit, retryable and skippable'

      def self.refuse(what, why = nil)
        raise Tasker::ProceduralError, "establish_step_dependencies_and_defaults cannot change #{what} in Tasker JVM" \
                                       "#{why ? " (#{why})" : ''}; #{ALLOWED}"
      end

      # ActiveRecord's update / assign_attributes, through the writers (so refusals apply).
      def assign_attributes(attributes)
        attributes.each { |name, value| public_send(:"#{name}=", value) }
        true
      end
      alias update assign_attributes
      alias update! assign_attributes
      alias update_attributes assign_attributes

      def save(*)
        true
      end
      alias save! save

      def reload
        self
      end
    end

    # Tasker's `task` before it is written: no id yet, status pending; its context may change (and is written
    # as the task's context), its other fields identify the request and may not.
    class DraftTask
      include DraftRules

      attr_reader :name, :namespace_name, :version, :initiator, :source_system, :reason, :tags, :requested_at,
                  :workflow_steps
      attr_accessor :context

      alias namespace namespace_name

      def initialize(draft)
        @name = draft['name']
        @namespace_name = draft['namespace_name']
        @version = draft['version']
        @context = draft['context']
        @original_context = draft['context'].deep_dup
        @initiator = draft['initiator']
        @source_system = draft['source_system']
        @reason = draft['reason']
        @tags = draft['tags'].to_a.freeze
        @requested_at = Foreign.time(draft['requested_at'])
        @workflow_steps = draft['steps'].map { |step| DraftStep.new(step, self) }.freeze
      end

      %i[name namespace_name version initiator source_system reason tags requested_at status complete
         task_id workflow_steps].each do |field|
        define_method(:"#{field}=") { |_value| DraftRules.refuse("task.#{field}", 'it identifies the task request') }
      end

      def task_id
        nil
      end
      alias id task_id

      def status
        Tasker::Constants::TaskStatuses::PENDING
      end

      def complete
        false
      end
      alias complete? complete

      def bypass_steps
        []
      end

      def get_step_by_name(name)
        workflow_steps.find { |step| step.name == name.to_s }
      end

      def task_annotations
        []
      end

      def changed_context
        @context == @original_context ? nil : JsonValues.normalize(@context.to_h.deep_stringify_keys)
      end

      def inspect
        "#<Tasker::Task (not yet created) name: #{name.inspect}, namespace: #{namespace_name.inspect}>"
      end
    end

    # Tasker's `step` before it is written: its retry settings may change, nothing else.
    class DraftStep
      include DraftRules

      attr_reader :name, :parent_names, :task, :retry_limit, :retryable, :skippable

      def initialize(step, task)
        @name = step['name']
        @parent_names = step['parent_names'].to_a.freeze
        @retry_limit = step['retry_limit']
        @retryable = step['retryable']
        @skippable = step['skippable']
        @task = task
      end

      def retry_limit=(value)
        DraftRules.refuse("step.retry_limit to #{value.inspect}", 'it must be an Integer of at least 1') unless value.is_a?(Integer) && value >= 1
        @retry_limit = value
      end

      def retryable=(value)
        DraftRules.refuse("step.retryable to #{value.inspect}", 'it must be true or false') unless [true, false].include?(value)
        @retryable = value
      end

      def skippable=(value)
        DraftRules.refuse("step.skippable to #{value.inspect}", 'it must be true or false') unless [true, false].include?(value)
        @skippable = value
      end

      def inputs=(_value)
        DraftRules.refuse('step.inputs', "a step's inputs are the task context: change task.context instead")
      end

      %i[name results attempts status processed in_process processed_at last_attempted_at backoff_request_seconds
         workflow_step_id task_id named_step_id parents children].each do |field|
        define_method(:"#{field}=") { |_value| DraftRules.refuse("step.#{field}") }
      end

      # Tasker sets a step's inputs to the task context when it creates the step.
      def inputs
        task.context
      end

      def results
        {}
      end

      def attempts
        0
      end

      def status
        Tasker::Constants::WorkflowStepStatuses::PENDING
      end

      %i[workflow_step_id task_id processed_at last_attempted_at backoff_request_seconds].each do |field|
        define_method(field) { nil }
      end
      alias id workflow_step_id

      def processed
        false
      end

      def in_process
        false
      end

      def parents
        task.workflow_steps.select { |step| parent_names.include?(step.name) }
      end

      def children
        task.workflow_steps.select { |step| step.parent_names.include?(name) }
      end

      def defaults
        { 'name' => name, 'retryable' => retryable, 'retry_limit' => retry_limit, 'skippable' => skippable }
      end

      def inspect
        "#<Tasker::WorkflowStep (not yet created) name: #{name.inspect}, retry_limit: #{retry_limit.inspect}>"
      end
    end
  end
end
