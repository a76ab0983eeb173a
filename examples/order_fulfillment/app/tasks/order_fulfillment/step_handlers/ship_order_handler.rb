# frozen_string_literal: true

module OrderFulfillment
  module StepHandlers
    class ShipOrderHandler < Tasker::StepHandler::Base
      CARRIERS = { 'express' => ['FedEx', 2], 'standard' => ['UPS', 5] }.freeze

      def process(task, sequence, _step)
        shipping = task.context['shipping_info']
        payment = sequence.find_step_by_name('process_payment').results
        raise Tasker::PermanentError, 'Order was not paid' unless payment['payment_processed']

        carrier, days = CARRIERS.fetch(shipping['method'], CARRIERS['standard'])
        reservations = sequence.find_step_by_name('reserve_inventory').results['reservations']
        {
          tracking_number: "#{carrier.upcase}#{SecureRandom.random_number(10**10).to_s.rjust(10, '0')}",
          carrier: carrier,
          address: shipping['address'],
          packages: reservations.size,
          estimated_delivery: Date.current + days
        }
      end
    end
  end
end
