"""Tasker for Python step handlers running inside Tasker JVM.

A step handler is a class named in a task template by its dotted path (``package.module.ClassName``),
found under the ``--handlers`` roots::

    from tasker import StepHandler, RetryableError

    class ChargeCard(StepHandler):
        def process(self, task, sequence, step):
            order = task.context["order_id"]
            ...
            return {"charged": True}

What ``process`` returns becomes the step's results: dict, list, str, int, float, bool or None (nested
freely); anything else fails the step with an error naming the step and the type.

The views are read-only:

* ``task``: ``task_id``, ``name``, ``namespace_name``, ``version``, ``context`` (a mapping), ``initiator``,
  ``source_system``, ``reason``, ``tags``, ``requested_at`` (ISO-8601 text), ``status``;
* ``step``: ``workflow_step_id``, ``task_id``, ``name``, ``inputs`` (the task context when the step was
  created), ``results`` (what a previous attempt stored), ``attempts``, ``retry_limit``, ``retryable``,
  ``status``, ``last_attempted_at``, ``handler_config``, ``parent_names``;
* ``sequence``: ``steps`` (every step of the task) and ``find_step_by_name(name)`` (``None`` when absent).

``tasker.handle()`` reaches the engine: ``create_task(namespace, name, version, context[, idempotency_key])``
returns the new task's id, ``task_status(task_id)``, ``publish_custom_event(name[, payload])``,
``log(level, message[, fields])`` (with the task's correlation id) and ``handler_config()``.

A template's ``task_handler_class`` may name a :class:`TaskHandler` subclass (``package.module.ClassName``)
whose hooks the engine runs: ``schema``, ``establish_step_dependencies_and_defaults`` and
``update_annotations``.
"""

from tasker.errors import PermanentError, RetryableError, TaskerError
from tasker.step_handler import StepHandler
from tasker.task_handler import TaskHandler
from tasker._bridge import handle

__all__ = ["StepHandler", "TaskHandler", "RetryableError", "PermanentError", "TaskerError", "handle"]
