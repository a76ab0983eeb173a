"""What the Java side of the bridge calls in every Python context; not for handlers.

Kept to plain functions that Java looks up once per context and then calls directly.
"""

import importlib
import inspect
import sys
import traceback

from tasker import _json
from tasker.errors import PermanentError

# Handlers' json.loads through tasker._json's scanner; CPython (the package's own tests) keeps its C scanner.
if sys.implementation.name == "graalpy":
    _json.install()

_handle = None


def configure(handle_object):
    """Called once per context with the context's handle."""
    global _handle
    _handle = handle_object


def handle():
    """The engine's handle: create tasks, read task status, publish events, log, read handler_config."""
    if _handle is None:
        raise RuntimeError("tasker.handle() is only available inside Tasker JVM")
    return _handle


def handler_for(dotted_path, config):
    """Builds the handler named ``package.module.ClassName`` and returns the callable run per attempt."""
    handler = _instantiate(_find_class(dotted_path), config)
    process = handler.process
    process_results = getattr(handler, "process_results", None)
    if process_results is None:
        return process

    def process_then_results(task, sequence, step):
        return process_results(step, process(task, sequence, step), step.results)

    return process_then_results


def task_hooks_for(dotted_path):
    """The hooks of the task handler class a template names, or None when no such class exists."""
    from tasker._hooks import TaskHooks

    handler_class = _find_optional_class(dotted_path)
    if not inspect.isclass(handler_class):
        return None
    hooks = TaskHooks(handler_class())
    return hooks if hooks.hooks() else None


def _find_optional_class(dotted_path):
    module_name, _, class_name = dotted_path.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as missing:
        if missing.name is not None and (module_name == missing.name or module_name.startswith(missing.name + ".")):
            return None
        raise
    return getattr(module, class_name, None)


def _find_class(dotted_path):
    module_name, _, class_name = dotted_path.rpartition(".")
    if not module_name:
        raise ImportError("handler class '" + dotted_path + "' must be named package.module.ClassName")
    module = importlib.import_module(module_name)
    try:
        return getattr(module, class_name)
    except AttributeError:
        raise ImportError("module '" + module_name + "' (" + str(getattr(module, "__file__", "?"))
                          + ") has no class '" + class_name + "'") from None


def _instantiate(handler_class, config):
    if _accepts_config(handler_class):
        return handler_class(config=config)
    handler = handler_class()
    if config is not None and not hasattr(handler, "config"):
        handler.config = config
    return handler


def _accepts_config(handler_class):
    try:
        parameters = inspect.signature(handler_class).parameters
    except (TypeError, ValueError):
        return False
    return "config" in parameters or any(p.kind == p.VAR_KEYWORD for p in parameters.values())


# Helpers for reading results and errors: the Java side caches each of them once per context.

keys = list
float_type = float
text = str


def type_name(value):
    value_type = type(value)
    if value_type.__module__ == "builtins":
        return value_type.__qualname__
    return value_type.__module__ + "." + value_type.__qualname__


def is_permanent(error):
    return isinstance(error, PermanentError)


def attribute(error, name):
    return getattr(error, name, None)


def backtrace(error):
    return "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip()
