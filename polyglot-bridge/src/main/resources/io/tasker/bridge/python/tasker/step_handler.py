"""The base class of Python step handlers."""


class StepHandler:
    """Subclass it and implement ``process(self, task, sequence, step)``.

    The template's ``handler_config`` arrives as ``self.config`` (``None`` when the template has none).
    A handler may also define ``process_results(self, step, output, initial_results)``: it receives what
    ``process`` returned and the results the step had before this attempt, and returns what is stored.
    """

    def __init__(self, config=None):
        self.config = config

    def process(self, task, sequence, step):
        raise NotImplementedError(type(self).__name__ + " must implement process(self, task, sequence, step)")
