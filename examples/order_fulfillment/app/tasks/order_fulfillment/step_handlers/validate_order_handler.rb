# frozen_string_literal: true

module OrderFulfillment
  module StepHandlers
    class ValidateOrderHandler < Tasker::StepHandler::Base
      def process(task, _sequence, _step)
        context = task.context.deep_symbolize_keys
        customer = context[:customer_info]
        raise Tasker::PermanentError.new('Customer email is required', error_code: 'MISSING_EMAIL') if customer[:email].blank?
        raise Tasker::PermanentError.new('Order has no items', error_code: 'EMPTY_ORDER') if context[:order_items].blank?

        items = context[:order_items].map { |item| priced_item(item) }
        {
          customer_id: customer[:id],
          customer_email: customer[:email],
          validated_items: items,
          order_total: items.sum { |item| item[:line_total] },
          validated_at: Time.current
        }
      end

      private

      def priced_item(item)
        product = Catalog.find(item[:product_id])
        unless product
          raise Tasker::PermanentError.new("Unknown product #{item[:product_id]}", error_code: 'UNKNOWN_PRODUCT',
                                                                                  context: { product_id: item[:product_id] })
        end

        { product_id: item[:product_id], name: product[:name], quantity: item[:quantity],
          unit_price: product[:price], line_total: product[:price] * item[:quantity] }
      end
    end
  end
end
