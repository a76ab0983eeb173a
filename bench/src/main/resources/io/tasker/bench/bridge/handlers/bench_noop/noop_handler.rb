# frozen_string_literal: true

module BenchNoop
  # The Ruby twin of io.tasker.bench.NoopHandler: does nothing, so the end-to-end benchmark measures the engine,
  # the database and the bridge.
  class NoopHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { 'ok' => true }
    end
  end
end
