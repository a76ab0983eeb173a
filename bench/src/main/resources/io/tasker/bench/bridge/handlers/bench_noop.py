"""The Python twin of io.tasker.bench.NoopHandler: does nothing, so the end-to-end benchmark measures the engine,
the database and the bridge."""

from tasker import StepHandler


class NoopHandler(StepHandler):
    def process(self, task, sequence, step):
        return {"ok": True}
