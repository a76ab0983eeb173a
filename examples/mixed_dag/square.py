"""The Python step of the mixed diamond: squares its input, like MixedDag::SquareHandler and the Java SquareHandler."""

from tasker import PermanentError, StepHandler


class SquareHandler(StepHandler):
    """A root step squares the task's even_number, any other step the product of its parents' results."""

    def process(self, task, sequence, step):
        value = self._even_number(task) if not step.parent_names else self._product_of_parents(sequence, step)
        return {"result": value * value}

    @staticmethod
    def _even_number(task):
        value = task.context.get("even_number")
        if not isinstance(value, int):
            raise PermanentError("context.even_number must be an integer, got %r" % (value,), error_code="BAD_CONTEXT")
        return value

    @staticmethod
    def _product_of_parents(sequence, step):
        product = 1
        for name in step.parent_names:
            parent = sequence.find_step_by_name(name)
            if parent is None or not isinstance(parent.results.get("result"), int):
                raise PermanentError("parent step %s has no numeric result" % name)
            product *= parent.results["result"]
        return product
