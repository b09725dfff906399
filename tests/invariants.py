"""The promises every Article keeps, whatever its text: checked on generated and dirty input."""

from __future__ import annotations

import bisect
import json

import newsstruct
from newsstruct import Article, Segment, Span
from newsstruct.types import iter_spans


def check_cover(text: str, segments: tuple[Segment, ...]) -> None:
    """Segments are ordered, disjoint, start and end on non-space characters, and cover every
    non-space character of ``text``."""
    pos = 0
    for seg in segments:
        start, end = seg.span.start, seg.span.end
        assert pos <= start < end <= len(text), (seg, pos)
        assert not text[start].isspace() and not text[end - 1].isspace(), seg
        gap = text[pos:start]
        assert gap.isspace() or not gap, (pos, start, gap[:80])
        pos = end
    tail = text[pos:]
    assert tail.isspace() or not tail, (pos, tail[:80])


def check_spans(article: Article) -> None:
    """Every span anywhere in the record is ``text[start:end]``."""
    text = article.text
    for span in iter_spans(article):
        assert 0 <= span.start <= span.end <= len(text), span
        assert span.text == text[span.start : span.end], span


def _segment_of(segments: tuple[Segment, ...], starts: list[int], span: Span) -> Segment | None:
    """The segment holding the whole of ``span`` (segments are sorted and disjoint)."""
    i = bisect.bisect_right(starts, span.start) - 1
    if i < 0:
        return None
    seg = segments[i]
    return seg if seg.span.start <= span.start and span.end <= seg.span.end else None


def check_inside_segments(article: Article) -> None:
    """Entity mentions and roles, quote cues and speakers, times, deadline spans and slots lie
    inside one content segment each; quote contents and fragments (which may run on over
    several paragraphs) start and end inside content segments."""
    segments = article.segments
    starts = [s.span.start for s in segments]

    def inside(span: Span | None, what: str) -> None:
        if span is None or span.start == span.end:
            return
        seg = _segment_of(segments, starts, span)
        assert seg is not None, f"{what} {span} crosses or leaves the segments"
        assert not seg.is_boilerplate, f"{what} {span} lies in boilerplate {seg}"

    def ends_inside(span: Span, what: str) -> None:
        for pos in (span.start, span.end - 1):
            seg = _segment_of(segments, starts, Span(start=pos, end=pos + 1, text=""))
            assert seg is not None, f"{what} {span}: offset {pos} lies outside the segments"
            assert not seg.is_boilerplate, f"{what} {span}: offset {pos} lies in {seg}"

    for ent in article.entities:
        for m in ent.mentions:
            inside(m.span, f"mention of {ent.name!r}")
        for role in ent.roles:
            inside(role.span, f"role of {ent.name!r}")
    for q in article.quotes:
        if len(q.content):
            ends_inside(q.content, "quote content")
        inside(q.cue, "quote cue")
        inside(q.speaker, "quote speaker")
        for frag in q.fragments:
            if len(frag):
                ends_inside(frag, "quote fragment")
    for t in article.times:
        inside(t.span, "time expression")
    for d in article.deadlines:
        for name in ("trigger", "due", "duration", "event_anchor"):
            inside(getattr(d, name), f"deadline {name}")
        for slot in (d.set_by, d.party, d.demand, d.consequence):
            if slot is not None:
                inside(slot.span, "deadline slot")


def check_round_trip(article: Article) -> str:
    """``to_dict``/``from_dict`` and ``to_json``/``from_json`` give an equal article; returns
    the JSON."""
    data = article.to_dict()
    assert Article.from_dict(data) == article
    assert json.loads(json.dumps(data)) == data
    as_json = article.to_json()
    assert Article.from_json(as_json) == article
    return as_json


def check_article(text: str, article: Article) -> str:
    """Every invariant of one parsed text; returns its JSON."""
    assert isinstance(article, Article)
    assert article.text == text
    check_cover(text, article.segments)
    check_spans(article)
    check_inside_segments(article)
    return check_round_trip(article)


def check_parse(text: str, reference_date: str = "2025-09-06") -> Article:
    """Parse ``text`` twice, check every invariant and that both readings are identical."""
    first = newsstruct.parse_article(text, reference_date=reference_date)
    as_json = check_article(text, first)
    again = newsstruct.parse_article(text, reference_date=reference_date)
    assert again.to_json() == as_json, "the same input gave two readings"
    return first


def codes(article: Article) -> set[str]:
    """The warning codes of an article."""
    return {w.code.value for w in article.warnings}

