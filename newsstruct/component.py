"""The ``newsstruct`` spaCy component, for a pipeline of your own.

>>> import spacy, newsstruct.component                                  # doctest: +SKIP
>>> nlp = spacy.load("en_core_web_sm")                                  # doctest: +SKIP
>>> nlp.add_pipe("newsstruct", config={"reference_date": "2025-09-06"}) # doctest: +SKIP
>>> doc = nlp(text)                                                     # doctest: +SKIP
>>> doc._.newsstruct.deadlines, doc.spans["newsstruct_entities"]        # doctest: +SKIP

The component runs every newsstruct stage on the ``Doc`` your pipeline made (add it after the
parser and the entity recogniser; ``add_pipe`` puts it last). It writes:

- ``doc._.newsstruct``: the :class:`~newsstruct.Article` (rebuilt on each access from
  ``doc._.newsstruct_data``, its JSON-ready dict, which is what ``Doc.to_bytes`` keeps, so the
  results survive ``nlp.pipe(..., n_process=2)`` and ``DocBin``);
- span groups: ``newsstruct_segments`` (label: the segment kind, or ``boilerplate:<kind>``),
  ``newsstruct_entities`` (every mention; label: the entity type, ``kb_id_``: the entity id),
  ``newsstruct_quotes`` (the content; label: the quote kind, ``kb_id_``: the speaker's entity
  id), ``newsstruct_times`` (label: the TIMEX3 type, ``kb_id_``: the value) and
  ``newsstruct_deadlines`` (the due expression; label: the bound, ``kb_id_``: the due value).

Unlike :func:`newsstruct.parse_article`, the component cannot blank boilerplate or fix sentence
starts before your parser runs, so its results can differ slightly. The extensions are
registered when the component is created, so a worker process that builds the pipeline has them.
The component is found by spaCy through the ``spacy_factories`` entry point, so
``nlp.add_pipe("newsstruct")`` works without importing this module first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsstruct import layout as _layout
from newsstruct import pipeline as _pipeline
from newsstruct.article import _finish, coerce_reference_date
from newsstruct.types import Article
from newsstruct.types import Span as TextSpan

__all__ = [
    "EXTENSION",
    "SPAN_GROUPS",
    "NewsstructComponent",
    "make_newsstruct",
    "register_extensions",
]

#: The ``Doc`` extension holding the :class:`~newsstruct.Article`.
EXTENSION = "newsstruct"
_DATA = "newsstruct_data"
#: The span groups the component fills.
SPAN_GROUPS = (
    "newsstruct_segments",
    "newsstruct_entities",
    "newsstruct_quotes",
    "newsstruct_times",
    "newsstruct_deadlines",
)


def _article_of(doc: Doc) -> Article | None:
    data = doc._.get(_DATA)
    return None if data is None else Article.from_dict(data)


def register_extensions() -> None:
    """Register ``Doc._.newsstruct`` and ``Doc._.newsstruct_data`` (idempotent)."""
    if not Doc.has_extension(_DATA):
        Doc.set_extension(_DATA, default=None)
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, getter=_article_of)


class NewsstructComponent:
    """Runs the newsstruct stages on a parsed ``Doc``; see the module documentation."""

    def __init__(self, nlp: Language, name: str, reference_date: str | None) -> None:
        self.name = name
        self.model = _pipeline.model_name(nlp)
        self.reference: dt.datetime | None = (
            None if reference_date is None else coerce_reference_date(reference_date)
        )
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        reference = self.reference or coerce_reference_date(None)
        if not text.strip():
            doc._.set(_DATA, None)
            for group in SPAN_GROUPS:
                doc.spans[group] = []
            return doc
        segments = _layout.segment_text(text)
        article = _finish(text, segments, doc, reference, self.model, None)
        doc._.set(_DATA, article.to_dict())
        _fill_span_groups(doc, article)
        return doc


def _span(doc: Doc, span: TextSpan, label: str, kb_id: str | None = None) -> SpacySpan | None:
    found: SpacySpan | None = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None:
        return None
    return SpacySpan(doc, found.start, found.end, label=label, kb_id=kb_id or "")


def _fill_span_groups(doc: Doc, article: Article) -> None:
    groups: dict[str, list[SpacySpan | None]] = {g: [] for g in SPAN_GROUPS}
    for seg in article.segments:
        label = seg.kind.value if seg.boilerplate is None else (
            f"{seg.kind.value}:{seg.boilerplate.value}"
        )
        groups["newsstruct_segments"].append(_span(doc, seg.span, label))
    for ent in article.entities:
        for mention in ent.mentions:
            groups["newsstruct_entities"].append(
                _span(doc, mention.span, ent.type.value, ent.id))
    for q in article.quotes:
        groups["newsstruct_quotes"].append(
            _span(doc, q.content, q.kind.value, q.speaker_entity))
    for t in article.times:
        groups["newsstruct_times"].append(_span(doc, t.span, t.type.value, t.value))
    for d in article.deadlines:
        if d.due is not None:
            groups["newsstruct_deadlines"].append(
                _span(doc, d.due, d.bound.value, d.due_value))
    for group, spans in groups.items():
        doc.spans[group] = [s for s in spans if s is not None]


@Language.factory(
    "newsstruct",
    default_config={"reference_date": None},
    assigns=[f"doc._.{EXTENSION}", f"doc._.{_DATA}", "doc.spans"],
    requires=["doc.ents", "doc.sents"],
)
def make_newsstruct(nlp: Language, name: str, reference_date: str | None) -> Any:
    """Create the ``newsstruct`` component (``reference_date``: an ISO date the texts were
    captured; default: the time of each call)."""
    return NewsstructComponent(nlp, name, reference_date)
