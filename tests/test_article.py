"""parse_article end to end on the seed: header, headings, paragraphs, boilerplate, lossless."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import newsstruct
from newsstruct import SegmentKind
from newsstruct.types import iter_spans


def test_header(seed: newsstruct.Article, expected: dict[str, Any]) -> None:
    header = expected["header"]
    assert seed.title is not None and seed.title.text == header["title"]
    assert seed.standfirst is not None
    assert seed.standfirst.text.startswith(header["standfirst_starts_with"])
    assert seed.byline is not None and seed.byline.span is not None
    assert seed.byline.span.text == header["byline_text"]
    assert [a.name for a in seed.authors] == header["authors"]
    pub = seed.published
    assert pub is not None
    assert pub.span.text == header["published"]["text"]
    assert pub.value.date().isoformat() == header["published"]["value"]
    assert pub.relative and pub.approximate


def test_headings_and_paragraphs(seed: newsstruct.Article, expected: dict[str, Any]) -> None:
    assert [h.text for h in seed.headings] == expected["section_headings"]
    assert len(seed.paragraphs) == expected["body_paragraphs"]


def test_boilerplate(seed: newsstruct.Article, expected: dict[str, Any]) -> None:
    got = [(s.text, s.boilerplate.value if s.boilerplate else None) for s in seed.boilerplate]
    want = [(b["text"], b["kind"]) for b in expected["boilerplate"]]
    assert got == want
    copyright_line = seed.boilerplate[0]
    assert copyright_line.detail("year") == str(expected["boilerplate"][0]["year"])
    assert copyright_line.detail("holder") == expected["boilerplate"][0]["holder"]


def test_lossless(seed: newsstruct.Article) -> None:
    text = seed.text
    covered = [0] * len(text)
    for seg in seed.segments:
        assert seg.span.text == text[seg.span.start : seg.span.end]
        for i in range(seg.span.start, seg.span.end):
            covered[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i] == 1, (i, ch)
    assert max(covered) == 1


def test_every_span_is_exact(seed: newsstruct.Article) -> None:
    spans = list(iter_spans(seed))
    assert len(spans) > 50
    for span in spans:
        assert seed.text[span.start : span.end] == span.text


def test_stages_produce_records(seed: newsstruct.Article) -> None:
    assert {e.name for e in seed.entities} >= {"Vladimir Putin", "Kirill Dmitriev"}
    assert any(f.text == "last, desperate attempt" for q in seed.quotes for f in q.fragments)
    assert any(t.span.text == "January" and t.value == "2025-01" for t in seed.times)
    assert seed.deadlines and seed.deadlines[0].trigger is not None
    assert seed.deadlines[0].trigger.text == "deadline"


def test_round_trip(seed: newsstruct.Article) -> None:
    data = json.loads(seed.to_json())
    again = newsstruct.Article.from_dict(data)
    assert again == seed
    assert again.to_json() == seed.to_json()


def test_deterministic(seed: newsstruct.Article, seed_text: str) -> None:
    again = newsstruct.parse_article(seed_text, reference_date=dt.date(2025, 9, 6))
    assert again.to_json() == seed.to_json()


def test_segment_kinds_in_order(seed: newsstruct.Article) -> None:
    kinds = [s.kind for s in seed.segments]
    assert kinds[0] is SegmentKind.TITLE
    assert kinds[1] is SegmentKind.STANDFIRST
    assert kinds[2] is SegmentKind.BYLINE
    assert kinds[-1] is SegmentKind.BOILERPLATE
    starts = [s.span.start for s in seed.segments]
    assert starts == sorted(starts)


def test_repr_is_short(seed: newsstruct.Article) -> None:
    r = repr(seed)
    assert r.startswith("Article(title='Trump Envoy Visits Moscow Before Sanctions Deadline'")
    assert len(r) < 300
