# frozen_string_literal: true

module Legacy
  # The 2021 form: any object with handle(task, sequence, step) that assigns step.results.
  class PoroHandler
    def handle(task, _sequence, step)
      step.results = { legacy: true, doubled: task.context['amount'] * 2 }
    end
  end
end
