# frozen_string_literal: true

require_relative '../cpu_work'

module BenchCpu
  # Runs CpuWork.pipeline once per attempt (CpuHandlerBenchmark).
  class PipelineHandler < Tasker::StepHandler::Base
    def process(_task, _sequence, _step)
      { 'value' => CpuWork.pipeline }
    end
  end
end
