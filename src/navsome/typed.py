"""Figures as people type them, read by one rule for every value navsome takes in (`record`'s
VALUE and --high, and the rows of `import`): ASCII digits, a decimal point, and spaces between
groups of three digits; nothing that could be read two ways.

`21.000` and `21,000` are refused rather than guessed at: Norwegians write twenty-one thousand
as 21.000, English speakers as 21,000, and a decimal comma makes `21,5` twenty-one and a half.
"""

from __future__ import annotations

import re

from navsome.errors import InvalidFigure

# Separators between groups of three digits: a space, a no-break space (what a spreadsheet or a
# Norwegian locale writes), a narrow no-break space and a thin space.
_GROUP = "[ \u00a0\u202f\u2009]"
_NUMBER = re.compile(rf"-?(?:[0-9]+|[0-9]{{1,3}}(?:{_GROUP}[0-9]{{3}})+)(?:\.[0-9]+)?")
# 21.000 or 1.500: a point before exactly three digits may be a Norwegian thousands point.
_THOUSANDS_POINT = re.compile(r"-?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
MAX_NUMBER = 10**15  # as the registry's check: far beyond any audience, far below overflow


def read_figure(text: str) -> int | float:
    """The number `text` says: an int, or a float when it has a decimal point. InvalidFigure,
    saying what to write instead, for anything else."""
    typed = text.strip()
    if not typed:
        raise InvalidFigure(text, "is empty", "a number such as 21000")
    if _NUMBER.fullmatch(typed) is None or _THOUSANDS_POINT.fullmatch(typed):
        raise InvalidFigure(text, *_why_not(typed))
    digits = re.sub(_GROUP, "", typed)
    whole = digits.partition(".")[0].lstrip("-").lstrip("0")
    if len(whole) > 16:  # checked first: int() refuses more than 4,300 digits
        raise InvalidFigure(text, "is out of range", "a number between -1e15 and 1e15")
    number: int | float = float(digits) if "." in digits else int(digits)
    if not -MAX_NUMBER <= number <= MAX_NUMBER:
        raise InvalidFigure(text, "is out of range", "a number between -1e15 and 1e15")
    return number


def _why_not(typed: str) -> tuple[str, str, dict[str, str]]:
    """What is wrong with `typed` and what to write instead, as templates (so that the command
    line can say them in the user's language), and their values."""
    if any(c.isdigit() and c not in "0123456789" for c in typed):
        return "has digits other than 0-9", "it with the digits 0-9", {}
    for mark in ".,":  # 21.000 or 21,000; 1.234.567 or 1,234,567
        if re.fullmatch(rf"-?[1-9][0-9]{{0,2}}(?:\{mark}[0-9]{{3}})+", typed):
            whole = typed.replace(mark, "")
            values = {"plain": whole, "grouped": _grouped(whole)}
            if typed.count(mark) > 1:
                return _BETWEEN_THOUSANDS[mark], "{plain} or {grouped}", values
            head, _, tail = typed.partition(mark)
            values["decimal"] = f"{head}.{tail.rstrip('0') or '0'}"
            return (
                _TWO_WAYS[mark],
                "{plain} or {grouped} for thousands, or {decimal} for a decimal",
                values,
            )
    if "," in typed:
        example = typed.replace(",", ".", 1)
        return "has a comma", "a decimal point instead, such as {example}", {"example": example}
    if re.fullmatch(r"-?[0-9.]+[eE][-+]?[0-9]+", typed):
        return "has an exponent", "the number in full, such as 100000 or 100 000", {}
    return "is not a number", "a number such as 21000, 21 000 or 3.5", {}


_TWO_WAYS = {
    ".": "could be read two ways: a point between thousands, or a decimal one",
    ",": "could be read two ways: a comma between thousands, or a decimal one",
}
_BETWEEN_THOUSANDS = {".": "has a point between thousands", ",": "has a comma between thousands"}


def _grouped(digits: str) -> str:
    """'21000' → '21 000', as navsome's Norwegian tables write it."""
    sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + " ".join([digits, *groups])
