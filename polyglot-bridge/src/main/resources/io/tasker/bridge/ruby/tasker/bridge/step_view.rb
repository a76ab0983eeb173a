# frozen_string_literal: true

module Tasker
  module Bridge
    # Tasker's `step` (a Tasker::WorkflowStep record): inputs, results (assignable), attempts and
    # the retry settings; `parents` and `task` are answered through the sequence and task of the attempt.
    class StepView < ProxyView
      STATUSES = Tasker::Constants::WorkflowStepStatuses

      proxy_reader :workflow_step_id, :task_id, :name, :attempts, :retry_limit, :retryable, :status
      proxy_reader :inputs, :handler_config
      proxy_reader :last_attempted_at, as: :time
      proxy_reader :parent_names, as: :strings
      proxy_reader :results

      attr_writer :inputs
      attr_accessor :backoff_request_seconds, :task, :sequence

      alias id workflow_step_id

      def initialize(proxy, task = nil, sequence = nil)
        super(proxy)
        @task = task
        @sequence = sequence
      end

      def results=(value)
        @results_assigned = true
        @results = value
      end

      # Whether the handler set results in this attempt (reading them does not count).
      def results_assigned?
        @results_assigned == true
      end

      def parents
        return [] unless sequence

        parent_names.filter_map { |parent| sequence.find_step_by_name(parent) }
      end

      def children
        return [] unless sequence

        sequence.steps.select { |other| other.parent_names.include?(name) }
      end

      def skippable
        false
      end

      def in_process
        status == STATUSES::IN_PROGRESS
      end

      def processed
        status == STATUSES::COMPLETE
      end

      { complete?: :COMPLETE, in_error?: :ERROR, in_progress?: :IN_PROGRESS, pending?: :PENDING,
        cancelled?: :CANCELLED, resolved_manually?: :RESOLVED_MANUALLY }.each do |predicate, state|
        value = STATUSES.const_get(state)
        define_method(predicate) { status == value }
      end

      def retry_exhausted?
        attempts.to_i >= retry_limit.to_i
      end

      def reload
        self
      end

      def inspect
        "#<Tasker::WorkflowStep workflow_step_id: #{workflow_step_id.inspect}, name: #{name.inspect}, status: #{status.inspect}>"
      end
    end
  end
end
