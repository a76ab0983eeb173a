# frozen_string_literal: true

module OrderFulfillment
  module StepHandlers
    # Charges the order total. The simulated gateway declines the card "tok_declined" for good and times
    # out once for "tok_flaky", asking to be retried a few seconds later.
    class ProcessPaymentHandler < Tasker::StepHandler::Base
      def process(task, sequence, step)
        payment = task.context[:payment_info]
        total = BigDecimal(sequence.find_step_by_name('validate_order').results['order_total'].to_s)
        charge(payment[:token], total, step.attempts)
      end

      def process_results(step, charge, _initial_results)
        step.results = charge.merge(payment_processed: true, gateway: config['gateway'])
        log_structured(:info, 'payment processed', payment_id: charge[:payment_id], amount: charge[:amount_charged])
      end

      private

      def charge(token, total, attempt)
        case token
        when 'tok_declined'
          raise Tasker::PermanentError.new('Card declined by the issuer', error_code: 'CARD_DECLINED', context: { amount: total })
        when 'tok_flaky'
          raise Tasker::RetryableError.new('Payment gateway timed out', retry_after: 5, context: { attempt: attempt }) if attempt < 2
        end

        { payment_id: "pay_#{SecureRandom.hex(8)}", amount_charged: total, currency: config['currency'],
          transaction_at: Time.current }
      end
    end
  end
end
