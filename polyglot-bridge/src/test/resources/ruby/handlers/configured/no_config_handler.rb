# frozen_string_literal: true

module Configured
  class NoConfigHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { config_is_nil: config.nil? }
    end
  end
end
