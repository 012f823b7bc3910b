"""Refuse, before tomllib reads it, TOML that tomllib would read in super-linear time.

tomllib (Python 3.11) builds a key one tuple at a time and, for a key/value line, re-walks
every prefix of the key together with its table's header: a dotted key of n parts costs about
n² (`a.a.a…` of 8 KB takes 0.4 s, 16 KB 1.6 s, 32 KB 6.7 s) and every line under a header of h
parts costs h (a 1,000-part header and 20,000 short lines below it take 11 s). All else it
reads in linear time, measured: long lines, long strings and comments, many keys in one table or
inline table, many [[tables]]; deep nesting ends in RecursionError, which the caller reports.

So one shape is refused: a key or table name of more than MAX_KEY_PARTS parts. Only a line with
that many dots can hold one, and such lines are found by one regex pass that jumps from dot to
dot; each is then searched for a key where one can begin (the line's start, '{' or ','). On a
generated registry this costs 1-2 % of tomllib's time. Text that looks like such a key at such a
place, inside a multi-line string, is refused too: no registry holds 17 names joined by dots.
"""

from __future__ import annotations

import re
import sys

from navsome.errors import Message, Problem

# The deepest key a registry needs has 4 parts ([[accounts.<slug>.channels.measurements]]), and
# the schema refuses any deeper one. Cost grows with the parts of a header and of its keys
# together: at 16 a hostile file reads about 3 times slower than a registry of the same size,
# at 64 twelve times slower.
MAX_KEY_PARTS = 16

# A key part is bare, "basic" or 'literal'; parts are joined by dots with optional blanks.
_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\')'
_NEXT_PART = re.compile(rf"[ \t]*\.[ \t]*{_PART}")
# A key begins a line (a table header after '[' or '[['), or follows '{' or ',' in an inline
# table. The blanks before a bracket and after it are separate, so the regex never tries every
# split of one run of blanks (which would be quadratic in a long run of spaces).
_KEY_START = r"[ \t]*(?:\[\[?[ \t]*)?"
_PARTS = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART}){{{MAX_KEY_PARTS}}}"  # one part more than allowed
_LONG_KEY = re.compile(rf"[\n{{,]{_KEY_START}{_PARTS}")
_LONG_KEY_FIRST_LINE = re.compile(rf"{_KEY_START}{_PARTS}")
# A line holding such a key holds as many dots. The regex starts with a literal '.', so the
# engine skips to each dot at C speed, and a registry's lines hold three dots or so. (Unrolled:
# a fixed sequence runs faster than a counted repeat.)
_DENSE_LINE = re.compile(r"\." + r"[^\n.]*\." * (MAX_KEY_PARTS - 1))


def shape_problem(text: str) -> Problem | None:
    """Why tomllib should not be given `text`, or None when it reads it in linear time."""
    found, end = None, 0
    while found is None:
        dense = _DENSE_LINE.search(text, end)
        if dense is None:
            return None
        # Only that line can hold the key (keys never span lines); the next search starts after
        # it, so a line of many dots is looked at once.
        begin = text.rfind("\n", 0, dense.start())  # the newline before the line, or -1
        end = text.find("\n", dense.end())
        end = len(text) if end < 0 else end
        if begin < 0:
            found = _LONG_KEY_FIRST_LINE.match(text, 0, end)
        found = found or _LONG_KEY.search(text, max(begin, 0), end)
    start = found.start() + (text[found.start()] == "\n")  # the key's line, not the one before
    end, parts = found.end(), MAX_KEY_PARTS + 1
    while more := _NEXT_PART.match(text, end):  # counted only here, on the way to an error
        end, parts = more.end(), parts + 1
    line = text.count("\n", 0, start) + 1
    too_long = Message(
        "a dotted key or table name of {parts:,} parts; navsome reads at most {most} (a registry "
        "needs 4): shorten it",
        parts=parts,
        most=MAX_KEY_PARTS,
    )
    return Problem("", too_long, line)


def long_integer(text: str) -> tuple[int, int] | None:
    """The line and digit count of the first integer too long for Python to convert (tomllib
    lets int() raise a bare ValueError for it, without a place), or None when none is found."""
    limit = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    if not limit:
        return None
    for found in _INTEGER_VALUE.finditer(text):
        digits = len(found.group(1)) - found.group(1).count("_")
        if digits > limit:
            return text.count("\n", 0, found.start(1)) + 1, digits
    return None


# A decimal integer as a value: after '=', '[' or ',' (blanks and newlines between), and not
# followed by a fraction or an exponent, which would make it a float.
_INTEGER_VALUE = re.compile(r"[=\[,][ \t\n]*[+-]?([0-9][0-9_]*)(?![0-9_.eE])")
