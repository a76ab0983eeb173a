# frozen_string_literal: true

module RubyHandlers
  # Loops until interrupted on its first attempt; finishes on the next one.
  class Forever
    def initialize(config: nil); end

    def process(_task, _sequence, step)
      return { finished_on_attempt: step.attempts } if step.attempts > 1

      loop {}
    end
  end
end
