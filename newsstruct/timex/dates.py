"""Normalisers of calendar names: dates, months, seasons, years, ranges of years, decades,
centuries, quarters and halves.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from newsstruct.calendar import quarter_of
from newsstruct.timex.anchor import _Ctx, _month_year, _nearest_year, _Value
from newsstruct.timex.vocab import (
    _DAY,
    _MON,
    _MONTHS,
    _ONES,
    _ORDINALS,
    _POSITIONS,
    _SEASONS,
    _Y4,
    _spoken_year,
)
from newsstruct.types import TimexMod, TimexType

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _pos_mod(pos: str | None) -> TimexMod | None:
    if not pos:
        return None
    words = pos.lower().split()
    for w in words:
        if w in _POSITIONS:
            return _POSITIONS[w]
    return None


def _n_mdy(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    day = int(m["day"])
    year = int(m["year"]) if m["year"] else _nearest_year(
        ctx.day, month, day, ctx.tense(m.start(), m.end()))
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return _Value(TimexType.DATE, f"{year:04d}-{month:02d}-{day:02d}")


def _n_mdw(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    """"April One", "July three 1987": a day of the month written as a word."""
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    day = _ONES[m["dw"].lower()]
    year = int(m["year"]) if m["year"] else _nearest_year(
        ctx.day, month, day, ctx.tense(m.start(), m.end()))
    return _Value(TimexType.DATE, f"{year:04d}-{month:02d}-{day:02d}")


def _n_numeric(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    y = m["year"]
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 50 else 2000 + int(y))
    try:
        day = dt.date(year, int(m["month"]), int(m["day"]))
    except ValueError:
        return None
    return _Value(TimexType.DATE, day.isoformat())


def _n_month(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    rel = (m["rel"] or "").lower()
    mod = _pos_mod(m["pos"])
    spoken = _spoken_year(m["sy"]) if m["sy"] else None
    if m["year"] or spoken:
        year = int(m["year"]) if m["year"] else spoken or 0
    elif m["yrel"]:  # "June last year"
        year = ctx.day.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    else:
        year = _month_year(ctx.day, month, 0 if rel else ctx.tense(m.start(), m.end()), rel)
    return _Value(TimexType.DATE, f"{year:04d}-{month:02d}", mod)


def _n_season(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    if m["yrel"]:  # "the spring of next year"
        year: int | None = ctx.day.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    else:
        year = int(m["year"]) if m["year"] else _spoken_year(m["sy"])
    if year is None:
        return None
    return _Value(TimexType.DATE, f"{year:04d}-{_SEASONS[m['season'].lower()]}",
                  _pos_mod(m["pos"]))


def _n_year(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    year = m["year"]
    if m["s"]:
        value = year[:3] if year[3] == "0" else year
        start = m.start("year") if m["the"] and not m["pos"] else m.start()
        if m["the"] and m["pos"]:
            start = m.start("pos")
        return _Value(TimexType.DATE, value, _pos_mod(m["pos"]), start=start)
    start = m.start("year") if m["the"] and not m["pos"] else m.start()
    if m["ty"] and not m["ty"].lower().startswith("the"):
        start = m.start("year")  # "year 2000": the bare year, as in "in year 2000 terms"
    return _Value(TimexType.DATE, year, _pos_mod(m["pos"]), start=start)


def _range_years(m: re.Match[str], text: str) -> tuple[int, int]:
    """The first and last year of a range of years ("2015-16": 2015 and 2016)."""
    first = int(m["year"]) if "year" in m.re.groupindex else int(text[m.start() - 5:m.start() - 1])
    to = m["to"]
    if len(to) == 4:
        return first, int(to)
    last = first // 100 * 100 + int(to)
    return first, last + 100 if last < first else last


def _accept_range(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A range of a few decades at most, running forward ("2015-16", not "2015-06")."""
    first, last = _range_years(m, text)
    return 0 < last - first <= 30


def _n_range_from(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, m["year"])


def _n_range_to(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, f"{_range_years(m, ctx.text)[1]:04d}")


def _n_decade2(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    century = "19" if int(m["dec"]) > ctx.day.year % 100 // 10 else "20"
    start = m.start("pos") if m["pos"] else m.start() + len(m["the"] or "")
    return _Value(TimexType.DATE, f"{century}{m['dec']}", _pos_mod(m["pos"]), start=start)


def _two_digit_year(y: str) -> int:
    return int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 50 else 2000 + int(y))


