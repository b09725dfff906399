"""A page's metadata as evidence for the header, applied on the layout's and the byline's
reading of the rendered text (never as the answer on its own):

* **title**: the rendered line (or ``<h1>``) that the metadata headline names. Candidates are
  scored by named features (:data:`TITLE_WEIGHTS`); with no candidate the layout's title stays.
* **authors**: names both in the metadata and in the visible byline are preferred; metadata
  naming an organisation, or naming people the visible byline contradicts, is not taken; with
  no visible byline, a metadata person is taken only where the text shows the name.
* **published time**: a machine-readable datetime (JSON-LD, ``article:published_time``,
  ``<time datetime>``) is preferred over the text's reading, and ``PublishedTime.source``
  says which was used; a day one off from the day the page shows, given in another zone,
  yields to the day shown.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

import attrs

from newsstruct.byline import split_authors
from newsstruct.data import lexicon
from newsstruct.layout.lines import split_lines
from newsstruct.types import (
    Author,
    BoilerplateKind,
    Byline,
    Granularity,
    MetadataField,
    MetadataItem,
    MetadataSource,
    PageMetadata,
    PublishedTime,
    Segment,
    SegmentKind,
    Span,
    TimeSource,
)

__all__ = ["TITLE_WEIGHTS", "apply_byline", "apply_title", "metadata_time", "title_candidates"]

#: Named features of a title candidate and their weights (set by hand: a headline stated in
#: JSON-LD outweighs OpenGraph's, which outweighs a part of one ("Headline | Site"); being
#: inside an ``<h1>`` or the layout's own title only ranks the lines a statement names).
TITLE_WEIGHTS = {
    "json_ld_headline": 4.0,
    "og_title": 3.0,
    "headline_part": 2.0,
    "in_h1": 1.0,
    "layout_title": 0.5,
}
#: A candidate needs one of these features: an ``<h1>`` alone (often the site's name, or a
#: widget's heading) does not make a title.
_STATED = frozenset({"json_ld_headline", "og_title", "headline_part"})
#: Separators between a headline and a site name in a stated title ("Headline | Site").
_SITE_SEP = re.compile(r"\s+[|\-–—:·/»]{1,2}\s+")
_QMAP = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "-", "\u2014": "-", "\xa0": " "})
#: Organisation types of JSON-LD (schema.org's Organization and its kinds).
_ORG_KINDS = frozenset({"Organization", "NewsMediaOrganization", "Corporation",
                        "GovernmentOrganization", "NGO", "EducationalOrganization",
                        "WebSite", "Brand"})
#: Metadata sources of a published time, most trusted first.
_TIME_RANK = {
    MetadataSource.JSON_LD: 0,
    MetadataSource.ARTICLE_META: 1,
    MetadataSource.TIME_ELEMENT: 2,
}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QMAP)
    return re.sub(r"\s+", " ", text).strip().casefold().strip(" .:;,-|")


# --------------------------------------------------------------------------- title


def _stated(metadata: PageMetadata) -> dict[str, set[str]]:
    """Normalised headline text → the features that state it."""
    out: dict[str, set[str]] = {}
    names = {MetadataSource.JSON_LD: "json_ld_headline", MetadataSource.OPEN_GRAPH: "og_title"}
    for item in metadata.items:
        if item.field is not MetadataField.HEADLINE or item.source not in names:
            continue
        out.setdefault(_norm(item.value), set()).add(names[item.source])
        for part in _SITE_SEP.split(item.value):
            if len(part.split()) >= 3 and _norm(part) != _norm(item.value):
                out.setdefault(_norm(part), set()).add("headline_part")
    out.pop("", None)
    return out


def title_candidates(
    text: str, segments: Sequence[Segment], metadata: PageMetadata
) -> list[tuple[float, int, int, frozenset[str]]]:
    """``(score, start, end, features)`` of every stretch of the text that the metadata
    names as the headline: whole lines, and the text of each ``<h1>``."""
    stated = _stated(metadata)
    heads = [i.span for i in metadata.items if i.source is MetadataSource.H1 and i.span]
    layout = next((s.span for s in segments if s.kind is SegmentKind.TITLE), None)
    spans = dict.fromkeys((ln.start, ln.end) for ln in split_lines(text))
    for h in heads:
        spans[(h.start, h.end)] = None
    out = []
    for start, end in spans:
        if end - start > 400:
            continue
        features = set(stated.get(_norm(text[start:end]), ()))
        if any(h.start <= start and end <= h.end for h in heads):
            features.add("in_h1")
        if layout is not None and layout.start <= start and end <= layout.end:
            features.add("layout_title")
        if features & _STATED:
            score = sum(TITLE_WEIGHTS[f] for f in features)
            out.append((score, start, end, frozenset(features)))
    return out


def _choose(candidates: list[tuple[float, int, int, frozenset[str]]],
            segments: Sequence[Segment]) -> tuple[int, int] | None:
    if not candidates:
        return None
    body = next((s.span.start for s in segments if s.kind is SegmentKind.PARAGRAPH), None)
    best = max(c[0] for c in candidates)
    tied = [c for c in candidates if c[0] == best]
    if body is not None:
        # the occurrence nearest above the body (a breadcrumb or a teaser comes earlier)
        above = [c for c in tied if c[1] < body]
        tied = [max(above, key=lambda c: c[1])] if above else tied
    return tied[0][1], tied[0][2]


def _relabel(text: str, segments: Sequence[Segment], start: int, end: int) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        s, e = seg.span.start, seg.span.end
        if e <= start or end <= s:
            if seg.kind is SegmentKind.TITLE:
                # the layout's title, not the stated headline
                seg = Segment(kind=SegmentKind.BOILERPLATE, span=seg.span,
                              boilerplate=BoilerplateKind.OTHER)
            out.append(seg)
            continue
        if s < start:
            out.append(attrs.evolve(seg, span=_trimmed(text, s, start)))
        if not out or out[-1].kind is not SegmentKind.TITLE or out[-1].span.end < start:
            out.append(Segment(kind=SegmentKind.TITLE, span=_trimmed(text, start, end)))
        else:
            out[-1] = Segment(kind=SegmentKind.TITLE, span=_trimmed(text, out[-1].span.start,
                                                                    max(end, e)))
        if end < e:
            out.append(attrs.evolve(seg, span=_trimmed(text, end, e)))
    return out


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def apply_title(
    text: str, segments: tuple[Segment, ...], metadata: PageMetadata
) -> tuple[Segment, ...]:
    """The segments with the title the metadata names (unchanged when it names none)."""
    chosen = _choose(title_candidates(text, segments, metadata), segments)
    if chosen is None:
        return segments
    start, end = chosen
    # a stated headline cut across segments only where it starts and ends on their edges
    for seg in segments:
        s, e = seg.span.start, seg.span.end
        if s < start < e and text[s:start].strip() and seg.kind is SegmentKind.TITLE:
            return segments
    return tuple(s for s in _relabel(text, segments, start, end) if s.span.start < s.span.end)


# --------------------------------------------------------------------------- authors


def _name_key(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", _norm(name)) if len(w) > 1)


def _same(a: str, b: str) -> bool:
    ka, kb = _name_key(a), _name_key(b)
    return bool(ka) and bool(kb) and (ka <= kb or kb <= ka) and len(ka & kb) >= min(2, len(ka))


def metadata_people(metadata: PageMetadata) -> list[str]:
    """Names of people the metadata gives as authors: not URLs, not organisations (a JSON-LD
    organisation type, the publisher or site name, a word of ``byline_org_words``)."""
    orgs = {_norm(v) for f in (MetadataField.PUBLISHER, MetadataField.SITE_NAME)
            for v in metadata.values(f)}
    names: list[str] = []
    for item in metadata.items:
        if item.field is not MetadataField.AUTHOR or item.kind in _ORG_KINDS:
            continue
        value = re.sub(r"^\s*by\s+", "", item.value, flags=re.IGNORECASE)
        if re.search(r"[/@]|\w\.\w{2,}\b", value) or _norm(value) in orgs:
            continue
        for a in split_authors(value, 0, value):
            words = {w.casefold() for w in a.name.split()}
            # a person's name of at least two words (one word is a handle or a brand)
            if len(_name_key(a.name)) >= 2 and not words & lexicon("byline_org_words") and all(
                    not _same(a.name, n) for n in names):
                names.append(a.name)
    return names


def _visible(text: str, name: str, near: int) -> Span | None:
    """The occurrence of ``name`` in the text nearest ``near`` (a name may run into the next
    word where inline elements meet: "Jane DoePublished ...")."""
    best: Span | None = None
    pattern = r"(?<!\w)" + re.escape(name) + r"(?!(?-i:[a-z0-9]))"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        if best is None or abs(m.start() - near) < abs(best.start - near):
            best = Span.of(text, m.start(), m.end())
    return best


def _authors(text: str, segments: Sequence[Segment], by: Byline | None,
             metadata: PageMetadata) -> tuple[Author, ...]:
    shown = by.authors if by else ()
    people = metadata_people(metadata)
    if shown or not people:
        # the visible byline stands: confirmed by the metadata or contradicting it
        return shown
    title = next((s.span.end for s in segments if s.kind is SegmentKind.TITLE), 0)
    seen = [(n, _visible(text, n, title)) for n in people]
    return tuple(Author(name=n, span=span) for n, span in seen if span is not None)


# --------------------------------------------------------------------------- published time


def metadata_time(value: str) -> tuple[dt.datetime, Granularity, str | None] | None:
    """An ISO 8601 datetime or date from the markup: the local value, its granularity and
    its zone (``"UTC"`` or an offset such as ``"+02:00"``)."""
    s = value.strip()
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?"
                 r"(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$", s)
    if m is None:
        return None
    y, mo, d, hh, mi, ss, zone = m.groups()
    try:
        value_dt = dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
    except ValueError:
        return None
    gran = Granularity.DAY if hh is None else (Granularity.SECOND if ss else Granularity.MINUTE)
    if zone == "Z" or zone in ("+00:00", "+0000", "+00", "-00:00"):
        tz: str | None = "UTC"
    elif zone:
        digits = zone.replace(":", "")
        tz = f"{digits[:3]}:{digits[3:5] or '00'}"
    else:
        tz = None
    return value_dt, gran, tz


def _stated_time(text: str, metadata: PageMetadata, field: MetadataField, reference: dt.datetime,
                 updated: bool) -> PublishedTime | None:
    found: list[tuple[int, int, MetadataItem, tuple[dt.datetime, Granularity, str | None]]] = []
    for n, item in enumerate(metadata.items):
        if item.field is not field or item.source not in _TIME_RANK:
            continue
        read = metadata_time(item.value)
        if read is None or not 1990 <= read[0].year <= max(reference.year, 2000) + 100:
            continue
        found.append((_TIME_RANK[item.source], n, item, read))
    if not found:
        return None
    _, _, item, (value, gran, tz) = min(found, key=lambda f: (f[0], f[1]))
    span = item.span or next((i.span for i in metadata.items if i.span is not None
                              and i.source is MetadataSource.TIME_ELEMENT
                              and (metadata_time(i.value) or (None,))[0] == value), None)
    return PublishedTime(span=span or Span(start=0, end=0, text=""), value=value,
                         granularity=gran, timezone=tz, updated=updated,
                         source=TimeSource.METADATA)


def _prefer(shown: PublishedTime | None, stated: PublishedTime | None) -> PublishedTime | None:
    if stated is None:
        return shown
    if shown is None:
        return stated
    gap = abs((stated.value.date() - shown.value.date()).days)
    if gap == 0:
        # the same day: the stated time, shown where the text shows it
        span = shown.span if not len(stated.span) else stated.span
        return attrs.evolve(stated, span=span)
    if shown.relative or _swapped(shown, stated):
        # "3 weeks ago" is as good as the reference date; "08/11/2023" may be read either way
        return stated
    # a day off is the zone the page shows its day in; more is a date the page contradicts
    # (an earlier version's, a modified date): the day written out stands
    return shown


#: A day written in figures with the day and month in either order ("08/11/2023").
_FIGURE_DATE = re.compile(r"(?<!\d)\d{1,2}([./-])\d{1,2}\1\d{2,4}(?!\d)")


def _swapped(shown: PublishedTime, stated: PublishedTime) -> bool:
    """Whether the text's day is the stated one with day and month exchanged: an all-figure
    date ("08/11/2023") read in the other order."""
    d = shown.value.date()
    if _FIGURE_DATE.search(shown.span.text) is None or d.day > 12:
        return False
    return stated.value.date() == d.replace(month=d.day, day=d.month)


def apply_byline(text: str, segments: Sequence[Segment], by: Byline | None,
                 metadata: PageMetadata, reference: dt.datetime) -> Byline | None:
    """The byline reading with the metadata's authors and times weighed in."""
    authors = _authors(text, segments, by, metadata)
    # the time the page shows (an "Updated" one where it shows no other), as the text reads it
    published = _prefer(by.published if by is not None else None,
                        _stated_time(text, metadata, MetadataField.PUBLISHED, reference, False))
    updated = _prefer(by.updated if by else None,
                      _stated_time(text, metadata, MetadataField.MODIFIED, reference, True))
    if by is None:
        if not authors and published is None:
            return None
        return Byline(span=None, authors=authors, published=published, updated=updated)
    return attrs.evolve(by, authors=authors, published=published or updated, updated=updated)
