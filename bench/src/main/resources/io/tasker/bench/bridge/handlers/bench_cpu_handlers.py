"""Python handlers running cpu_work's functions once per attempt (CpuHandlerBenchmark)."""

import cpu_work
from tasker import StepHandler


class LoopHandler(StepHandler):
    def process(self, task, sequence, step):
        return {"value": cpu_work.loop_sum()}


class PipelineHandler(StepHandler):
    def process(self, task, sequence, step):
        return {"value": cpu_work.pipeline()}


class JsonHandler(StepHandler):
    def process(self, task, sequence, step):
        return {"value": cpu_work.json_round_trip()}
