"""The ``newsstruct`` spaCy component: entry point, span groups, extensions, n_process=2."""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any

import pytest
import spacy

import newsstruct
from newsstruct.pipeline import resolve_model_name

REFERENCE = "2025-09-06"


@pytest.fixture(scope="module")
def nlp() -> Any:
    # a pipeline of the caller's own, not newsstruct's cached one
    nlp = spacy.load(resolve_model_name())
    nlp.add_pipe("newsstruct", config={"reference_date": REFERENCE})
    return nlp


def test_entry_point_names_the_factory() -> None:
    eps = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert eps.get("newsstruct") == "newsstruct.component:make_newsstruct"


def test_results_match_parse_article(nlp: Any, seed_text: str) -> None:
    doc = nlp(seed_text)
    article = doc._.newsstruct
    assert isinstance(article, newsstruct.Article)
    direct = newsstruct.parse_article(seed_text, reference_date=REFERENCE)
    # the same layout and byline (they do not depend on the pass)
    assert article.segments == direct.segments
    assert article.byline == direct.byline
    assert article.reference_date == direct.reference_date
    assert {e.name for e in article.entities} >= {"Vladimir Putin", "Kirill Dmitriev"}


def test_span_groups(nlp: Any, seed_text: str) -> None:
    doc = nlp(seed_text)
    article = doc._.newsstruct
    segs = doc.spans["newsstruct_segments"]
    assert [s.label_ for s in segs] == [
        s.kind.value if s.boilerplate is None else f"boilerplate:{s.boilerplate.value}"
        for s in article.segments]
    assert [s.text for s in segs] == [s.text for s in article.segments]
    ents = doc.spans["newsstruct_entities"]
    assert len(ents) == sum(len(e.mentions) for e in article.entities)
    by_id = {e.id: e for e in article.entities}
    for span in ents:
        assert span.label_ == by_id[span.kb_id_].type.value
    times = doc.spans["newsstruct_times"]
    assert [(s.text, s.label_, s.kb_id_) for s in times] == [
        (t.span.text, t.type.value, t.value or "") for t in article.times]
    assert [s.text for s in doc.spans["newsstruct_quotes"]] == [
        q.content.text for q in article.quotes]
    assert [s.label_ for s in doc.spans["newsstruct_deadlines"]] == [
        d.bound.value for d in article.deadlines if d.due is not None]


def test_two_processes(nlp: Any, seed_text: str) -> None:
    texts = [seed_text, "Officials said talks must end by Friday.", "   "]
    one = list(nlp.pipe(texts))
    two = list(nlp.pipe(texts, n_process=2, batch_size=1))
    for a, b in zip(one, two, strict=True):
        assert a._.newsstruct == b._.newsstruct
        assert {g: [(s.start, s.end, s.label_) for s in a.spans[g]] for g in a.spans} == {
            g: [(s.start, s.end, s.label_) for s in b.spans[g]] for g in b.spans}
    assert two[1]._.newsstruct.times[0].span.text == "Friday"
    assert two[2]._.newsstruct is None
    assert len(two[0].spans["newsstruct_segments"]) == len(one[0]._.newsstruct.segments)
