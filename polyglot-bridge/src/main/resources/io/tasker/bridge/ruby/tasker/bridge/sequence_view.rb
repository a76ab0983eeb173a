# frozen_string_literal: true

module Tasker
  module Bridge
    # Tasker's `sequence` (Tasker::Types::StepSequence): every step of the task with its current results.
    class SequenceView < ProxyView
      def initialize(proxy, task = nil)
        super(proxy)
        @task = task
        @by_name = {}
      end

      def steps
        @steps ||= Foreign::INTEROP.read_member(@proxy, 'steps').map { |step| step_view(step) }
      end

      def find_step_by_name(name)
        key = name.to_s
        return @by_name[key] if @by_name.key?(key)

        @by_name[key] = lookup(key)
      end

      def inspect
        "#<Tasker::Types::StepSequence steps: #{steps.map(&:name).inspect}>"
      end

      private

      def lookup(name)
        return steps.find { |step| step.name == name } if @steps

        found = Foreign::INTEROP.invoke_member(@proxy, 'find_step_by_name', name)
        found.nil? || Foreign::INTEROP.null?(found) ? nil : step_view(found)
      end

      def step_view(proxy)
        StepView.new(proxy, @task, self)
      end
    end
  end
end
