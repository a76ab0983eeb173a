# frozen_string_literal: true

module Greeting
  # Returns values that need Tasker's JSON normalisation: symbols, Time, Date, BigDecimal, nested symbol keys.
  class HelloHandler < Tasker::StepHandler::Base
    def process(task, _sequence, _step)
      {
        message: "Hello #{task.context[:customer][:name]}",
        first_item: task.context['items'][0][:sku],
        status: :greeted,
        at: Time.utc(2026, 3, 1, 10, 0, 0.5r),
        on: Date.new(2026, 3, 1),
        total: BigDecimal('19.99'),
        nested: [{ deep: { key: :value } }]
      }
    end
  end
end
