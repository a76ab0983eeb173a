"""Handlers that fail in each way the engine tells apart."""

from tasker import PermanentError, RetryableError, StepHandler


class CardDeclined(PermanentError):
    pass


class RateLimited(StepHandler):
    def process(self, task, sequence, step):
        raise RetryableError("rate limited", retry_after=7, context={"attempt": step.attempts})


class Declined(StepHandler):
    def process(self, task, sequence, step):
        raise PermanentError("card declined", error_code="DECLINED", context={"card": "visa"})


class DeclinedBySubclass(StepHandler):
    def process(self, task, sequence, step):
        raise CardDeclined("card declined again", error_code="DECLINED_AGAIN")


class LooksUpMissingKey(StepHandler):
    def process(self, task, sequence, step):
        return _lookup({}, "missing")


def _lookup(mapping, key):
    return mapping[key]
