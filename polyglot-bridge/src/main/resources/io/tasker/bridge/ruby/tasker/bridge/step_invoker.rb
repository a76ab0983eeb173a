# frozen_string_literal: true

module Tasker
  module Bridge
    # What the engine calls per attempt: wraps the engine's proxies in Tasker's task, sequence and step,
    # runs the handler's `handle` (Base handlers and legacy ones that only assign step.results alike),
    # and returns the step's final results as JSON-shaped data.
    #
    # A new handler per attempt, as Tasker does (TaskHandler#get_step_handler): handlers may keep state in
    # instance variables during `process`, and attempts of one step template run on several threads at
    # once. One handler is built right away, so that a class that cannot be built fails when its template
    # registers.
    class StepInvoker
      def initialize(builder)
        @builder = builder
        builder.call
      end

      def handler
        @builder.call
      end

      def call(task_proxy, sequence_proxy, step_proxy)
        task = TaskView.new(task_proxy)
        sequence = SequenceView.new(sequence_proxy, task)
        task.sequence = sequence
        step = StepView.new(step_proxy, task, sequence)
        @builder.call.handle(task, sequence, step)
        JsonValues.normalize(step.results)
      rescue Exception => e # rubocop:disable Lint/RescueException -- the engine maps every failure, we only annotate it
        FailedAttempt.annotate(e, step)
        raise
      end
    end

    # Prepares a handler's exception for the engine: its context and retry_after as plain data, and the
    # results the handler left on the step before failing (Tasker keeps them) as `tasker_step_results`.
    module FailedAttempt
      module StepResults
        attr_reader :tasker_step_results
      end

      module_function

      def annotate(error, step)
        normalize_attributes(error)
        attach_results(error, step) if step.respond_to?(:results_assigned?) && step.results_assigned?
      rescue FrozenError
        error
      end

      def normalize_attributes(error)
        return unless error.is_a?(Tasker::RetryableError) || error.is_a?(Tasker::PermanentError)

        error.instance_variable_set(:@context, JsonValues.normalize(error.context))
        error.instance_variable_set(:@retry_after, JsonValues.seconds(error.retry_after)) if error.is_a?(Tasker::RetryableError)
      end

      def attach_results(error, step)
        error.instance_variable_set(:@tasker_step_results, JsonValues.normalize(step.results))
        error.extend(StepResults)
      end
    end
  end
end
