# frozen_string_literal: true

module Configured
  # Shows what `config` holds: the template's handler_config as a string-keyed Hash.
  class ConfigEchoHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { config_class: config.class.name, retries: config['retries'], mode: config[:mode], keys: config.keys.sort }
    end
  end
end
