"""Extraction: candidates from every rule, overlaps resolved, values normalised in text order
with the last mentioned time carried along; ``extract_times`` and ``normalise``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsstruct.calendar import granularity, interval
from newsstruct.timex.anchor import _Ctx, _Value, _weekday_date
from newsstruct.timex.rules import _RULES, _Cand
from newsstruct.timex.vocab import _BODY, _WEEKDAYS
from newsstruct.types import Segment, Span, TimeExpression, TimexType

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _candidates(text: str, start: int, end: int, doc: Doc | None) -> Iterator[_Cand]:
    low = text[start:end].lower()
    if not low.strip():
        return
    for rule in _RULES:
        for m in rule.matches(text, start, end, low, doc):
            yield _Cand(m.start(), m.end(), rule, m)


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, the longest winning (then the earliest)."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    for c in cands:
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
                while len(out) > 1 and out[-2].end > out[-1].start:
                    prev = out.pop(-2)
                    if prev.end - prev.start > out[-1].end - out[-1].start:
                        out[-1] = prev
            continue
        out.append(c)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    while start < end and text[start] in " \t\n,;:":
        start += 1
    return start, end


def _detect(text: str, doc: Doc | None, ranges: Sequence[tuple[int, int]]) -> list[_Cand]:
    cands: list[_Cand] = []
    for s, e in ranges:
        cands.extend(_candidates(text, s, e, doc))
    return _resolve(cands)


_YEAR_GROUPS = ("year", "sy", "qy")


def _is_absolute(c: _Cand) -> bool:
    """Whether the expression names its year itself (and so needs no anchor)."""
    if c.rule.absolute:
        return True
    groups = c.match.groupdict()
    return any(groups.get(g) for g in _YEAR_GROUPS)


#: A duration of a span of months within a year ("P9M").
_MONTHS_OF_YEAR = re.compile(r"P(?:[2-9]|1[01])M")
_CLOCK_DAY_GAP = re.compile(r"\s*(?:,\s*|on\s+)?")


def _bare_weekday(m: re.Match[str]) -> bool:
    """A weekday alone ("Wednesday", not "Wednesdays" nor "Wednesday, Oct. 4")."""
    return "pl2" in m.re.groupindex and not (m["pl"] or m["pl2"])


def _with_day(text: str, clock: _Cand, nxt: _Cand, val: _Value, ctx: _Ctx) -> _Value | None:
    """A time of day followed by its day ("10 p.m. Wednesday", "5 p.m. EST Nov. 9")."""
    if not nxt.rule.day or not _CLOCK_DAY_GAP.fullmatch(text, clock.end, nxt.start):
        return None
    if _bare_weekday(nxt.match):
        wd = _WEEKDAYS[nxt.match["wd"].lower()]
        when = _weekday_date(ctx.day, wd, ctx.day_tense(clock.start, nxt.end))
        return None if val.value is None else val._replace(
            value=when.isoformat() + val.value[10:])
    day = nxt.rule.normalise(nxt.match, ctx)
    if day is None or not day.value or not re.match(r"\d{4}-\d\d-\d\d", day.value) \
            or val.value is None:
        return None
    return val._replace(value=day.value[:10] + val.value[10:])


def _times(text: str, doc: Doc | None, ranges: Sequence[tuple[int, int]],
           anchor: dt.datetime, anchor_name: str) -> tuple[TimeExpression, ...]:
    ctx = _Ctx(text, doc, anchor)
    out: list[TimeExpression] = []
    cands = _detect(text, doc, ranges)
    skip = -1
    for i, c in enumerate(cands):
        if i == skip:
            continue
        try:
            val = c.rule.normalise(c.match, ctx)
        except (ValueError, OverflowError):  # a calendar out of range ("9999 years later")
            continue
        if val is None:
            continue
        s, e = _trim(text, val.start if val.start is not None else c.start,
                     val.end if val.end is not None else c.end)
        if c.rule.clock and i + 1 < len(cands):
            try:
                merged = _with_day(text, c, cands[i + 1], val, ctx)
            except (ValueError, OverflowError):
                merged = None
            if merged is not None:
                val, e, skip = merged, cands[i + 1].end, i + 1
        if e <= s:
            continue
        span = interval(val.value, anchor.tzinfo) if val.type is not TimexType.SET else None
        tid = f"T{len(out) + 1}"
        if _MONTHS_OF_YEAR.fullmatch(val.value or "") and c.match.groupdict().get("the"):
            ctx.focus.months = True  # "the nine months": a period later compared year on year
        focus_id, quarter_id = ctx.focus.day_id, ctx.focus.quarter_id
        if span is not None and val.value and val.type in (TimexType.DATE, TimexType.TIME) \
                and val.anchored != "focus" and val.moves:
            ctx.focus.update(val.value, tid, quarter=c.rule.quarter)
        anchor_of = {"focus": focus_id, "quarter": quarter_id}.get(val.anchored or "") \
            or anchor_name
        relative = (not _is_absolute(c) or val.anchored is not None) \
            and val.anchored != "unknown"
        out.append(TimeExpression(
            id=tid, span=Span.of(text, s, e), type=val.type, value=val.value, mod=val.mod,
            start=span[0] if span else None, end=span[1] if span else None,
            anchor=anchor_of if relative and val.type is not TimexType.DURATION else None,
            granularity=granularity(val.value) if span else None,
            quant=val.quant, freq=val.freq,
        ))
    return tuple(out)


def extract_times(
    doc: Doc,
    text: str,
    segments: Sequence[Segment],
    anchor: dt.datetime,
    anchor_name: str = "published",
) -> tuple[TimeExpression, ...]:
    """Time expressions in the content segments and the dateline, with TIMEX3 values anchored
    on ``anchor``.

    ``anchor_name`` is recorded on every relative expression resolved against the anchor
    (``"published"`` or ``"reference"``); expressions resolved against an earlier one
    ("two days later") name its id instead.
    """
    ranges = [(s.span.start, s.span.end) for s in segments if s.kind in _BODY]
    return _times(text, doc, ranges, anchor, anchor_name)


_LEADING_PREPOSITIONS = frozenset({"by", "on", "in", "at", "until", "till", "before", "after",
                                   "since", "for", "within", "from", "during", "through", "of"})


def normalise(
    text: str, anchor: dt.datetime, *, doc: Doc | None = None
) -> TimeExpression | None:
    """The time expression that ``text`` is (after any leading prepositions, as in "by
    Friday"), anchored on ``anchor``; ``None`` when ``text`` is not one time expression.

    Without a parse, the direction of a bare weekday or month comes from the words before it
    ("by Friday" looks ahead, "since March" back) and otherwise from the past.
    """
    found = _times(text, doc, [(0, len(text))], anchor, "anchor")
    if len(found) != 1:
        return None
    t = found[0]
    before, after = text[:t.span.start].lower().split(), text[t.span.end:].strip(" .,;:")
    if after or not all(w in _LEADING_PREPOSITIONS for w in before):
        return None
    return t
