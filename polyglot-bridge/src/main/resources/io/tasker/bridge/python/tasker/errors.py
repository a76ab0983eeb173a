"""The failures a step handler raises; the engine reads their class name and attributes."""


class TaskerError(Exception):
    """Base of Tasker's own errors."""


class RetryableError(TaskerError):
    """A failure worth another attempt, after ``retry_after`` seconds when given (capped by the engine)."""

    def __init__(self, message, retry_after=None, context=None):
        super().__init__(message)
        self.retry_after = retry_after
        self.context = context


class PermanentError(TaskerError):
    """A failure no retry can fix: the step is not attempted again and the task ends in error."""

    def __init__(self, message, error_code=None, context=None):
        super().__init__(message)
        self.error_code = error_code
        self.context = context


# Stored failures name these classes as handlers import them: tasker.RetryableError, not tasker.errors.RetryableError.
for _error_class in (TaskerError, RetryableError, PermanentError):
    _error_class.__module__ = "tasker"
