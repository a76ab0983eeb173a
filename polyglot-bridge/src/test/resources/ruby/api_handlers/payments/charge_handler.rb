# frozen_string_literal: true

module Payments
  # An Api handler as Tasker apps write them: the request in process, the parsing in process_results.
  class ChargeHandler < Tasker::StepHandler::Api
    def process(task, _sequence, _step)
      connection.post("charges/#{task.context[:scenario]}", { amount: task.context[:amount] }, 'X-Request-Id' => 'req-1')
    end

    def process_results(step, response, _initial_results)
      step.results = JSON.parse(response.body).merge('http_status' => response.status, 'success' => response.success?)
    end
  end

  # Returns the raw response, which Tasker stores as it is.
  class RawResponseHandler < Tasker::StepHandler::Api
    def process(_task, _sequence, _step)
      connection.get('status', { verbose: true })
    end
  end

  # An early Api handler that implemented call instead of process.
  class OldStyleHandler < Tasker::StepHandler::Api
    def call(_task, _sequence, _step)
      connection.get('status')
    end
  end
end

module Payments
  # Adds its own middleware in the connection block Tasker's Api#initialize yields.
  class SignedHandler < Tasker::StepHandler::Api
    # A signing middleware as apps write them.
    class Sign < Faraday::Middleware
      def on_request(env)
        env.request_headers['X-Trace'] = 'signed'
      end
    end

    def initialize(config:)
      super(config: config) do |conn|
        conn.use Sign
        conn.request :authorization, 'Bearer', 't0k'
      end
    end

    def process(_task, _sequence, _step)
      connection.get('busy')
    end
  end
end
