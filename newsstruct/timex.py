"""Time expressions: detection and TIMEX3 normalisation anchored on the article's time."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.types import (
    Granularity,
    Segment,
    SegmentKind,
    Span,
    TimeExpression,
    TimexMod,
    TimexType,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_times", "normalise"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M"}
_DURATION = re.compile(
    r"^(?:(?P<mod>less than|more than|about|nearly|almost|over|at least|up to)\s+)?"
    r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)"
    r"(?:\s+or\s+(?P<n2>\d+|two|three|four|five|six|seven|eight|nine|ten))?\s+"
    r"(?P<unit>year|month|week|day|hour|minute)s?$",
    re.IGNORECASE,
)
_MODS = {"less than": TimexMod.LESS_THAN, "more than": TimexMod.MORE_THAN,
         "over": TimexMod.MORE_THAN, "about": TimexMod.APPROX, "nearly": TimexMod.APPROX,
         "almost": TimexMod.APPROX, "at least": TimexMod.EQUAL_OR_MORE,
         "up to": TimexMod.EQUAL_OR_LESS}
_BODY = frozenset({SegmentKind.STANDFIRST, SegmentKind.PARAGRAPH, SegmentKind.CAPTION,
                   SegmentKind.HEADING, SegmentKind.TITLE})


def _num(s: str) -> int:
    return int(s) if s.isdigit() else _NUM[s.lower()]


def normalise(
    text: str, anchor: dt.datetime, *, past: bool = True
) -> tuple[TimexType, str | None, TimexMod | None, Granularity | None]:
    """TIMEX3 type, value, mod and granularity of one expression, anchored on ``anchor``."""
    t = text.strip().lower()
    m = _DURATION.match(t)
    if m:
        n = _num(m.group("n"))
        unit = m.group("unit").lower()
        code = _UNIT[unit]
        prefix = "PT" if unit in ("hour", "minute") else "P"
        value = f"{prefix}{n}{code}"
        if m.group("n2"):
            value = f"{prefix}{n}{code}"  # lower bound; the range is kept in the text
        mod = _MODS.get((m.group("mod") or "").lower())
        return TimexType.DURATION, value, mod, None
    if t in _WEEKDAYS:
        target = _WEEKDAYS.index(t)
        delta = target - anchor.weekday()
        if past and delta > 0:
            delta -= 7
        if not past and delta < 0:
            delta += 7
        day = (anchor + dt.timedelta(days=delta)).date()
        return TimexType.DATE, day.isoformat(), None, Granularity.DAY
    if t in _MONTHS:
        month = _MONTHS.index(t) + 1
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return TimexType.DATE, f"{year:04d}-{month:02d}", None, Granularity.MONTH
    if t in ("recent months", "recent weeks", "recent years", "recently", "the past"):
        return TimexType.DATE, "PAST_REF", None, None
    if t in ("now", "currently", "today"):
        return (TimexType.DATE, "PRESENT_REF" if t != "today" else anchor.date().isoformat(),
                None, Granularity.DAY if t == "today" else None)
    if t == "yesterday":
        return TimexType.DATE, (anchor - dt.timedelta(days=1)).date().isoformat(), None, \
            Granularity.DAY
    if t == "tomorrow":
        return TimexType.DATE, (anchor + dt.timedelta(days=1)).date().isoformat(), None, \
            Granularity.DAY
    if re.fullmatch(r"(?:19|20)\d{2}", t):
        return TimexType.DATE, t, None, Granularity.YEAR
    return TimexType.DATE, None, None, None


def extract_times(
    doc: Doc,
    text: str,
    segments: Sequence[Segment],
    anchor: dt.datetime,
    anchor_name: str = "published",
) -> tuple[TimeExpression, ...]:
    """Time expressions in content segments with their TIMEX3 values."""
    body = [s.span for s in segments if s.kind in _BODY]
    out: list[TimeExpression] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        if not any(b.start <= start and end <= b.end for b in body):
            continue
        tense_past = not any(t.lemma_ == "will" or t.tag_ == "MD" for t in ent.sent)
        typ, value, mod, gran = normalise(text[start:end], anchor, past=tense_past)
        if ent.label_ == "TIME" and typ is TimexType.DATE and value is None:
            typ = TimexType.TIME
        out.append(TimeExpression(
            id=f"T{len(out) + 1}", span=Span.of(text, start, end), type=typ, value=value,
            mod=mod, anchor=anchor_name if value else None, granularity=gran,
        ))
    return tuple(out)
