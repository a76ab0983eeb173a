"""The base class of Python task handlers: the task-level hooks of a template."""


class TaskHandler:
    """Name a subclass as the template's ``task_handler_class`` (``package.module.ClassName``) and override
    the hooks it needs; the engine calls only the overridden ones.

    * ``schema(self)``: a JSON schema (dict) for the task context, used instead of the template's; asked once.
    * ``establish_step_dependencies_and_defaults(self, task, steps)``: before each new task is written; may
      change ``task.context`` and each step's ``retry_limit``, ``retryable`` and ``skippable``, nothing else.
    * ``update_annotations(self, task, sequence, steps)``: after a task completed, typically to attach
      annotations with ``tasker.handle().create_task_annotation(task.task_id, type_name, annotation)``.
    """

    def schema(self):
        return None

    def establish_step_dependencies_and_defaults(self, task, steps):
        pass

    def update_annotations(self, task, sequence, steps):
        pass
