"""Numbers and figures as people read them, in English or Norwegian."""

from __future__ import annotations

from navsome.i18n import language
from navsome.model import Measurement, Number

QUALIFIER_MARKS = {"exact": "", "about": "≈", "over": ">"}


def format_number(value: Number) -> str:
    """A number as the current language writes it: 37,300 and 3.5M in English, 37 300 and
    3,5 mill. in Norwegian. Millions keep two decimals at most."""
    norwegian = language() == "nb"
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


def format_percent(value: Number) -> str:
    return format_number(value) + (" %" if language() == "nb" else "%")


def format_figure(measurement: Measurement, unit: str = "count") -> str:
    """A figure as stated: '37 300', '≈800', '>10 000', '600–800', '91%'."""
    suffix = (" %" if language() == "nb" else "%") if unit == "percent" else ""
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
    return ("≈" if approximate else "") + sign + format_percent(round(abs(percent), 1))


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[Number]) -> str:
    """One block character a value, from lowest (▁) to highest (█) of the series."""
    low, high = min(values, default=0), max(values, default=0)
    if high == low:
        return _SPARKS[3] * len(values)
    return "".join(_SPARKS[round((v - low) / (high - low) * (len(_SPARKS) - 1))] for v in values)
