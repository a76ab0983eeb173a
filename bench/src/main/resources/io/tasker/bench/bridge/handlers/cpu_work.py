"""CPU-bound handler code for issue 3's speed comparison: the Python twin of cpu_work.rb, line for line.

The same file runs in GraalPy (through the bridge, bench/src/main/java/io/tasker/bench/bridge/CpuHandlerBenchmark.java)
and in CPython (bench/scripts/cpu_native.py). Plain Python and the json standard library only.
"""

import json

COUNT = 1_000_000
ORDERS = 230  # gives a document of about 100 KB


def loop_sum(count=COUNT):
    """(a) A loop over 10^6 integers: branch, multiply, add."""
    total = 0
    for i in range(count):
        if i % 3 == 0:
            total += i * i
        else:
            total -= i
    return total


_numbers = None


def numbers():
    global _numbers
    if _numbers is None:
        _numbers = list(range(COUNT))
    return _numbers


def pipeline(values=None):
    """(a') The same integers as a collection: map, filter, sum over a list built once."""
    values = numbers() if values is None else values
    return sum(v for v in [x * x % 1000 for x in values] if v % 2 == 0)


_document_text = None


def document_text():
    global _document_text
    if _document_text is None:
        _document_text = json.dumps(document(), separators=(",", ":"))
    return _document_text


def json_round_trip(text=None):
    """(b) Parse and generate a JSON document of about 100 KB; returns the size of the generated text."""
    text = document_text() if text is None else text
    return len(json.dumps(json.loads(text), separators=(",", ":")).encode("utf-8"))


def document():
    """A deterministic document (orders with customers, lines, tags): byte for byte the same as cpu_work.rb makes."""
    seed = 42

    def random(bound):
        nonlocal seed
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
        return seed % bound

    statuses = ["pending", "paid", "packed", "shipped", "delivered", "returned"]
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"]
    orders = []
    for order_id in range(ORDERS):
        lines = []
        for line in range(1 + random(5)):
            lines.append({"sku": "SKU-%05d" % random(100_000), "line": line, "quantity": 1 + random(9),
                          "unit_price": random(100_000) / 100.0,
                          "tags": [words[random(len(words))] for _ in range(random(4))]})
        status = statuses[random(len(statuses))]
        customer = {"id": random(1_000_000), "name": "customer %s %d" % (words[random(len(words))], order_id),
                    "email": "c%d@example.com" % order_id, "vip": random(10) == 0}
        orders.append({"id": order_id, "status": status, "customer": customer, "lines": lines,
                       "total_cents": sum(l["quantity"] * round(l["unit_price"] * 100) for l in lines),
                       "note": None if random(3) == 0 else "deliver to door %d, ring twice" % random(500)})
    return {"generated_by": "tasker-bench", "version": 1, "orders": orders}
