# frozen_string_literal: true

module RubyHandlers
  # Loops forever and rescues the timeout each time it comes: only cancelling the context stops it.
  class Stubborn
    def initialize(config: nil); end

    def process(_task, _sequence, _step)
      loop do
        loop {}
      rescue Exception # rubocop:disable Lint/RescueException -- the point of this handler
        next
      end
    end
  end
end
