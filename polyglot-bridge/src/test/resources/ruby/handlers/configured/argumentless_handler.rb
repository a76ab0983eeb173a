# frozen_string_literal: true

module Configured
  # A handler whose constructor cannot take a handler_config.
  class ArgumentlessHandler
    def handle(_task, _sequence, step)
      step.results = {}
    end
  end
end
