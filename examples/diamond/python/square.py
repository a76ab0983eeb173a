"""The Python twin of io.tasker.examples.square.SquareHandler: N^16 through a chain or a diamond of squares."""

from tasker import PermanentError, StepHandler


class SquareHandler(StepHandler):
    """Squares its input: a root step takes the task's even_number, any other step the product of its parents' results."""

    def process(self, task, sequence, step):
        value = self._even_number(task) if not step.parent_names else self._product_of_parents(sequence, step)
        return {"result": value * value}

    @staticmethod
    def _even_number(task):
        value = task.context.get("even_number")
        if not isinstance(value, int):
            raise PermanentError("context.even_number must be a number, got %r" % (value,), error_code="BAD_CONTEXT")
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
