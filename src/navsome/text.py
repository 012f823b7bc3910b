"""Text for people: numbers and figures as they should read, and registry text made safe to show."""

from __future__ import annotations

import re

from .model import Measurement, Number

# C0 and C1 control characters, DEL, and the Unicode controls that reorder text on screen;
# a line break is kept where the output has room for more than one line.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_CONTROL_BUT_NEWLINE = re.compile(f"(?!\n)[{_CONTROLS}]")
QUALIFIER_MARKS = {"exact": "", "about": "≈", "over": ">"}


def visible(text: str, one_line: bool = False) -> str:
    """Registry text with control characters written out (`\\x1b`) so none acts on a terminal."""
    return (_CONTROL if one_line else _CONTROL_BUT_NEWLINE).sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def format_number(value: Number) -> str:
    """37300 → '37 300'; 2.5 → '2.5'. A space groups thousands, as in the source."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, fraction = f"{value:,.2f}".rstrip("0").partition(".")
        return whole.replace(",", " ") + "." + fraction
    return f"{int(value):,}".replace(",", " ")


def format_figure(measurement: Measurement, unit: str = "count") -> str:
    """A figure as stated: '37 300', '≈800', '>10 000', '600–800', '91%'."""
    suffix = "%" if unit == "percent" else ""
    if measurement.qualifier == "range" and measurement.high is not None:
        return f"{format_number(measurement.value)}–{format_number(measurement.high)}{suffix}"
    mark = QUALIFIER_MARKS.get(measurement.qualifier, "")
    return f"{mark}{format_number(measurement.value)}{suffix}"


def format_change(change: Number, approximate: bool = False) -> str:
    """'+1 500', '−300' (a true minus sign), '0'; '≈' first when either figure is approximate."""
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return ("≈" if approximate else "") + sign + format_number(abs(change))


def format_growth(percent: float | None, approximate: bool = False) -> str:
    """'+7.7%', '−50%'; '≈' first when either figure is approximate."""
    if percent is None:
        return ""
    sign = "+" if percent > 0 else "−" if percent < 0 else ""
    return ("≈" if approximate else "") + f"{sign}{abs(percent):.1f}%".replace(".0%", "%")


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[Number]) -> str:
    """One block character a value, from lowest (▁) to highest (█) of the series."""
    low, high = min(values, default=0), max(values, default=0)
    if high == low:
        return _SPARKS[3] * len(values)
    return "".join(_SPARKS[round((v - low) / (high - low) * (len(_SPARKS) - 1))] for v in values)
