"""Compares json.loads in a bridge context (tasker._json's scanner) with the standard scanner on a generated
corpus and on malformed texts; returns what differs. Run by FastJsonTest through the bridge, sandbox and all."""

import json
import json.scanner
import random

from tasker import StepHandler

STRINGS = ["", "plain", "caf\u00e9", "\u4e2d\u6587", "\U0001F600 smile", "quote \" and \\ backslash", "a/b",
           "tab\tnew\nline\r", "\x00\x01\x1f", "\u2028\u2029", "\x7f", "\u00ff\u0100"]
NUMBERS = [0, -0, 1, -1, 7, 2 ** 31, -(2 ** 63), 2 ** 64 + 1, 10 ** 30, 0.0, -0.0, 1.5, -2.25, 1e-7, 1e20, 1e300,
           5e-324, 1.7976931348623157e308, 0.1, 123456.789, 3.141592653589793]
TEXTS = ["1E5", "1e-5", "-0", "0.0", "1.5E+3", "-1.25e-3", "\"\\u00e9\\u00E9\"", "\"\\ud83d\\ude00\"", "\"\\u0041\"",
         " \t\n\r[ 1 , 2 ]\r\n", "{\"a\" : {\"b\" :[ ]}}", "{}", "[]", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
         "{\"a\":1,\"a\":2}", "12345678901234567890123", "-12345678901234567890.5e-3", "[true,false,null]"]
MALFORMED = ["", " ", "[", "]", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":}", "{1:2}", "01", "1.", ".5", "-", "+1",
             "1e", "1e+", "\"abc", "\"a\x01\"", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\ud800\"",
             "\"\\udc00x\"", "\"\\ud800\\u0041\"", "NaN", "[NaN]", "Infinity", "-Infinity", "[-Infinity, 1]", "tru",
             "nul", "[1 2]", "{\"a\":1 \"b\":2}", "1 x", "[1]]", "\ufeff[1]", "[" * 300 + "]" * 300, "1" * 5000,
             "// c\n1", "\"\\", "[\"a\\", "{\"a", "{\"a\"", "{\"a\":", "[1,", "[tru]", "[1.5e]", "\"\u2028\""]


def value(rng, depth):
    kind = rng.randrange(9 if depth < 5 else 6)
    if kind < 2:
        return rng.choice(NUMBERS)
    if kind == 2:
        return rng.choice(STRINGS) + "".join(rng.choice(STRINGS) for _ in range(rng.randrange(3)))
    if kind == 3:
        return rng.choice([True, False, None])
    if kind == 4:
        return rng.random() * 10 ** rng.randrange(-10, 10)
    if kind == 5:
        return rng.randrange(-10 ** 6, 10 ** 6)
    if kind in (6, 7):
        return {rng.choice(STRINGS) + str(rng.randrange(50)): value(rng, depth + 1) for _ in range(rng.randrange(6))}
    return [value(rng, depth + 1) for _ in range(rng.randrange(6))]


def outcome(loads, text):
    """A comparable account of what loads does with the text: the value's repr (which tells 1 from 1.0 and
    -0.0 from 0.0), or the error's class, message and position."""
    try:
        return "value", repr(loads(text))
    except json.JSONDecodeError as e:
        return "error", type(e).__name__, e.msg, e.pos, e.lineno, e.colno
    except (ValueError, RecursionError) as e:
        return "error", type(e).__name__, str(e)


class StockDecoder(json.JSONDecoder):
    """GraalPy's own scanner, as json.loads uses it without the bridge."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self.scan_once = json.scanner.c_make_scanner(self)


def stock_loads(text):
    return json.loads(text, cls=StockDecoder)


def mutations(rng, text, count):
    for _ in range(count):
        position = rng.randrange(len(text) + 1)
        cut = rng.randrange(3)
        insert = rng.choice(["", "\"", ",", "]", "}", "\\", "x", "-", "0", ".", "e", " ", "\x01", "{", "["])
        yield text[:position] + insert + text[position + cut:]


class JsonCompatHandler(StepHandler):
    def process(self, task, sequence, step):
        fast, stock = json.loads, stock_loads
        rng = random.Random(20240613)
        texts = list(TEXTS) + list(MALFORMED)
        for _ in range(120):
            document = value(rng, 0)
            texts.append(json.dumps(document))
            texts.append(json.dumps(document, ensure_ascii=False, indent=rng.choice([None, 2, "\t"])))
        texts.extend(mutations(rng, json.dumps(value(rng, 0)) + json.dumps([value(rng, 1) for _ in range(8)]), 250))
        differences = []
        values = errors = 0
        for text in texts:
            expected = outcome(stock, text)
            actual = outcome(fast, text)
            if expected[0] == "value":
                values += 1
            else:
                errors += 1
            if actual != expected:
                differences.append("%r: %r, expected %r" % (text[:200], actual, expected))
        scanner = json._default_decoder.scan_once
        return {"values": values, "errors": errors, "differences": differences[:20],
                "fast_scanner": getattr(scanner, "__module__", "") == "tasker._json"}
