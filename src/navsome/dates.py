"""Partial ISO dates (`2017`, `2017-12`, `2017-12-31`) and intervals of them (ISO 8601's
`2017-03/2017-05`, for a span such as a season the source names only in words): checking and
ordering. A date stands for its whole extent: `2017` is the year, from its first day to its last.
"""

from __future__ import annotations

import re
import time
from functools import lru_cache

from navsome.errors import Message

_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@lru_cache(maxsize=4096)  # a registry repeats a few dates thousands of times
def date_problem(text: str) -> Message | None:
    """Why `text` is not a valid partial ISO date or interval of two, or None when it is."""
    first, slash, last = text.partition("/")
    if not slash:
        return _partial_problem(text)
    problem = _partial_problem(first) or _partial_problem(last)
    if problem:
        return Message(
            "{text!r}: {problem}; an interval is two dates with / between, 2017-03/2017-05",
            text=text,
            problem=problem,
        )
    if period_start(last) < period_start(first):
        return Message("{text!r} ends before it starts", text=text)
    return None


def _partial_problem(text: str) -> Message | None:
    match = _PARTIAL_DATE.fullmatch(text)
    if match is None:
        return Message("{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", text=text)
    year, month, day = match.groups()
    if int(year) == 0:
        return Message("{text!r} has no year 0", text=text)
    if month is not None and not 1 <= int(month) <= 12:
        return Message("{text!r} has no month {month}", text=text, month=month)
    if day is not None and not 1 <= int(day) <= days_in_month(int(year), int(month)):
        return Message("{text!r} is not a day of {year}-{month}", text=text, year=year, month=month)
    return None


def days_in_month(year: int, month: int) -> int:
    """28 to 31, by the Gregorian calendar (calendar.monthrange, without importing calendar)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def date_key(text: str) -> tuple[int, int, int, int]:
    """Sort key placing a partial date at the end of the period it names.

    `2017` sorts after `2017-11` and with `2017-12-31`; at equal ends the more precise
    date comes first, so a year's figure follows the December figure it includes.
    """
    # A registry of tens of thousands of figures has a few hundred dates: each is read once.
    key = _keys.get(text)
    if key is None:
        key = _keys[text] = _date_key(text)
    return key


_keys: dict[str, tuple[int, int, int, int]] = {}


def _date_key(text: str) -> tuple[int, int, int, int]:
    if "/" in text:  # at the end of its span, after any single date ending the same day
        return (*period_end(text), 3)
    year, _, rest = text.partition("-")
    month, _, day = rest.partition("-")
    if not month:
        return (int(year), 12, 31, 2)
    if not day:
        return (int(year), int(month), 31, 1)
    return (int(year), int(month), int(day), 0)


def period_end(text: str) -> tuple[int, int, int]:
    """The last day of the period a partial date or interval names: `2017` → (2017, 12, 31)."""
    text = text.rpartition("/")[2]
    year, _, rest = text.partition("-")
    month, _, day = rest.partition("-")
    y, m = int(year), int(month or 12)
    return (y, m, int(day) if day else days_in_month(y, m))


def period_days(text: str) -> int:
    """How many days the period a partial date or interval names spans: 365 for 2017."""
    from datetime import date  # a C module: no cost worth deferring further

    return date(*period_end(text)).toordinal() - date(*period_start(text)).toordinal() + 1


def same_length(first: str, second: str) -> bool:
    """Whether two periods are as long as each other (two months, two years, two quarters),
    give or take the days by which months and years differ."""
    return abs(period_days(first) - period_days(second)) <= 3


def today() -> tuple[int, int, int]:
    """Today's date by the local clock: (year, month, day)."""
    now = time.localtime()
    return now.tm_year, now.tm_mon, now.tm_mday


def future_problem(text: str, now: tuple[int, int, int]) -> Message | None:
    """Why the valid partial date `text` cannot be a figure's or an event's date on the day
    `now`: it starts after it. The month or year in progress is allowed."""
    if period_start(text) <= now:
        return None
    return Message(
        "{date} is after today ({today}); a figure or event is dated when it has happened",
        date=text,
        today="-".join(f"{part:02d}" for part in now),
    )


@lru_cache(maxsize=4096)  # a registry repeats a few dates thousands of times
def period_start(text: str) -> tuple[int, int, int]:
    """The first day of the period a partial date or interval names: `2017-10` → (2017, 10, 1)."""
    text = text.partition("/")[0]
    year, _, rest = text.partition("-")
    month, _, day = rest.partition("-")
    return (int(year), int(month or 1), int(day or 1))
