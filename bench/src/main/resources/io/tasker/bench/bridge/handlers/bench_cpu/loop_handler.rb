# frozen_string_literal: true

require_relative '../cpu_work'

module BenchCpu
  # Runs CpuWork.loop_sum once per attempt (CpuHandlerBenchmark).
  class LoopHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { 'value' => CpuWork.loop_sum }
    end
  end
end
