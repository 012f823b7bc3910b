"""Numbers and figures as people read them, in English or Norwegian."""

from __future__ import annotations

from typing import TYPE_CHECKING

from navsome.model import Measurement, Number

if TYPE_CHECKING:
    from navsome.i18n import Words

QUALIFIER_MARKS = {"exact": "", "about": "≈", "over": ">"}


def format_number(value: Number, *, words: Words) -> str:
    """A number as the words' language writes it: 37,300 and 3.5M in English, 37 300 and
    3,5 mill. in Norwegian. Millions keep two decimals at most."""
    norwegian = words.norwegian
    if isinstance(value, float):
        value = round(value, 2)  # as shown: 999,999.999 is a million, 2.001 is 2
    if abs(value) >= 1_000_000:
        millions = f"{value / 1_000_000:,.2f}".rstrip("0").rstrip(".")
        return _localise(millions, norwegian) + (" mill." if norwegian else "M")
    if isinstance(value, float) and not value.is_integer():
        return _localise(f"{value:,.2f}".rstrip("0"), norwegian)
    return _localise(f"{int(value):,}", norwegian)


def _localise(english: str, norwegian: bool) -> str:
    """'37,300.5' → '37 300,5' for Norwegian."""
    if not norwegian:
        return english
    return english.replace(",", " ").replace(".", ",")


def format_percent(value: Number, *, words: Words) -> str:
    return format_number(value, words=words) + _percent_sign(words)


def _percent_sign(words: Words) -> str:
    return " %" if words.norwegian else "%"


def format_figure(measurement: Measurement, unit: str = "count", *, words: Words) -> str:
    """A figure as stated: '37 300', '≈800', '>10 000', '600–800', '91%'."""
    suffix = _percent_sign(words) if unit == "percent" else ""
    value = format_number(measurement.value, words=words)
    if measurement.qualifier == "range" and measurement.high is not None:
        return f"{value}–{format_number(measurement.high, words=words)}{suffix}"
    mark = QUALIFIER_MARKS.get(measurement.qualifier, "")
    return f"{mark}{value}{suffix}"


def format_change(change: Number, approximate: bool = False, *, words: Words) -> str:
    """'+1 500', '−300' (a true minus sign), '0'; '≈' first when either figure is approximate."""
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return ("≈" if approximate else "") + sign + format_number(abs(change), words=words)


def format_growth(percent: float | None, approximate: bool = False, *, words: Words) -> str:
    """'+7.7%', '−50%'; '≈' first when either figure is approximate."""
    if percent is None:
        return ""
    sign = "+" if percent > 0 else "−" if percent < 0 else ""
    return ("≈" if approximate else "") + sign + format_percent(round(abs(percent), 1), words=words)


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[Number]) -> str:
    """One block character a value, from lowest (▁) to highest (█) of the series."""
    low, high = min(values, default=0), max(values, default=0)
    if high == low:
        return _SPARKS[3] * len(values)
    return "".join(_SPARKS[round((v - low) / (high - low) * (len(_SPARKS) - 1))] for v in values)
