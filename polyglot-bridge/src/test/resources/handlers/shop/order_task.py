"""A Python task handler with all three hooks, and a step handler that shows what they established."""

import tasker
from tasker import StepHandler, TaskHandler


class OrderTask(TaskHandler):
    def schema(self):
        return {"type": "object", "required": ["order_id"], "properties": {"order_id": {"type": "integer"}}}

    def establish_step_dependencies_and_defaults(self, task, steps):
        if task.context.get("try") == "inputs":
            steps[0].inputs = {"other": True}
        if task.context.get("rush"):
            task.context["lane"] = "express"
            steps[0].retry_limit = 4
            task.get_step_by_name("second").skippable = True

    def update_annotations(self, task, sequence, steps):
        tasker.handle().create_task_annotation(task.task_id, "py_summary", {
            "status": task.status,
            "steps": [step.name for step in steps],
            "first": sequence.find_step_by_name("first").results,
        })


class Echo(StepHandler):
    def process(self, task, sequence, step):
        return {"lane": task.context.get("lane"), "retry_limit": step.retry_limit}
