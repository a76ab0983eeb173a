# frozen_string_literal: true

module Tasker
  module StepHandler
    # The base of Tasker step handlers: the engine calls `handle`, handlers implement `process`, whose
    # return value becomes the step's results unless the handler assigned `step.results` itself.
    class Base
      include Tasker::Concerns::EventPublisher
      include Tasker::Concerns::StructuredLogging

      def self.custom_event_configuration
        []
      end

      def initialize(config: nil)
        @config = config
      end

      def handle(task, sequence, step)
        initial_results = step.results
        process_output = process(task, sequence, step)
        process_results(step, process_output, initial_results)
        process_output
      end

      def process(_task, _sequence, _step)
        raise NotImplementedError, "#{self.class.name} must implement process(task, sequence, step)"
      end

      def process_results(step, process_output, initial_results)
        return if step.results != initial_results

        step.results = process_output
      end

      protected

      attr_reader :config
    end
  end
end
