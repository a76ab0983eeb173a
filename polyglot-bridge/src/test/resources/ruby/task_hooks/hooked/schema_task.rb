# frozen_string_literal: true

module Hooked
  # A task handler that declares the context it needs in code, with symbols, as Tasker allows.
  class SchemaTask
    include Tasker::TaskHandler

    def schema
      @schema ||= {
        type: :object,
        required: [:order_id],
        properties: { order_id: { type: :integer, minimum: 1 } }
      }
    end
  end
end
