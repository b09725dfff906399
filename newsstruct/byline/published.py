"""The published time when no byline carries one: the date near the headline that stands
on its own or that the page labels, passing over the dates of a list of teasers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property

from newsstruct.byline.times import (
    _hour,
    iter_times,
    writes_day_first,
)
from newsstruct.calendar import month_regex, weekday_regex
from newsstruct.layout.cues import (
    is_byline_line,
    is_date_line,
    is_dated_credit,
)
from newsstruct.types import (
    Granularity,
    PublishedTime,
    Segment,
    SegmentKind,
    Span,
)

#: How many segments after / before the title are searched for a date when no byline has one.
NEAR_AFTER, NEAR_BEFORE = 12, 4


def _date_near_title(
    source: str, segments: Sequence[Segment], reference: dt.datetime, page: _Page,
    title: int | None,
) -> PublishedTime | None:
    """The first absolute date written close to the headline (or, with none found, to the
    first paragraph): the segments after it first, then those just above it."""
    if title is None:
        title = next((i for i, s in enumerate(segments) if s.kind is SegmentKind.PARAGRAPH),
                     None)
    if title is None:
        return None
    order = [*range(title, min(len(segments), title + NEAR_AFTER + 1)),
             *range(title - 1, max(-1, title - NEAR_BEFORE - 1), -1)]
    fallback: PublishedTime | None = None
    for i, seg, t in _segment_times(source, segments, reference, page, order):
        if not _publication_date(seg, t):
            continue
        if t.approximate and i + 1 < len(segments):
            t = _year_below(t, segments[i + 1], source)
        if not t.updated:
            return t
        fallback = fallback or t
    return fallback or _labelled_or_nearest(source, segments, reference, title, page)


_TIME_AND_YEAR = re.compile(
    r"^\s*(?:(?P<hh>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ap>[ap]\.?m\.?)?\s*)?(?P<year>\d{4})\s*$",
    re.IGNORECASE)


def _year_below(t: PublishedTime, below: Segment, source: str) -> PublishedTime:
    """A day written without its year, whose year (and time) the next line shows
    ("November 20" / "15:23 2019"): the time spans both lines."""
    m = _TIME_AND_YEAR.match(below.span.text)
    if m is None:
        return t
    hour = _hour(m.group("hh"), m.group("ap"))
    timed = hour is not None and int(m.group("mi")) < 60
    try:
        value = t.value.replace(year=int(m.group("year")))
        if timed:
            value = value.replace(hour=hour or 0, minute=int(m.group("mi")))
    except ValueError:
        return t
    if not 1990 <= value.year <= 2100:
        return t
    return PublishedTime(span=Span.of(source, t.span.start, below.span.end), value=value,
                         granularity=Granularity.MINUTE if timed else t.granularity,
                         timezone=t.timezone, updated=t.updated)


_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|last (?:edited|modified|updated)|created|date|written)\b"
    r"[^\d\n]{0,25}$",
    re.IGNORECASE,
)


def _labelled(seg: Segment, t: PublishedTime) -> bool:
    """Whether the page labels the date ``t`` in ``seg`` ("Published on ...", "Updated: ...")."""
    source_start = seg.span.start
    return _DATE_LABEL.search(seg.span.text[max(0, t.span.start - source_start - 40):
                                            t.span.start - source_start]) is not None


#: A line with a date and at most this many other words may be a date line of its own
#: ("Friday, November 22nd 2019 | Local News"); a longer one is a sentence that mentions one.
DATE_LINE_WORDS = 8
_CLAUSE_END = (".", "!", "?", "…", ";", ",", ":")
_SEPARATORS = "|•·—–/"
_WEEKDAY_TAIL = re.compile(
    r"[\s,]*(?:(?:on|published|posted)\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)"
    r"(?:day)?\.?)?[\s,]*$", re.IGNORECASE)
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
#: A paragraph that opens with a date and a dash: a dateline ("March 3, 2016 -- ...").
_DATED_DATELINE = re.compile(
    r"\W{0,3}(?:" + weekday_regex() + r",?\s+)?"
    r"(?:" + month_regex("dm") + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+"
    + month_regex("dm2") + r"\.?,?\s+\d{4})\s*(?:--|[—–]|-\s)", re.IGNORECASE)
_EMBED_CREDIT = re.compile(r"@\w{1,30}\)\s*$")


def _publication_date(seg: Segment, t: PublishedTime) -> bool:
    """Whether the date ``t`` found in ``seg`` (no byline on the page) may be the time the
    article was published: the segment is a date line, a dated credit or a byline, the page
    labels the date, or the segment is a short line that is not a sentence. A date inside
    a sentence ("The deadline is Nov. 1.") is something the article speaks of."""
    text = seg.span.text
    before = text[: t.span.start - seg.span.start].rstrip()
    if _EMBED_CREDIT.search(before):
        # an embedded post's credit ("— Jane Doe (@janedoe) November 1, 2019")
        return False
    if _labelled(seg, t) or is_date_line(text) or is_dated_credit(text) or is_byline_line(text):
        return True
    if not before and _DATED_DATELINE.match(text):
        # a dateline that is a date ("March 3, 2016 -- The council ...")
        return True
    after = text[t.span.end - seg.span.start:].strip()
    if not after or after[:1] in _SEPARATORS:
        # the date closes the line or a part of it: after a sentence ("... recovery? Monday,
        # 6 January 2020"), or after a few words that are not one ("By Ela on 31. October, 2023 |")
        lead = _WEEKDAY_TAIL.sub("", before)
        if not lead or lead.endswith(("?", "!", ".", "|", "•", "·")) or (
            len(lead.split()) <= 6 and not _SENTENCE_INSIDE.search(lead)
        ):
            return True
    if not _WEEKDAY_TAIL.sub("", before) and not after.endswith(_CLAUSE_END):
        # the date opens a line that is not a sentence ("21/06/2014 Jane Doe News")
        return True
    rest = (before + " " + after).strip(" ,|•·-–—/()[]")
    if rest.endswith(_CLAUSE_END) and rest[-2:-1] != ".":
        return False
    return len(rest.split()) <= DATE_LINE_WORDS


def _labelled_or_nearest(
    source: str, segments: Sequence[Segment], reference: dt.datetime, title: int, page: _Page
) -> PublishedTime | None:
    """Far from the headline: the first date the page labels as published (or posted,
    updated, edited), else the absolute date written closest to the headline."""
    nearest: tuple[int, PublishedTime] | None = None
    for i, seg, t in _segment_times(source, segments, reference, page, range(len(segments))):
        if _labelled(seg, t):
            return t
        if not _publication_date(seg, t):
            continue
        if nearest is None or abs(i - title) < nearest[0]:
            nearest = (abs(i - title), t)
    return nearest[1] if nearest else None


def _segment_times(
    source: str, segments: Sequence[Segment], reference: dt.datetime, page: _Page,
    order: Iterable[int],
) -> Iterator[tuple[int, Segment, PublishedTime]]:
    """The absolute times written in the segments, in the order given: not in teaser lists,
    nor in long paragraphs or headings (except a dated dateline)."""
    for i in order:
        seg = segments[i]
        if i in page.listed or (
            seg.kind in (SegmentKind.PARAGRAPH, SegmentKind.HEADING) and len(seg.span) > 150
            and not _DATED_DATELINE.match(seg.span.text)
        ):
            continue
        for t in iter_times(seg.span.text, seg.span.start, source, reference, relative=False,
                            day_first=page.day_first(seg.span.text)):
            yield i, seg, t


class _Page:
    """What the whole page tells about reading its dates: whether it writes them day first
    (read only when a slashed date is met) and which segments date a list of teasers."""

    def __init__(self, source: str, segments: Sequence[Segment]) -> None:
        self.source = source
        self.listed = _listed_dates(segments)

    @cached_property
    def _day_first(self) -> bool | None:
        return writes_day_first(self.source)

    def day_first(self, text: str) -> bool | None:
        """Whether a slashed date in ``text`` is read day first (``None``: the page does
        not show; an ambiguous slashed date is then left unread)."""
        return self._day_first if "/" in text else False


#: Date lines this many segments apart, three or more running, date a list of teasers.
LIST_STRIDES = (2, 3, 4)


_YEAR_OR_NUMERIC = re.compile(r"\d{4}|\d[/.]\d")


def _listed_dates(segments: Sequence[Segment]) -> frozenset[int]:
    """The segments that are the dates of a list of teasers ("Teaser / July 30, 2010 /
    AUTO NEWS / Teaser / November 20, 2015 / AUTO NEWS ..."): date lines that recur at the
    same short distance three times or more."""
    dated = [i for i, s in enumerate(segments) if len(s.span) <= 60
             and _YEAR_OR_NUMERIC.search(s.span.text) and is_date_line(s.span.text)]
    out: set[int] = set()
    for a, b, c in zip(dated, dated[1:], dated[2:], strict=False):
        if b - a == c - b and b - a in LIST_STRIDES:
            out.update((a, b, c))
    return frozenset(out)
