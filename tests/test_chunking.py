"""Long texts go through the pass in chunks cut at segment starts, joined into one Doc whose
offsets are those of the whole text."""

from __future__ import annotations

import itertools

import pytest

import newsstruct
from newsstruct import Segment, SegmentKind, Span, layout, pipeline

from .invariants import check_parse, codes
from .test_dirty import ARTICLE

LONG = "\n\n".join(ARTICLE.replace("Reuters", f"Reuters {i}") for i in range(12))


@pytest.mark.parametrize("limit", [200, 1000, 5000])
def test_chunks_are_cut_at_segment_starts(limit: int) -> None:
    segments = layout.segment_text(LONG)
    bounds = pipeline.chunk_bounds(LONG, segments, limit)
    starts = {s.span.start for s in segments}
    assert bounds[0] == 0 and bounds[-1] == len(LONG)
    assert all(0 < hi - lo <= limit for lo, hi in itertools.pairwise(bounds))
    assert all(cut in starts for cut in bounds[1:-1])


def test_a_segment_longer_than_a_chunk_is_cut_after_a_space() -> None:
    text = "Title\n\n" + "word " * 500
    segments = (Segment(kind=SegmentKind.TITLE, span=Span.of(text, 0, 5)),
                Segment(kind=SegmentKind.PARAGRAPH, span=Span.of(text, 7, len(text) - 1)))
    bounds = pipeline.chunk_bounds(text, segments, 300)
    assert bounds[1] == 7  # the paragraph's start
    assert len(bounds) > 4 and all(text[cut - 1] == " " for cut in bounds[2:-1])
    glued = "x" * 1000
    assert pipeline.chunk_bounds(glued, (), 300) == [0, 300, 600, 900, 1000]


def test_chunked_doc_has_the_offsets_of_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = pipeline.load_model(None)
    segments = layout.segment_text(LONG)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 2000)
    doc = pipeline.run_pipeline(nlp, LONG, segments)
    bounds = pipeline.chunk_bounds(LONG, segments, 2000)
    assert doc.user_data[pipeline.CHUNKS_KEY] == len(bounds) - 1
    assert doc.user_data[pipeline.CHUNKS_KEY] > 1
    assert doc.text == pipeline.blank_boilerplate(LONG, segments)
    for ent in doc.ents:
        assert LONG[ent.start_char : ent.end_char] == ent.text
    sentence_starts = {s.start_char for s in doc.sents}
    for seg in segments:
        if not seg.is_boilerplate:
            assert seg.span.start in sentence_starts, seg
    people = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert "Margaret Okafor" in people


def test_chunked_article_keeps_every_promise(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = newsstruct.parse_article(LONG, reference_date="2025-09-06")
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1500)
    chunked = check_parse(LONG)
    assert "chunked" in codes(chunked) and "chunked" not in codes(whole)
    assert chunked.segments == whole.segments
    assert chunked.byline == whole.byline


def test_text_beyond_the_model_max_length(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = pipeline.load_model(None)
    monkeypatch.setattr(nlp, "max_length", 2000)
    assert len(LONG) > 3 * nlp.max_length
    article = check_parse(LONG)
    assert "chunked" in codes(article)


def test_pipe_docs_joins_chunks_in_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = pipeline.load_model(None)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1500)
    texts = [ARTICLE, LONG, "Short Title\n\nOne line of body text.", LONG[:4000]]
    items = [(t, layout.segment_text(t)) for t in texts]
    docs = list(pipeline.pipe_docs(nlp, items, batch_size=3))
    assert [d.text for d in docs] == [pipeline.blank_boilerplate(t, s) for t, s in items]
    assert [pipeline.CHUNKS_KEY in d.user_data for d in docs] == [False, True, False, True]


def test_parse_articles_chunks_as_parse_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1500)
    texts = [ARTICLE, LONG, LONG[:3000]]
    batch = list(newsstruct.parse_articles(texts, reference_date="2025-09-06", batch_size=2))
    single = [newsstruct.parse_article(t, reference_date="2025-09-06") for t in texts]
    assert [a.to_json() for a in batch] == [a.to_json() for a in single]
    assert ["chunked" in codes(a) for a in batch] == [False, True, True]
