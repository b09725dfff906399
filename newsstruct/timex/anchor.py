"""Anchoring: the value record, the article's context (anchor, last mentioned time) and
the calendar arithmetic that resolves weekdays, months, shifts and durations against it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from newsstruct.calendar import (
    SEASON_MONTHS,
    add_months,
    granularity,
    interval,
    iso_week,
    quarter_of,
    season_of,
)
from newsstruct.timex.tense import _NEAREST, _tense
from newsstruct.timex.vocab import _UNITS, _VAGUE_CODES
from newsstruct.types import Granularity, TimexMod, TimexType

if TYPE_CHECKING:
    from spacy.tokens import Doc


class _Value(NamedTuple):
    type: TimexType
    value: str | None
    mod: TimexMod | None = None
    quant: str | None = None
    freq: str | None = None
    start: int | None = None  # a narrower extent than the match, when the rule says so
    end: int | None = None
    #: "focus" when resolved against the last mentioned time, "quarter" against the last
    #: mentioned quarter, "unknown" when the time it moves from is not dated
    anchored: str | None = None
    moves: bool = True  # whether the value becomes the time later expressions move from


# --------------------------------------------------------------------------- calendar values


def _season_year(day: dt.date, code: str, step: int) -> int:
    """The year of the season ``code`` before (-1), around (0) or after (+1) ``day``."""
    starts = [(y, dt.date(y, SEASON_MONTHS[code], 1)) for y in range(day.year - 2, day.year + 2)]
    if step < 0:
        return max(y for y, s in starts if add_months(s, 3) <= day)
    if step > 0:
        return min(y for y, s in starts if s > day)
    cur_year, cur = season_of(day)
    return cur_year if cur == code else day.year


# --------------------------------------------------------------------------- context


class _Focus:
    """The last calendar time the text mentioned, that "later" and "the next day" move from."""

    __slots__ = ("day", "day_id", "gran", "months", "quarter", "quarter_id")

    def __init__(self) -> None:
        #: a span of months of the year ("the first nine months") was named after the day:
        #: "a year earlier" then compares with the year before, not with a quarter
        self.months = False
        self.day: dt.date | None = None
        self.gran: Granularity | None = None
        self.quarter: tuple[int, int] | None = None
        self.day_id: str | None = None
        self.quarter_id: str | None = None

    def months_year(self) -> int | None:
        """The year of the span of months last named ("the first nine months" of the year
        of the last quarter named, else of the last time), when one was named after it."""
        if not self.months or self.day is None:
            return None
        return self.quarter[0] if self.quarter is not None else self.day.year

    def update(self, value: str, tid: str, quarter: bool = True) -> None:
        span = interval(value)
        gran = granularity(value)
        if span is None or gran is None or (gran is Granularity.YEAR and len(value) < 4):
            return
        self.day, self.gran, self.day_id = span[0].date(), gran, tid
        self.months = False
        if quarter and gran is Granularity.QUARTER and "-Q" in value:
            self.quarter, self.quarter_id = (int(value[:4]), int(value[-1])), tid


def _weekday_date(anchor: dt.date, wd: int, direction: int, rel: str = "") -> dt.date:
    delta = wd - anchor.weekday()
    if rel == "this":
        return anchor + dt.timedelta(days=delta)
    if rel in ("last", "past", "previous"):
        return anchor + dt.timedelta(days=(delta % 7) - 7 if delta % 7 else -7)
    if rel in ("next", "coming", "following"):
        return anchor + dt.timedelta(days=delta % 7 or 7)
    if direction == _NEAREST:
        ahead = delta % 7
        return anchor + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    if direction > 0:
        return anchor + dt.timedelta(days=delta % 7)
    return anchor - dt.timedelta(days=(-delta) % 7)


def _month_year(anchor: dt.date, month: int, direction: int, rel: str = "") -> int:
    if rel in ("last", "past", "previous"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel == "this":
        return anchor.year
    if direction < 0:
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month >= anchor.month else anchor.year + 1
    ahead = (month - anchor.month) % 12
    if 0 < ahead <= 2:
        return anchor.year + (1 if month < anchor.month else 0)
    return anchor.year if month <= anchor.month else anchor.year - 1


def _nearest_year(anchor: dt.date, month: int, day: int, direction: int = 0) -> int:
    """The year that puts the day nearest the anchor, on the side the tense points to when
    that side is within ten months."""
    best = anchor.year
    best_gap: int | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            gap = (dt.date(year, month, day) - anchor).days
        except ValueError:
            continue
        if direction and gap * direction >= 0 and abs(gap) <= 300:
            return year
        if best_gap is None or abs(gap) < best_gap:
            best, best_gap = year, abs(gap)
    return best


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("day", "night"):
        return day + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return add_months(day, n)
    if unit == "quarter":
        return add_months(day, 3 * n)
    if unit == "year":
        return add_months(day, 12 * n)
    if unit == "decade":
        return add_months(day, 120 * n)
    return day


def _value_at(day: dt.date, gran: Granularity) -> str:
    if gran is Granularity.YEAR:
        return f"{day.year:04d}"
    if gran is Granularity.QUARTER:
        y, q = quarter_of(day)
        return f"{y:04d}-Q{q}"
    if gran is Granularity.SEASON:
        y, s = season_of(day)
        return f"{y:04d}-{s}"
    if gran is Granularity.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if gran is Granularity.WEEK:
        return iso_week(day)
    return day.isoformat()


_UNIT_GRAN = {"day": Granularity.DAY, "night": Granularity.DAY, "week": Granularity.WEEK,
              "weekend": Granularity.WEEK, "fortnight": Granularity.WEEK,
              "month": Granularity.MONTH, "quarter": Granularity.QUARTER,
              "year": Granularity.YEAR, "decade": Granularity.YEAR}
_GRAN_RANK = {Granularity.YEAR: 0, Granularity.QUARTER: 1, Granularity.SEASON: 1,
              Granularity.MONTH: 2, Granularity.WEEK: 3, Granularity.DAY: 4,
              Granularity.PART_OF_DAY: 5, Granularity.HOUR: 6, Granularity.MINUTE: 7,
              Granularity.SECOND: 8}


def _duration(n: float | None, unit: str, half: bool = False) -> str:
    """The TIMEX3 duration of ``n`` units (``None``: an unknown number). Decades count in
    years, as news corpora annotate them ("P10Y", "PXY")."""
    code, timepart, mult = _UNITS[unit]
    prefix = "PT" if timepart else "P"
    if n is None:
        return f"{prefix}X{_VAGUE_CODES.get(code, code)}"
    n = n * mult
    if code == "DE":
        code, n = "Y", n * 10
    elif code == "CE":
        code, n = "Y", n * 100
    elif code == "WE":
        code, n = "D", n * 2
    if half:
        sub = {"Y": (6, "M", False), "M": (15, "D", False), "W": (84, "H", True),
               "D": (12, "H", True), "H": (30, "M", True), "Q": (45, "D", False)}
        if code == "M" and timepart:
            return f"PT{int(n)}M30S"
        if code in sub:
            k, c2, t2 = sub[code]
            if t2 and not timepart:
                return f"P{int(n)}{code}T{k}{c2}"
            return f"{prefix}{int(n)}{code}{k}{c2}"
    return f"{prefix}{int(n) if float(n).is_integer() else n}{code}"


# --------------------------------------------------------------------------- normalisers


class _Ctx:
    """Per-article state: anchor, the last mentioned time, access to the parse."""

    __slots__ = ("anchor", "day", "doc", "focus", "text")

    def __init__(self, text: str, doc: Doc | None, anchor: dt.datetime) -> None:
        self.text, self.doc, self.anchor = text, doc, anchor
        self.day = anchor.date()
        self.focus = _Focus()

    def tense(self, start: int, end: int) -> int:
        """-1, 0 or +1: the side of the anchor the clause around the span points to (a plan
        told in the simple past, "agreed to buy it in February", looks ahead)."""
        d = _tense(self.doc, self.text, start, end)
        return 1 if d == _NEAREST else d

    def day_tense(self, start: int, end: int) -> int:
        """As ``tense``, or ``_NEAREST`` when the nearest day of the week is meant."""
        return _tense(self.doc, self.text, start, end)
