# frozen_string_literal: true

module RubyHandlers
  # Computes in Ruby code for its handler_config's seconds (wall clock), then returns its task's id: it shows that
  # a timeout elsewhere in the context does not stop it.
  class Busy
    def initialize(config: nil)
      @seconds = config['seconds']
    end

    def process(task, _sequence, _step)
      deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + @seconds
      rounds = 0
      rounds += 1 while Process.clock_gettime(Process::CLOCK_MONOTONIC) < deadline
      { 'task_id' => task.task_id, 'busy' => rounds.positive? }
    end
  end
end
