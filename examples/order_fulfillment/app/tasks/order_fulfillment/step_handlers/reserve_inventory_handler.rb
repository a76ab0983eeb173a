# frozen_string_literal: true

module OrderFulfillment
  module StepHandlers
    class ReserveInventoryHandler < Tasker::StepHandler::Base
      def process(_task, sequence, _step)
        order = sequence.find_step_by_name('validate_order').results.deep_symbolize_keys
        reservations = order[:validated_items].map do |item|
          unless Catalog.available?(item[:product_id], item[:quantity])
            raise Tasker::PermanentError.new("#{item[:name]} is out of stock", error_code: 'INSUFFICIENT_STOCK',
                                                                              context: { product_id: item[:product_id] })
          end

          { product_id: item[:product_id], quantity: item[:quantity], reservation_id: "res_#{SecureRandom.hex(6)}" }
        end
        { reservations: reservations, reserved_until: 15.minutes.from_now }
      end
    end
  end
end
