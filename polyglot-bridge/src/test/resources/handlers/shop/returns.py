"""A handler returning, per its handler_config's kind, one value of each shape the converter must handle."""

import datetime
import decimal

from tasker import StepHandler


class Cyclic:
    pass


def _cycle():
    items = [1]
    items.append(items)
    return {"items": items}


def _deep(levels):
    value = "bottom"
    for _ in range(levels):
        value = [value]
    return value


VALUES = {
    "nested": lambda step: {"orders": [{"id": 1, "lines": [{"sku": "a", "qty": 2}]}, {"id": 2, "lines": []}]},
    "big_integer": lambda step: {"big": 2 ** 70, "negative": -(2 ** 64), "small": 7},
    "floats": lambda step: {"two": 2.0, "half": 0.5, "big_float": 1e20},
    "datetime": lambda step: {
        "aware": datetime.datetime(2026, 3, 1, 10, 0, 0, tzinfo=datetime.timezone.utc),
        "offset": datetime.datetime(2026, 3, 1, 10, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
        "naive": datetime.datetime(2026, 3, 1, 10, 0, 0, 250000),
        "date": datetime.date(2026, 3, 1),
    },
    "decimal": lambda step: {"price": decimal.Decimal("19.90")},
    "tuple": lambda step: {"pair": (1, "two")},
    "int_keys": lambda step: {1: "one", 2: "two"},
    "inputs": lambda step: step.inputs,
    "nan": lambda step: {"ratio": float("nan")},
    "infinity": lambda step: [float("inf")],
    "set": lambda step: {"tags": {"a", "b"}},
    "object": lambda step: {"thing": Cyclic()},
    "cycle": lambda step: _cycle(),
    "deep": lambda step: _deep(100),
    "ten_megabytes": lambda step: {"blob": "x" * (10 * 1024 * 1024), "rows": ["row %d" % i for i in range(1, 1001)]},
    "too_large": lambda step: ["y" * 1024 for _ in range(20 * 1024)],
    "view": lambda step: {"step": step},
    "tuple_key": lambda step: {(1, 2): "pair"},
}


class Returns(StepHandler):
    def process(self, task, sequence, step):
        return VALUES[self.config["kind"]](step)
