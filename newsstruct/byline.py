"""Bylines: author names and the published / updated time from byline and dateline text.

Relative times ("1 month Ago", "2 hours ago", "yesterday") are resolved against the reference
date; absolute ones ("Published 7:05 PM EST, Tue March 3, 2020") are read with dateparser, keeping
the local day shown and the zone named.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from newsstruct.data import lexicon
from newsstruct.types import (
    Author,
    Byline,
    Granularity,
    PublishedTime,
    Segment,
    SegmentKind,
    Span,
)

__all__ = ["parse_byline", "parse_time", "split_authors"]

_UNITS = {
    "second": dt.timedelta(seconds=1),
    "minute": dt.timedelta(minutes=1),
    "hour": dt.timedelta(hours=1),
    "day": dt.timedelta(days=1),
    "week": dt.timedelta(weeks=1),
}
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

_RELATIVE = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>second|minute|hour|day|week|month|year)s?\s+ago\b"
    r"|\b(?P<word>yesterday|today|just now)\b",
    re.IGNORECASE,
)

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ABSOLUTE = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?)?",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\s*,?\s*$", re.IGNORECASE
)
_ZONE = re.compile(r"\b(UTC|GMT|[ECMP][SD]T|BST|CET|CEST|IST|AEST|AEDT|JST|Z)\b")

_NAME_TOKEN = re.compile(
    r"^[A-Z][a-zA-Z'’\-]*\.?$|^[A-Z]\.$|^(?:de|van|von|da|del|der|la|le|bin|al)$"
)
_NOT_NAME = lexicon("byline_stopwords")
_AFFILIATIONS = re.compile(
    r"\b(Reuters|Associated Press|AP|AFP|Bloomberg|CNN|BBC|Special to [A-Z][\w ]+)\b"
)


def _add_months(d: dt.datetime, months: int) -> dt.datetime:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return d.replace(year=year, month=month, day=day)


def parse_time(
    text: str, offset: int, source: str, reference: dt.datetime, *, updated: bool = False
) -> PublishedTime | None:
    """The first published time written in ``text`` (found at ``offset`` in ``source``)."""
    m = _RELATIVE.search(text)
    if m:
        span = Span.of(source, offset + m.start(), offset + m.end())
        word = (m.group("word") or "").lower()
        if word:
            days = {"yesterday": 1, "today": 0, "just now": 0}[word]
            value = (reference - dt.timedelta(days=days)).replace(
                hour=0, minute=0, second=0, microsecond=0
            )
            return PublishedTime(span=span, value=value, granularity=Granularity.DAY,
                                 relative=True, updated=updated)
        raw_n = m.group("n").lower()
        n = int(raw_n) if raw_n.isdigit() else _NUMBER_WORDS[raw_n]
        unit = m.group("unit").lower()
        if unit == "month":
            value = _add_months(reference, -n)
        elif unit == "year":
            value = _add_months(reference, -12 * n)
        else:
            value = reference - n * _UNITS[unit]
        gran = _UNIT_GRANULARITY[unit]
        if gran is Granularity.DAY:
            value = value.replace(hour=0, minute=0, second=0, microsecond=0)
        return PublishedTime(span=span, value=value, granularity=gran, relative=True,
                             approximate=unit in ("week", "month", "year"), updated=updated)
    m2 = _ABSOLUTE.search(text)
    if m2:
        start, end = m2.start(), m2.end()
        before = _TIME_BEFORE.search(text[:start])
        if before:
            start = before.start()
        raw = text[start:end]
        parsed = _parse_absolute(raw)
        if parsed is None:
            return None
        has_time = bool(re.search(r"\d[:.]\d{2}", raw.replace(m2.group(0)[:10], "", 1)))
        zone = _ZONE.search(raw)
        return PublishedTime(
            span=Span.of(source, offset + start, offset + end),
            value=parsed,
            granularity=Granularity.MINUTE if has_time else Granularity.DAY,
            timezone=zone.group(1) if zone else None,
            updated=updated,
        )
    return None


def _parse_absolute(raw: str) -> dt.datetime | None:
    import dateparser

    cleaned = re.sub(r"\b(?:at)\b", " ", raw)
    cleaned = _ZONE.sub(" ", cleaned) if not re.search(r"\d{2}:\d{2}(?:Z|[+-]\d)", raw) else cleaned
    try:
        value = dateparser.parse(
            cleaned,
            languages=["en"],
            settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
                      "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return value


def split_authors(names: str, offset: int, source: str) -> list[Author]:
    """Split "Jane Doe and John Roe, Reuters" into authors with spans (affiliations apart)."""
    authors: list[Author] = []
    affiliation = None
    aff = _AFFILIATIONS.search(names)
    if aff:
        affiliation = aff.group(1)
    for m in re.finditer(r"[^,;&|]+", names):
        part = m.group(0)
        for sub in re.finditer(r"(?:(?!\s+(?:and|with)\s+).)+", part, re.IGNORECASE):
            chunk = sub.group(0)
            words = chunk.split()
            if not words or len(words) > 5 or len(words) < 2:
                continue
            if aff and aff.group(1) in chunk:
                continue
            if any(w.lower().strip(".") in _NOT_NAME for w in words):
                continue
            if not all(_NAME_TOKEN.match(w) for w in words):
                continue
            lead = len(chunk) - len(chunk.lstrip())
            s = offset + m.start() + sub.start() + lead
            e = s + len(chunk.strip())
            name = " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in words)
            authors.append(Author(name=name, span=Span.of(source, s, e), affiliation=affiliation))
    return authors


_BY = re.compile(r"\b(?:by|written by|posted by)\s+", re.IGNORECASE)


def parse_byline(
    source: str, segments: Sequence[Segment], reference: dt.datetime
) -> Byline | None:
    """Authors and published time from the article's byline (and dateline) segments."""
    bylines = [s for s in segments if s.kind in (SegmentKind.BYLINE, SegmentKind.DATELINE)]
    if not bylines:
        return None
    authors: list[Author] = []
    published: PublishedTime | None = None
    updated: PublishedTime | None = None
    for seg in bylines:
        text, off = seg.span.text, seg.span.start
        m = _BY.search(text)
        if m and seg.kind is SegmentKind.BYLINE:
            tail = text[m.end():]
            cut = _RELATIVE.search(tail) or _ABSOLUTE.search(tail)
            names = tail[: cut.start()] if cut else tail
            authors.extend(split_authors(names, off + m.end(), source))
        is_update = bool(re.search(r"\bupdated\b", text, re.IGNORECASE))
        t = parse_time(text, off, source, reference, updated=is_update)
        if t is not None:
            if t.updated and updated is None:
                updated = t
            elif not t.updated and published is None:
                published = t
    main = next((s for s in bylines if s.kind is SegmentKind.BYLINE), bylines[0])
    affiliations = tuple(dict.fromkeys(a.affiliation for a in authors if a.affiliation))
    return Byline(span=main.span, authors=tuple(authors), affiliations=affiliations,
                  published=published or updated, updated=updated)
