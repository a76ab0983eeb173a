# frozen_string_literal: true

module Environment
  # Reports the environment the engine runs in, as Rails apps read it.
  class RailsEnvHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { env: Rails.env.to_s, test: Rails.env.test?, production: Rails.env.production? }
    end
  end
end
