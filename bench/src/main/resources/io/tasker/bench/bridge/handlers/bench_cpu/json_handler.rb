# frozen_string_literal: true

require_relative '../cpu_work'

module BenchCpu
  # Runs CpuWork.json_round_trip once per attempt (CpuHandlerBenchmark).
  class JsonHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { 'value' => CpuWork.json_round_trip }
    end
  end
end
