"""The one calendar: TIMEX3 values as intervals, parts of the day, month arithmetic, and the
names of months and weekdays.

Every stage that turns a TIMEX3 value into a span of time, adds months to a day, or reads a month
or weekday name does it here, so that they agree: a part of the day has one set of hours, a
month shift one clamping (to the last day of the shorter month: 31 January + 1 month is
28 or 29 February).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, TypeVar

from newsstruct.types import Granularity

__all__ = [
    "MONTHS",
    "MONTH_NAMES",
    "PARTS_OF_DAY",
    "SEASON_MONTHS",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "Interval",
    "add_months",
    "days_in_month",
    "granularity",
    "interval",
    "iso_week",
    "month_number",
    "month_regex",
    "nth_weekday",
    "quarter_of",
    "season_of",
    "span",
    "weekday_regex",
]

# --------------------------------------------------------------------------- names

#: Full English month names, January first.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
#: Full English weekday names, Monday first (``date.weekday()`` order).
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Month names and their usual abbreviations (lower case, no dot) → month number 1-12.
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}
#: Weekday names and their usual abbreviations (lower case, no dot) → ``date.weekday()``.
WEEKDAYS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    **{name[:3].lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}


def month_number(name: str) -> int | None:
    """The month (1-12) a month name or abbreviation names ("Sept." → 9), else ``None``."""
    return MONTHS.get(name.strip().rstrip(".").lower())


def month_regex(group: str | None = None, *, abbreviated: bool = True) -> str:
    """A regular expression (to compile case-insensitively or not) for a month name: the full
    names, and unless ``abbreviated`` is false their abbreviations with an optional dot
    ("Jan.", "Sept"). ``group`` names the capturing group."""
    alts = f"(?:{'|'.join(MONTH_NAMES)})\\b"
    if abbreviated:
        alts += r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b)"
    return f"(?P<{group}>{alts})" if group else f"(?:{alts})"


def weekday_regex(group: str | None = None) -> str:
    """A regular expression for a full weekday name; ``group`` names the capturing group."""
    alts = "|".join(WEEKDAY_NAMES)
    return f"(?P<{group}>{alts})" if group else f"(?:{alts})"


# --------------------------------------------------------------------------- arithmetic

_D = TypeVar("_D", dt.date, dt.datetime)


def days_in_month(year: int, month: int) -> int:
    """The number of days of ``month`` in ``year``."""
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def add_months(day: _D, months: int) -> _D:
    """``day`` moved by ``months`` calendar months, its day of the month clamped to the last day
    of a shorter month (31 January + 1 month = 28 or 29 February). Keeps the time of a
    datetime."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return day.replace(year=year, month=month, day=min(day.day, days_in_month(year, month)))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ``weekday`` (0 = Monday) of ``month``; a negative ``nth`` counts from the end
    (-1 = the last). Raises ``ValueError`` when the month has no such day."""
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        if day.month != month:
            raise ValueError(f"no weekday {weekday} number {nth} in {year}-{month:02d}")
        return day
    last = dt.date(year, month, days_in_month(year, month))
    day = last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))
    if day.month != month:
        raise ValueError(f"no weekday {weekday} number {nth} in {year}-{month:02d}")
    return day


def iso_week(day: dt.date) -> str:
    """The TIMEX3 value of the ISO week holding ``day`` (``2025-W32``)."""
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(day: dt.date) -> tuple[int, int]:
    """The (year, quarter 1-4) holding ``day``."""
    return day.year, (day.month - 1) // 3 + 1


#: Season code → the month it starts in (meteorological seasons of the northern hemisphere).
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_of(day: dt.date) -> tuple[int, str]:
    """The (year, TIMEX3 season code) holding ``day``; a winter belongs to the year it starts
    in (January 2025 is in ``2024-WI``)."""
    m = day.month
    if m in (12, 1, 2):
        return (day.year if m == 12 else day.year - 1), "WI"
    return day.year, ("SP" if m < 6 else "SU" if m < 9 else "FA")


# --------------------------------------------------------------------------- intervals

#: TIMEX3 part-of-day code → (first hour, hour after the last), counted from the day's
#: midnight; a night runs into the next morning (20 to 30 = 06:00 the next day).
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "MO": (6, 12),   # morning
    "MI": (11, 14),  # midday
    "AF": (12, 18),  # afternoon
    "EV": (18, 24),  # evening
    "NI": (20, 30),  # night
    "DT": (9, 17),   # daytime (working hours)
}


class Interval(NamedTuple):
    """The span ``[start, end)`` a calendar value denotes, at the granularity it is given."""

    start: dt.datetime
    end: dt.datetime
    granularity: Granularity


_DAY_VALUE = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d)(?::(\d\d)(?::(\d\d))?)?|T(MO|MI|AF|EV|NI|DT))?")
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)")
_PART_VALUE = re.compile(r"(\d{4})-([QH])(\d)")
_SEASON_VALUE = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR_VALUE = re.compile(r"\d{2,4}")


def _at(day: dt.date, tz: dt.tzinfo | None, hours: int = 0, minutes: int = 0,
        seconds: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=tz) + dt.timedelta(
        hours=hours, minutes=minutes, seconds=seconds)


def _day_span(m: re.Match[str], tz: dt.tzinfo | None) -> Interval:
    day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m[7]:
        lo, hi = PARTS_OF_DAY[m[7]]
        return Interval(_at(day, tz, lo), _at(day, tz, hi), Granularity.PART_OF_DAY)
    if m[6]:
        s = _at(day, tz, int(m[4]), int(m[5]), int(m[6]))
        return Interval(s, s + dt.timedelta(seconds=1), Granularity.SECOND)
    if m[5]:
        s = _at(day, tz, int(m[4]), int(m[5]))
        return Interval(s, s + dt.timedelta(minutes=1), Granularity.MINUTE)
    if m[4]:
        s = _at(day, tz, int(m[4]))
        return Interval(s, s + dt.timedelta(hours=1), Granularity.HOUR)
    return Interval(_at(day, tz), _at(day + dt.timedelta(days=1), tz), Granularity.DAY)


def _coarse_span(value: str, tz: dt.tzinfo | None) -> Interval | None:
    if m := _WEEK_VALUE.fullmatch(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        first = monday + dt.timedelta(days=5) if m[3] else monday
        return Interval(_at(first, tz), _at(monday + dt.timedelta(days=7), tz), Granularity.WEEK)
    if m := _MONTH_VALUE.fullmatch(value):
        first = dt.date(int(m[1]), int(m[2]), 1)
        return Interval(_at(first, tz), _at(add_months(first, 1), tz), Granularity.MONTH)
    if m := _PART_VALUE.fullmatch(value):
        months = 3 if m[2] == "Q" else 6
        first = dt.date(int(m[1]), (int(m[3]) - 1) * months + 1, 1)
        return Interval(_at(first, tz), _at(add_months(first, months), tz), Granularity.QUARTER)
    if m := _SEASON_VALUE.fullmatch(value):
        first = dt.date(int(m[1]), SEASON_MONTHS[m[2]], 1)
        return Interval(_at(first, tz), _at(add_months(first, 3), tz), Granularity.SEASON)
    if _YEAR_VALUE.fullmatch(value):
        years = 10 ** (4 - len(value))  # "199": the 1990s, "19": the 1900s
        y0 = int(value) * years
        return Interval(_at(dt.date(y0, 1, 1), tz), _at(dt.date(y0 + years, 1, 1), tz),
                        Granularity.YEAR)
    return None


def span(value: str | None, tz: dt.tzinfo | None = None) -> Interval | None:
    """The interval a TIMEX3 date or time value denotes, with its granularity (a decade or a
    century counts as a year granularity); ``None`` for durations, sets, references
    (``PRESENT_REF``), partly unknown values (``XXXX-06``) and impossible dates."""
    if not value or "X" in value or value.startswith("P") or value.endswith("_REF"):
        return None
    try:
        if m := _DAY_VALUE.fullmatch(value):
            return _day_span(m, tz)
        return _coarse_span(value, tz)
    except ValueError:
        return None


def interval(
    value: str | None, tz: dt.tzinfo | None = None
) -> tuple[dt.datetime, dt.datetime] | None:
    """The calendar interval (start, exclusive end) a TIMEX3 date or time value denotes.

    ``None`` for durations, sets, references (``PRESENT_REF``) and partly unknown values.
    """
    s = span(value, tz)
    return None if s is None else (s.start, s.end)


def granularity(value: str | None) -> Granularity | None:
    """The precision a TIMEX3 calendar value is given at (``2025-08`` → month); a two- or
    three-digit century or decade counts as a year."""
    s = span(value)
    return None if s is None else s.granularity
