# frozen_string_literal: true

module Environment
  # Reports the environment the way a Rails app reads it.
  class ReportHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { env: Rails.env.to_s, staging: Rails.env.staging? }
    end
  end
end
