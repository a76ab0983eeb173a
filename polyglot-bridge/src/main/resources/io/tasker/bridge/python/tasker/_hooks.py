"""The task hooks of a Python task handler as the Java side calls them; not for handlers."""

import copy

from tasker.task_handler import TaskHandler

HOOKS = ("schema", "establish_step_dependencies_and_defaults", "update_annotations")
ALLOWED = "it may change the task's context and each step's retry_limit, retryable and skippable"


class HookRefusal(Exception):
    """Something establish_step_dependencies_and_defaults may not change."""


def refuse(what, why=None):
    raise HookRefusal("establish_step_dependencies_and_defaults cannot change " + what + " in Tasker JVM"
                      + (" (" + why + ")" if why else "") + "; " + ALLOWED)


def plain(value):
    """Engine data (read-only mappings and lists) as plain, mutable Python values."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if hasattr(value, "keys"):
        return {key: plain(value[key]) for key in value.keys()}
    return [plain(item) for item in value]


class TaskHooks:
    def __init__(self, handler):
        self.handler = handler

    def hooks(self):
        return [name for name in HOOKS if self._overrides(name)]

    def _overrides(self, name):
        method = getattr(type(self.handler), name, None)
        return callable(method) and method is not getattr(TaskHandler, name, None)

    def schema(self):
        schema = self.handler.schema()
        if schema is not None and not isinstance(schema, dict):
            raise TypeError(type(self.handler).__name__ + ".schema() must return a dict or None, not "
                            + type(schema).__name__)
        return schema

    def establish_step_dependencies_and_defaults(self, draft):
        task = DraftTask(plain(draft))
        self.handler.establish_step_dependencies_and_defaults(task, task.workflow_steps)
        return {"context": task.changed_context(), "steps": [step.defaults() for step in task.workflow_steps]}

    def update_annotations(self, task, sequence):
        self.handler.update_annotations(task, sequence, list(sequence.steps))


class DraftTask:
    """The task before it is written: no id yet; its context may change, its other fields may not."""

    _FIELDS = ("name", "namespace_name", "version", "initiator", "source_system", "reason", "tags", "requested_at")

    def __init__(self, draft):
        for field in self._FIELDS:
            object.__setattr__(self, field, draft[field])
        object.__setattr__(self, "context", draft["context"])
        object.__setattr__(self, "_original", copy.deepcopy(draft["context"]))
        object.__setattr__(self, "task_id", None)
        object.__setattr__(self, "status", "pending")
        object.__setattr__(self, "workflow_steps", [DraftStep(step, self) for step in draft["steps"]])

    def __setattr__(self, name, value):
        if name != "context":
            refuse("task." + name, "it identifies the task request")
        object.__setattr__(self, name, value)

    def get_step_by_name(self, name):
        return next((step for step in self.workflow_steps if step.name == name), None)

    def changed_context(self):
        return None if self.context == self._original else self.context


class DraftStep:
    """A step before it is written: its retry settings may change, nothing else."""

    def __init__(self, step, task):
        object.__setattr__(self, "name", step["name"])
        object.__setattr__(self, "parent_names", tuple(step["parent_names"]))
        object.__setattr__(self, "retry_limit", step["retry_limit"])
        object.__setattr__(self, "retryable", step["retryable"])
        object.__setattr__(self, "skippable", step["skippable"])
        object.__setattr__(self, "task", task)
        object.__setattr__(self, "workflow_step_id", None)
        object.__setattr__(self, "attempts", 0)
        object.__setattr__(self, "results", {})
        object.__setattr__(self, "status", "pending")

    @property
    def inputs(self):
        return self.task.context

    def __setattr__(self, name, value):
        if name == "retry_limit":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                refuse("step.retry_limit to " + repr(value), "it must be an int of at least 1")
        elif name in ("retryable", "skippable"):
            if not isinstance(value, bool):
                refuse("step." + name + " to " + repr(value), "it must be True or False")
        elif name == "inputs":
            refuse("step.inputs", "a step's inputs are the task context: change task.context instead")
        else:
            refuse("step." + name)
        object.__setattr__(self, name, value)

    def defaults(self):
        return {"name": self.name, "retryable": self.retryable, "retry_limit": self.retry_limit,
                "skippable": self.skippable}
