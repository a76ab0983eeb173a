"""A faster ``json.loads`` for handlers, behind the standard library's own API.

GraalPy's ``_json`` scanner (Java code behind ``json.scanner.c_make_scanner``) reads a 100 KB document in
25-50 ms where CPython's C scanner takes about 1.5 ms. This module's scanner is plain Python written for the
Truffle JIT: one index walking the text, ``str.find`` and a compiled regular expression (TRegex) for the runs
inside strings, no per-value closures. It takes the common case (a ``str`` and the default hooks) and gives the
values CPython's scanner gives; anything else it does not read itself (NaN, lone surrogates, deep nesting,
huge integers, every syntax error) it hands back to the standard scanner, which reads the text again from the
start and returns the value or raises its ``JSONDecodeError``, message and position included.

``install()`` puts it under ``json.scanner.make_scanner`` (so new ``JSONDecoder`` objects with default hooks get
it) and under the default decoder that ``json.loads`` uses. ``json.dumps`` is left alone: it is fast already.
"""

import json
import json.decoder
import json.scanner
import re

_STOCK_MAKE_SCANNER = json.scanner.make_scanner
# The plain run of a string: up to the closing quote, a backslash or a control character.
_CHUNK = re.compile(r'[^"\\\x00-\x1f]*')
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_DIGITS = '0123456789'
# Deeper documents go to the standard scanner, whose RecursionError (or value) is the reference.
_MAX_DEPTH = 200
# Longer numbers too: int() refuses more than sys.get_int_max_str_digits() digits, with its own error.
_MAX_NUMBER = 4000


class _Unreadable(Exception):
    """The text leaves what this scanner reads itself; the standard scanner reads it instead."""


_UNREADABLE = _Unreadable()


def make_scanner(context):
    """``json.scanner.make_scanner``: this scanner for a decoder with the default hooks, else the standard one."""
    stock = _STOCK_MAKE_SCANNER(context)
    if not _plain(context):
        return stock

    def scan_once(string, idx):
        if type(string) is str:
            try:
                return _value(string, idx, 0)
            except (_Unreadable, IndexError, RecursionError):
                pass
        return stock(string, idx)

    return scan_once


def _plain(decoder):
    return (decoder.object_hook is None and decoder.object_pairs_hook is None
            and decoder.parse_float is float and decoder.parse_int is int
            and decoder.strict is True)


def install():
    json.scanner.make_scanner = make_scanner
    decoder = json._default_decoder
    decoder.scan_once = make_scanner(decoder)


def _skip(s, i):
    c = s[i]
    while c == ' ' or c == '\n' or c == '\r' or c == '\t':
        i += 1
        c = s[i]
    return i


def _value(s, i, depth):
    c = s[i]
    if c == '"':
        return _string(s, i + 1)
    if c == '{':
        return _object(s, i + 1, depth + 1)
    if c == '[':
        return _array(s, i + 1, depth + 1)
    if c in _DIGITS or c == '-':
        return _number(s, i)
    if c == 'n' and s.startswith('null', i):
        return None, i + 4
    if c == 't' and s.startswith('true', i):
        return True, i + 4
    if c == 'f' and s.startswith('false', i):
        return False, i + 5
    raise _UNREADABLE


def _object(s, i, depth):
    if depth > _MAX_DEPTH:
        raise _UNREADABLE
    result = {}
    i = _skip(s, i)
    if s[i] == '}':
        return result, i + 1
    while True:
        if s[i] != '"':
            raise _UNREADABLE
        key, i = _string(s, i + 1)
        i = _skip(s, i)
        if s[i] != ':':
            raise _UNREADABLE
        value, i = _value(s, _skip(s, i + 1), depth)
        result[key] = value
        i = _skip(s, i)
        c = s[i]
        if c == '}':
            return result, i + 1
        if c != ',':
            raise _UNREADABLE
        i = _skip(s, i + 1)


def _array(s, i, depth):
    if depth > _MAX_DEPTH:
        raise _UNREADABLE
    result = []
    i = _skip(s, i)
    if s[i] == ']':
        return result, i + 1
    while True:
        value, i = _value(s, i, depth)
        result.append(value)
        i = _skip(s, i)
        c = s[i]
        if c == ']':
            return result, i + 1
        if c != ',':
            raise _UNREADABLE
        i = _skip(s, i + 1)


def _number(s, start):
    """CPython's grammar: -?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?; a '.' or 'e' without digits after
    it can only end in an error, so that is the standard scanner's to report."""
    i = start
    if s[i] == '-':
        i += 1
    c = s[i]
    if c == '0':
        i += 1
    elif c in _DIGITS:
        i = _digits(s, i)
    else:
        raise _UNREADABLE
    n = len(s)
    c = s[i] if i < n else ''
    is_float = False
    if c == '.':
        i = _digits(s, i + 1)
        c = s[i] if i < n else ''
        is_float = True
    if c == 'e' or c == 'E':
        i += 1
        if i < n and (s[i] == '+' or s[i] == '-'):
            i += 1
        i = _digits(s, i)
        is_float = True
    if i - start > _MAX_NUMBER:
        raise _UNREADABLE
    if is_float:
        return float(s[start:i]), i
    return int(s[start:i]), i


def _digits(s, i):
    """At least one digit at i; the index after the last one."""
    n = len(s)
    if i >= n or s[i] not in _DIGITS:
        raise _UNREADABLE
    i += 1
    while i < n and s[i] in _DIGITS:
        i += 1
    return i


def _string(s, start):
    end = _CHUNK.match(s, start).end()
    c = s[end]
    if c == '"':
        return s[start:end], end + 1
    if c != '\\':
        raise _UNREADABLE  # a control character: strict mode refuses it, with the standard message
    return _escaped_string(s, start, end)


def _escaped_string(s, start, end):
    parts = [s[start:end]]
    while True:
        c = s[end]
        if c == '"':
            return ''.join(parts), end + 1
        if c == '\\':
            end = _unescape(s, end + 1, parts)
        else:
            run = _CHUNK.match(s, end).end()
            if run == end:
                raise _UNREADABLE
            parts.append(s[end:run])
            end = run


def _unescape(s, i, parts):
    c = s[i]
    simple = _ESCAPES.get(c)
    if simple is not None:
        parts.append(simple)
        return i + 1
    if c != 'u':
        raise _UNREADABLE
    code = _hex4(s, i + 1)
    i += 5
    if 0xD800 <= code <= 0xDBFF and s.startswith('\\u', i):
        low = _hex4(s, i + 2)
        if 0xDC00 <= low <= 0xDFFF:
            parts.append(chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)))
            return i + 6
    if 0xD800 <= code <= 0xDFFF:
        raise _UNREADABLE  # a lone surrogate: kept by the standard scanner, which is the reference for it
    parts.append(chr(code))
    return i


def _hex4(s, i):
    text = s[i:i + 4]
    if len(text) != 4 or not all(c in '0123456789abcdefABCDEF' for c in text):
        raise _UNREADABLE
    return int(text, 16)
