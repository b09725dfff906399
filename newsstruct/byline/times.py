"""Published and updated times written in byline and date lines, and the order (day or
month first) a page writes its numeric dates in."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from newsstruct.calendar import MONTH_NAMES, MONTHS, add_months, month_regex
from newsstruct.types import (
    Granularity,
    ParseWarning,
    PublishedTime,
    Segment,
    SegmentKind,
    Span,
    WarningCode,
)

_UNITS = {
    "second": dt.timedelta(seconds=1),
    "minute": dt.timedelta(minutes=1),
    "hour": dt.timedelta(hours=1),
    "day": dt.timedelta(days=1),
    "week": dt.timedelta(weeks=1),
}
_UNIT_ALIASES = {"sec": "second", "min": "minute", "hr": "hour"}
_UNIT_GRANULARITY = {
    "second": Granularity.SECOND,
    "minute": Granularity.MINUTE,
    "hour": Granularity.HOUR,
    "day": Granularity.DAY,
    "week": Granularity.DAY,
    "month": Granularity.DAY,
    "year": Granularity.DAY,
}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TIME = (r"(?:,?\s*(?:at\s+|[-–—|•/@]\s*)?(?P<hh>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?::\d{2})?"
         r"\s*(?P<ap>[ap]\.?m\.?)?(?:\s*\(?(?P<tz>[ECMP][SD]?T|UTC|GMT|BST|CES?T|IST|AES?T|JST|"
         r"ET|PT|CT|Z|[+-]\d{2}:?\d{2})\)?)?)?")
_ABSOLUTE = re.compile(
    # a month name may be run into the word or the year before it ("Jane DoeNovember 6,
    # 2023", "August 2, 2019August 2, 2019")
    r"(?:(?<![\w/.-])|(?-i:(?<=[a-z\d])(?=[A-Z][a-z])))(?:"
    r"(?P<iso>(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d{2})(?P=isep)(?P<id>\d{2}))"
    r"(?:[T ](?P<ih>\d{2}):(?P<imi>\d{2})"
    r"(?::\d{2}(?:\.\d+)?)?(?P<iz>Z|[+-]\d{2}:?\d{2})?)?"
    r"|" + month_regex("m1")
    + r"\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + month_regex("m2") + r"\.?"
    # a two-digit year ("updated 3 May 18"), not an hour ("3 May 18:30")
    + r",?\s+(?P<y2>\d{4}|\d{2}(?![:.]?\d))"
    r"|(?P<n1>\d{1,2})(?P<sep>[/.])(?P<n2>\d{1,2})(?P=sep)(?P<n3>\d{4}|\d{2})"
    r")(?:(?![\w/])|(?-i:(?=[A-Z][a-z])))" + _TIME,
    re.IGNORECASE,
)
_NO_YEAR = re.compile(
    r"(?<![\w/.-])(?:" + month_regex("m1") + r"\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + month_regex("m2") + r"\.?)(?![\w/]|,?\s*\d{4})",
    re.IGNORECASE,
)
_TIME_FIRST = re.compile(
    r"(?P<hh>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ap>[ap]\.?m\.?)?\s*(?P<tz>[ECMP][SD]?T|UTC|GMT|BST)?"
    r"\s*[,|•-]?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>sec|second|min|minute|hour|hr|day|week|month|year)s?(?P<ago>\s+ago)?\b"
    r"|\b(?P<word>yesterday|today|just now)\b",
    re.IGNORECASE,
)
#: A length of time after a number and unit ("4 min read", "2 minute watch"), not a time.
_DURATION = re.compile(r"\s*(?:read|watch|listen|video|audio)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|last edited|edited)\b[^\d]{0,20}$", re.IGNORECASE)
_FIRST_PUBLISHED = re.compile(r"\b(?:published|posted|first published)\b", re.IGNORECASE)


def _hour(hh: str | None, ap: str | None) -> int | None:
    if hh is None:
        return None
    h = int(hh)
    if ap:
        pm = ap.lower().startswith("p")
        if h == 12:
            h = 0
        if pm:
            h += 12
    return h if 0 <= h < 24 else None


def _year(digits: str) -> int:
    """A year written with four digits or two ("18": 2018, "95": 1995)."""
    n = int(digits)
    if len(digits) > 2:
        return n
    return n + (2000 if n < TWO_DIGIT_PIVOT else 1900)


#: Two-digit years under this are of this century ("18": 2018), others of the last ("95").
TWO_DIGIT_PIVOT = 70


def _absolute_value(
    m: re.Match[str], day_first: bool | None = False
) -> tuple[dt.datetime, bool, str | None] | None:
    """The datetime a match of ``_ABSOLUTE`` denotes, whether it has a time, and its zone;
    ``day_first`` reads "02/10/2020" as 2 October (the page writes its dates that way), and
    ``None`` (the page shows no order) leaves such a date unread."""
    g = m.groupdict()
    try:
        if g["iso"]:
            day = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
            if g["ih"] is not None:
                t = dt.time(int(g["ih"]), int(g["imi"]))
                return dt.datetime.combine(day, t), True, g["iz"]
            hh, mi, ap, tz = None, None, None, None
        else:
            if g["m1"]:
                month, d, year = MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]), int(g["y1"])
            elif g["m2"]:
                month, d, year = MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]), _year(g["y2"])
            else:
                n1, n2, year = int(g["n1"]), int(g["n2"]), _year(g["n3"])
                if g["sep"] == "/" and day_first is None and n1 != n2 and max(n1, n2) <= 12:
                    # "02/10/2020" on a page that shows no order: left unread
                    return None
                # day first for dotted dates, when the first number cannot be a month and
                # on pages that write their dates day first
                if n1 > 12 or ((g["sep"] == "." or day_first) and n2 <= 12):
                    d, month = n1, n2
                else:
                    month, d = n1, n2
            day = dt.date(year, month, d)
            hh, mi, ap, tz = g["hh"], g["mi"], g["ap"], g["tz"]
        if not 1990 <= day.year <= 2100:
            return None
        hour = _hour(hh, ap)
        if hour is not None and (mi is not None or ap):
            minute = int(mi) if mi else 0
            if minute < 60:
                return dt.datetime.combine(day, dt.time(hour, minute)), True, tz
        return dt.datetime.combine(day, dt.time()), False, None
    except (ValueError, KeyError):
        return None


def _relative(m: re.Match[str], reference: dt.datetime) -> tuple[dt.datetime, Granularity, bool]:
    word = (m.group("word") or "").lower()
    if word:
        days = {"yesterday": 1, "today": 0, "just now": 0}[word]
        value = (reference - dt.timedelta(days=days)).replace(
            hour=0, minute=0, second=0, microsecond=0)
        return value, Granularity.DAY, False
    raw_n = m.group("n").lower()
    n = int(raw_n) if raw_n.isdigit() else _NUMBER_WORDS[raw_n]
    unit = m.group("unit").lower()
    unit = _UNIT_ALIASES.get(unit, unit)
    if unit == "month":
        value = add_months(reference, -n)
    elif unit == "year":
        value = add_months(reference, -12 * n)
    else:
        value = reference - n * _UNITS[unit]
    gran = _UNIT_GRANULARITY[unit]
    if gran is Granularity.DAY:
        value = value.replace(hour=0, minute=0, second=0, microsecond=0)
    return value, gran, unit in ("week", "month", "year")


def iter_times(
    text: str, offset: int, source: str, reference: dt.datetime, *, relative: bool = True,
    day_first: bool | None = False,
) -> Iterator[PublishedTime]:
    """Every published-looking time written in ``text`` (found at ``offset`` in ``source``),
    in order: absolute dates first where both kinds overlap."""
    found: list[PublishedTime] = []
    taken: list[tuple[int, int]] = []
    for m in _ABSOLUTE.finditer(text):
        got = _absolute_value(m, day_first)
        if got is None:
            continue
        value, has_time, tz = got
        start, end = m.start(), m.end()
        end = start + len(text[start:end].rstrip(" ,|•-–—/@"))
        before = _TIME_FIRST.search(text[:start])
        if before and not has_time:
            hour = _hour(before.group("hh"), before.group("ap"))
            if hour is not None and int(before.group("mi")) < 60:
                value = value.replace(hour=hour, minute=int(before.group("mi")))
                has_time, tz, start = True, before.group("tz") or tz, before.start()
        updated = bool(_UPDATED.search(text[:start])) and not _FIRST_PUBLISHED.search(
            text[max(0, start - 20):start])
        found.append(PublishedTime(
            span=Span.of(source, offset + start, offset + end), value=value,
            granularity=Granularity.MINUTE if has_time else Granularity.DAY,
            timezone=tz, updated=updated))
        taken.append((start, end))
    if not found:
        for m in _NO_YEAR.finditer(text):
            g = m.groupdict()
            month = MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
            try:
                day = dt.date(reference.year, month, int(g["d1"] or g["d2"]))
            except ValueError:
                continue
            if day > reference.date():
                day = day.replace(year=day.year - 1) if not (month == 2 and day.day == 29) else day
            start, end = m.start(), m.end()
            found.append(PublishedTime(
                span=Span.of(source, offset + start, offset + end),
                value=dt.datetime.combine(day, dt.time()), granularity=Granularity.DAY,
                approximate=True, updated=bool(_UPDATED.search(text[:start]))))
            taken.append((start, end))
    if relative and not found:
        for r in _RELATIVE.finditer(text):
            if any(s <= r.start() < e for s, e in taken):
                continue
            if r.group("n") and not r.group("ago") and (not re.search(
                r"(?:^|[|/•·,]\s*)$", text[: r.start()]
            ) or _DURATION.match(text, r.end())):
                # "5 hours" after a separator is a time ago; "4 min read" a duration
                continue
            value, gran, approx = _relative(r, reference)
            updated = bool(_UPDATED.search(text[: r.start()]))
            found.append(PublishedTime(
                span=Span.of(source, offset + r.start(), offset + r.end()), value=value,
                granularity=gran, relative=True, approximate=approx, updated=updated))
    found.sort(key=lambda t: t.span.start)
    yield from found


def parse_time(
    text: str, offset: int, source: str, reference: dt.datetime, *, updated: bool = False,
    day_first: bool | None = False,
) -> PublishedTime | None:
    """The first published time written in ``text`` (found at ``offset`` in ``source``)."""
    for t in iter_times(text, offset, source, reference, day_first=day_first):
        if updated and not t.updated:
            return PublishedTime(span=t.span, value=t.value, granularity=t.granularity,
                                 relative=t.relative, approximate=t.approximate,
                                 timezone=t.timezone, updated=True)
        return t
    return None


def page_reference_date(text: str) -> dt.datetime | None:
    """The latest absolute date written anywhere in ``text`` (end of that day), if any."""
    best: dt.date | None = None
    for m in _ABSOLUTE.finditer(text):
        got = _absolute_value(m)
        if got is not None and (best is None or got[0].date() > best):
            best = got[0].date()
    return None if best is None else dt.datetime.combine(best, dt.time(23, 59))


_SLASHED = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\w/])")
_DAY_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + month_regex("m")
                        + r"\.?,?\s+\d{4}\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b" + month_regex("m") + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
                        re.IGNORECASE)


def writes_day_first(text: str) -> bool | None:
    """Whether the page writes its dates day first, so that "02/10/2020" is 2 October:
    its slashed dates that can be read one way only ("21/06/2014" against "11/19/2019")
    decide, else its dates with the month spelled out ("2 October 2020" against
    "October 2, 2020"); ``None`` when the page shows neither order more than the other."""
    day_first = month_first = 0
    for m in _SLASHED.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        day_first += a > 12 >= b
        month_first += b > 12 >= a
    if day_first != month_first:
        return day_first > month_first
    spelled_day_first, spelled_month_first = len(_DAY_MONTH.findall(text)), len(
        _MONTH_DAY.findall(text))
    if spelled_day_first == spelled_month_first:
        return None
    return spelled_day_first > spelled_month_first


def date_warnings(source: str, segments: Sequence[Segment]) -> tuple[ParseWarning, ...]:
    """A warning for each numeric date of a byline or dateline that reads two ways
    ("02/10/2020") on a page that does not show which: such a date is left unread."""
    lines = [s for s in segments if s.kind in (SegmentKind.BYLINE, SegmentKind.DATELINE)
             and "/" in s.span.text]
    found = [(s, m) for s in lines for m in _SLASHED.finditer(s.span.text)
             if int(m.group(1)) != int(m.group(2)) and max(int(m.group(1)), int(m.group(2))) <= 12]
    if not found or writes_day_first(source) is not None:
        return ()
    out = []
    for seg, m in found:
        a, b = int(m.group(1)), int(m.group(2))
        start = seg.span.start + m.start()
        out.append(ParseWarning(
            code=WarningCode.AMBIGUOUS_DATE, span=Span.of(source, start, start + len(m.group(0))),
            message=f"{m.group(0)!r} may be {MONTH_NAMES[a - 1]} {b} or "
                    f"{MONTH_NAMES[b - 1]} {a}, and the page shows no day order: "
                    "left unread"))
    return tuple(out)