def _n_qabbr(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    n = int(m["n"])
    if m["qh"].upper() == "H" and n > 2:
        return None
    year = _two_digit_year(m["year"]) if m["year"] else ctx.day.year
    return _Value(TimexType.DATE, f"{year:04d}-{m['qh'].upper()}{n}")


def _n_fy(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, f"{_two_digit_year(m['year']):04d}")


def _n_century(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, f"{int(m['n']) - 1:02d}")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _n_decadew(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, f"19{_DECADE_WORDS[m['w'].lower()]}", _pos_mod(m["pos"]))


def _n_spoken(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    year = _spoken_year(m["sy"])
    if year is None or not 1000 <= year <= 2100:
        return None
    return _Value(TimexType.DATE, f"{year:04d}")


_ENDED = re.compile(rf"\s+(?:that\s+)?(?:ended|ending|ends|to)\s+{_MON}(?:\s*{_DAY})?"
                    rf"(?:,?\s+(?P<year>{_Y4}))?", re.IGNORECASE)


def _n_quarter(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    unit = m["unit"].lower()
    det = (m["det"] or "").lower()
    qmod = (m["qmod"] or "").lower()
    ordw = (m["ord"] or "").lower()
    explicit_year = m["year"] or m["qy"]
    if m["yrel"]:
        explicit_year = str(ctx.day.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()])
    start = m.start()
    if (det and det not in ("the", "this", "last", "next", "that")) or _hyphen_modifier(m):
        # "third-quarter profit": the modifier alone, without its determiner
        start = m.start("qmod") if m["qmod"] else m.start("qy") if m["qy"] else (
            m.start("ord") if m["ord"] else m.start("unit"))
    if unit == "period" and (not (qmod or explicit_year)
                             or qmod in ("recent", "past", "fiscal", "calendar")):
        return None
    if not (det or qmod or ordw or explicit_year):
        return None
    if ordw == "last" and not det:
        det, ordw = "last", ""
    if not (det or qmod or ordw or explicit_year):
        return None
    year, q = quarter_of(ctx.day)
    if unit == "half":
        return _half_year(ordw, bool(det or qmod), explicit_year, start, ctx)
    if ordw in _ORDINALS:
        y = _ordinal_quarter_year(m, ctx, _ORDINALS[ordw], qmod, explicit_year)
        return _Value(TimexType.DATE, f"{y:04d}-Q{_ORDINALS[ordw]}", start=start)
    if ordw == "final" or ordw == "fourth":
        y = int(explicit_year) if explicit_year else year
        return _Value(TimexType.DATE, f"{y:04d}-Q4", start=start)
    if explicit_year and not ordw:
        if unit == "quarter" or ctx.focus.quarter:
            qn = ctx.focus.quarter[1] if ctx.focus.quarter else q
            return _Value(TimexType.DATE, f"{int(explicit_year):04d}-Q{qn}", start=start,
                          anchored="quarter" if ctx.focus.quarter else None, moves=False)
        return _Value(TimexType.DATE, f"{int(explicit_year):04d}", start=start)
    focus = ctx.focus.quarter
    ended = _ENDED.match(ctx.text, m.end())
    if ended and not qmod:
        month = _MONTHS[ended["mon"].rstrip(".").lower()]
        y = int(ended["year"]) if ended["year"] else _month_year(ctx.day, month, -1)
        return _Value(TimexType.DATE, f"{y:04d}-Q{(month - 1) // 3 + 1}", start=start)
    if det == "this" or qmod == "current":
        y, qn = year, q
    elif det == "next":
        y, qn = (year, q + 1) if q < 4 else (year + 1, 1)
    elif det == "last" or qmod in ("previous", "prior", "latest", "recent"):
        # "the latest quarter": the last one completed
        y, qn = (year, q - 1) if q > 1 else (year - 1, 4)
    elif focus is not None:
        y, qn = focus
    else:
        y, qn = (year, q - 1) if q > 1 else (year - 1, 4)
    on_focus = "quarter" if focus is not None and (y, qn) == focus else None
    if qmod in ("year-ago", "year-earlier"):
        return _Value(TimexType.DATE, f"{y - 1:04d}-Q{qn}", start=start, anchored=on_focus,
                      moves=False)
    return _Value(TimexType.DATE, f"{y:04d}-Q{qn}", start=start, anchored=on_focus)


def _ordinal_quarter_year(m: re.Match[str], ctx: _Ctx, qn: int, qmod: str,
                          explicit_year: str | None) -> int:
    """The year of "the third quarter": the one named, the one before for "the year-ago third
    quarter", and the one before for a quarter not yet begun that a clause in the past tense
    reports on ("profit fell in the fourth quarter", told in January)."""
    if explicit_year:
        return int(explicit_year)
    year, q = quarter_of(ctx.day)
    if qmod in ("year-ago", "year-earlier", "previous", "prior"):
        return year - 1
    if qn > q and ctx.tense(m.start(), m.end()) < 0:
        return year - 1
    return year


def _half_year(ordw: str, determined: bool, explicit_year: str | None, start: int,
               ctx: _Ctx) -> _Value | None:
    """ "the first half", "the second half of 1998", "this half"."""
    if ordw not in ("first", "second", "1st", "2nd") and not determined:
        return None
    y = int(explicit_year) if explicit_year else ctx.day.year
    if ordw in ("first", "1st"):
        return _Value(TimexType.DATE, f"{y:04d}-H1", start=start)
    if ordw in ("second", "2nd"):
        return _Value(TimexType.DATE, f"{y:04d}-H2", start=start)
    return _Value(TimexType.DATE, f"{y:04d}-H{1 if ctx.day.month <= 6 else 2}", start=start)


def _hyphen_modifier(m: re.Match[str]) -> bool:
    """Whether the matched time phrase is a hyphenated modifier ("third-quarter results")."""
    return "-" in m[0][m.start("unit") - m.start() - 1:m.start("unit") - m.start()]
