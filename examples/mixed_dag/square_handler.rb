# frozen_string_literal: true

module MixedDag
  # The Ruby twin of io.tasker.examples.square.SquareHandler, written as a Tasker step handler: a root step
  # squares the context's even_number, any other step the product of its parents' results.
  class SquareHandler < Tasker::StepHandler::Base
    def process(task, _sequence, step)
      input = step.parents.empty? ? even_number(task) : product_of_parents(step)
      { result: input * input }
    end

    private

    def even_number(task)
      value = task.context['even_number']
      raise Tasker::PermanentError.new("context.even_number must be an integer, got #{value.inspect}", error_code: 'BAD_CONTEXT') unless value.is_a?(Integer)

      value
    end

    def product_of_parents(step)
      step.parents.map do |parent|
        result = parent.results['result']
        raise Tasker::PermanentError, "parent step #{parent.name} has no numeric result" unless result.is_a?(Integer)

        result
      end.reduce(:*)
    end
  end
end
