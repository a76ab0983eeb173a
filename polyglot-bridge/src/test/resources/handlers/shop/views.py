"""Handlers that read the views and the handle, to show what Python handlers see."""

import tasker
from tasker import StepHandler


class EchoViews(StepHandler):
    def process(self, task, sequence, step):
        parent = sequence.find_step_by_name("first")
        return {
            "task_id": task.task_id,
            "task_name": task.name,
            "namespace": task.namespace_name,
            "version": task.version,
            "order_id": task.context["order_id"],
            "context_keys": sorted(task.context.keys()),
            "item_names": [item["name"] for item in task.context["items"]],
            "initiator": task.initiator,
            "tags": list(task.tags),
            "requested_at": task.requested_at,
            "step_name": step.name,
            "step_id": step.workflow_step_id,
            "attempts": step.attempts,
            "retry_limit": step.retry_limit,
            "retryable": step.retryable,
            "inputs_order": step.inputs.get("order_id"),
            "parent_names": list(step.parent_names),
            "parent_result": parent.results["total"] if parent is not None else None,
            "missing_step": sequence.find_step_by_name("no_such_step"),
            "step_count": len(sequence.steps),
            "config": dict(self.config) if self.config is not None else None,
            "handle_config": tasker.handle().handler_config()["rate"] if self.config is not None else None,
        }


class Total(StepHandler):
    def process(self, task, sequence, step):
        return {"total": sum(item["price"] for item in task.context["items"])}


class WithProcessResults(StepHandler):
    def process(self, task, sequence, step):
        return 21

    def process_results(self, step, output, initial_results):
        return {"doubled": output * 2, "initial": initial_results}


class DuckTyped:
    """Not a StepHandler subclass: any class with process() works."""

    def process(self, task, sequence, step):
        return "quack"


class Forever(StepHandler):
    def process(self, task, sequence, step):
        if step.attempts > 1:
            return {"finished_on_attempt": step.attempts}
        while True:
            pass


class WritesToView(StepHandler):
    def process(self, task, sequence, step):
        task.context["order_id"] = 99
        return None


class EchoStep(StepHandler):
    def process(self, task, sequence, step):
        return {"task_id": task.task_id, "step": step.name}
