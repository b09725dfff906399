"""The batch machinery behind :func:`newsstruct.parse_articles`.

Items are checked in the main process, in input order; an item that cannot be parsed becomes a
failure that travels in its place. Good items are parsed a batch at a time, in this process or
in worker processes (at most two batches a worker in flight). A failure inside a batch (the
spaCy pass, a stage) costs only its own item: the batch is parsed again one item at a time.
A worker that dies (killed, out of memory) breaks the pool: a new pool is started and the
batches it held are parsed again one item at a time, so that only the item that killed a
worker is lost (as a :class:`~newsstruct.errors.WorkerError`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

import attrs

from newsstruct import errors as _errors
from newsstruct import layout as _layout
from newsstruct import pipeline as _pipeline
from newsstruct.article import _check_text, _finish, coerce_reference_date
from newsstruct.errors import InvalidInputError, NewsstructError, PipelineError, WorkerError
from newsstruct.types import Article, Failure, Segment

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Failed", "Options", "handled", "parse", "recorded", "with_progress"]

LOGGER = logging.getLogger(__name__)


@attrs.frozen(kw_only=True)
class Options:
    """What every item of a batch is parsed with."""

    reference: dt.datetime
    reference_given: bool
    max_chars: int | None
    dayfirst: bool | None


@attrs.frozen(kw_only=True)
class _Job:
    """One article to parse: its position, checked text, reference date and id."""

    index: int
    text: str
    reference: dt.datetime
    reference_given: bool
    id: str | None
    published: dt.datetime | None = None


@attrs.frozen(kw_only=True)
class Failed:
    """An item that could not be parsed, with the error when it was raised in this process."""

    failure: Failure
    exc: BaseException | None = attrs.field(default=None, eq=False)


_Entry = _Job | Failed
_Result = Article | Failed


def _failed(index: int, item_id: str | None, exc: BaseException) -> Failed:
    message = str(exc) or type(exc).__name__
    return Failed(failure=Failure(index=index, id=item_id, error=type(exc).__name__,
                                  message=message), exc=exc)


def _job(index: int, item: object, options: Options) -> _Entry:
    raw: object = item
    ref, ref_given, item_id, pub = options.reference, options.reference_given, None, None
    try:
        if isinstance(item, tuple):
            if len(item) == 2 and isinstance(item[1], Mapping):
                raw, ctx = item
                item_id = None if ctx.get("id") is None else str(ctx["id"])
                given, pub_given = ctx.get("reference_date"), ctx.get("published")
                if given is not None:
                    ref = coerce_reference_date(given, dayfirst=options.dayfirst)
                    ref_given = True
                if pub_given is not None:
                    pub = coerce_reference_date(pub_given, "published", dayfirst=options.dayfirst)
            else:
                raise InvalidInputError("an item must be a text or a (text, context dict) pair")
        text = _check_text(raw, options.max_chars)
    except NewsstructError as exc:
        return _failed(index, item_id, exc)
    return _Job(index=index, text=text, reference=ref, reference_given=ref_given, id=item_id,
                published=pub)


def _entries(texts: Iterable[object], options: Options) -> Iterator[_Entry]:
    for index, item in enumerate(texts):
        yield _job(index, item, options)


def _chunks(entries: Iterator[_Entry], size: int) -> Iterator[list[_Entry]]:
    while chunk := list(itertools.islice(entries, size)):
        yield chunk


# --------------------------------------------------------------------------- one batch

_Ready = tuple[str, tuple[Segment, ...], _Job]


def _docs(nlp: Language, ready: list[_Ready]) -> Iterator[tuple[_Job, tuple[Segment, ...],
                                                                 Doc | Exception]]:
    """The Doc of each ready job (one ``nlp.pipe`` stream; if it fails, one job at a time, so
    that only the job that fails is lost)."""
    items = [(text, segments, (job, segments)) for text, segments, job in ready]
    try:
        piped = list(_pipeline.pipe_with_context(nlp, items, batch_size=max(1, len(items))))
    except MemoryError:
        raise
    except Exception:
        for text, segments, job in ready:
            try:
                yield job, segments, _pipeline.run_pipeline(nlp, text, segments)
            except MemoryError:
                raise
            except Exception as exc:
                yield job, segments, exc
        return
    for doc, (job, segments) in piped:
        yield job, segments, doc


def parse_batch(nlp: Language, entries: Sequence[_Entry]) -> list[_Result]:
    """Each entry parsed (an :class:`Article`) or failed, in the order given."""
    name = _pipeline.model_name(nlp)
    done: dict[int, _Result] = {}
    ready: list[_Ready] = []
    for entry in entries:
        if isinstance(entry, Failed):
            done[entry.failure.index] = entry
            continue
        try:
            ready.append((entry.text, _layout.segment_text(entry.text), entry))
        except MemoryError:
            raise
        except Exception as exc:
            done[entry.index] = _failed(entry.index, entry.id, exc)
    for job, segments, doc in _docs(nlp, ready):
        if isinstance(doc, Exception):
            done[job.index] = _failed(job.index, job.id, doc)
            continue
        try:
            done[job.index] = _finish(job.text, segments, doc, job.reference, name, job.id,
                                      job.published, reference_given=job.reference_given)
        except MemoryError:
            raise
        except Exception as exc:
            done[job.index] = _failed(job.index, job.id, exc)
    return [done[e.failure.index if isinstance(e, Failed) else e.index] for e in entries]


def parse(
    nlp: Language,
    model: str | Language | None,
    texts: Iterable[object],
    options: Options,
    batch_size: int,
    n_process: int,
) -> Generator[_Result, None, None]:
    """Every item of ``texts`` parsed or failed, in input order."""
    entries = _chunks(_entries(texts, options), batch_size)
    if n_process == 1:
        for chunk in entries:
            yield from parse_batch(nlp, chunk)
    else:
        yield from _in_workers(nlp, model, entries, n_process)


# --------------------------------------------------------------------------- workers

_WORKER_NLP: list[Language] = []


def _init_worker(model: str | Language) -> None:
    _WORKER_NLP[:] = [_pipeline.load_model(model)]


def _work(jobs: list[_Job]) -> list[_Result]:
    """A batch parsed in a worker (errors travel back as their type name and message)."""
    out = parse_batch(_WORKER_NLP[0], jobs)
    return [attrs.evolve(r, exc=None) if isinstance(r, Failed) else r for r in out]


_Task = tuple[list[_Entry], int, "Future[list[_Result]] | None"]


class _Pool:
    """A process pool that is started again when a worker dies."""

    def __init__(self, spec: str | Language, n_process: int) -> None:
        import multiprocessing

        self._ctx = multiprocessing.get_context()
        self._spec, self._n = spec, n_process
        self.generation = 0
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        self.generation += 1
        return ProcessPoolExecutor(max_workers=self._n, mp_context=self._ctx,
                                   initializer=_init_worker, initargs=(self._spec,))

    def _restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, chunk: list[_Entry]) -> _Task:
        """Send a chunk's jobs to the workers."""
        jobs = [e for e in chunk if isinstance(e, _Job)]
        if not jobs:
            return chunk, self.generation, None
        try:
            future = self._executor.submit(_work, jobs)
        except BrokenProcessPool:  # a worker died since the last task was collected
            self._restart()
            future = self._executor.submit(_work, jobs)
        return chunk, self.generation, future

    def collect(self, task: _Task) -> list[_Result]:
        """A chunk's results in order, parsing its jobs again one at a time if the pool broke
        (or the task failed) while it held them."""
        chunk, generation, future = task
        jobs = [e for e in chunk if isinstance(e, _Job)]
        try:
            results = [] if future is None else future.result()
        except MemoryError:
            raise
        except Exception as exc:
            if isinstance(exc, BrokenProcessPool) and generation == self.generation:
                self._restart()
            results = [self._one(job) for job in jobs]
        it = iter(results)
        return [entry if isinstance(entry, Failed) else next(it) for entry in chunk]

    def _one(self, job: _Job) -> _Result:
        try:
            return self._executor.submit(_work, [job]).result()[0]
        except MemoryError:
            raise
        except Exception as exc:
            if isinstance(exc, BrokenProcessPool):  # this article ended its worker
                self._restart()
                exc = WorkerError("a worker process died while parsing this article")
            return _failed(job.index, job.id, exc)


def _in_workers(
    nlp: Language,
    model: str | Language | None,
    chunks: Iterator[list[_Entry]],
    n_process: int,
) -> Iterator[_Result]:
    import multiprocessing

    spec: str | Language
    if multiprocessing.get_start_method() == "fork" or not isinstance(model, str | None):
        spec = nlp  # inherited by a forked worker (else pickled: the caller's own Language)
    else:
        spec = _pipeline.resolve_model_name(model)  # loaded by name in the worker
    pool = _Pool(spec, n_process)
    pending: deque[_Task] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(chunk))
            if len(pending) >= 2 * n_process:
                yield from pool.collect(pending.popleft())
        while pending:
            yield from pool.collect(pending.popleft())
    finally:
        pool.shutdown()


# --------------------------------------------------------------------------- output


def _item(failure: Failure) -> str:
    return f"item {failure.index}" + ("" if failure.id is None else f" (id {failure.id!r})")


def _error(failed: Failed) -> NewsstructError:
    """The error to raise for a failed item: its own (a newsstruct error) or a
    :class:`PipelineError` caused by it, naming the item's position and id."""
    f = failed.failure
    message = f"{_item(f)}: {f.message}"
    exc = failed.exc
    if isinstance(exc, NewsstructError):
        error = exc
        error.args = (message,)
    else:
        cls = getattr(_errors, f.error, None)
        if exc is None and isinstance(cls, type) and issubclass(cls, NewsstructError):
            error = cls(message)
        else:
            error = PipelineError(f"{_item(f)}: {f.error}: {f.message}")
            error.__cause__ = exc
    error.index, error.item_id = f.index, f.id
    return error


def handled(results: Generator[_Result, None, None], *, raise_errors: bool
            ) -> Iterator[Article]:
    """The articles; a failed item raises its error (once the workers are stopped), or is
    logged and skipped."""
    with contextlib.closing(results):
        for result in results:
            if isinstance(result, Article):
                yield result
            elif raise_errors:
                results.close()
                raise _error(result)
            else:
                f = result.failure
                LOGGER.warning("skipped %s: %s: %s", _item(f), f.error, f.message)


def recorded(results: Generator[_Result, None, None]) -> Iterator[Article | Failure]:
    """The articles, with a :class:`Failure` in the place of each failed item."""
    with contextlib.closing(results):
        for result in results:
            yield result.failure if isinstance(result, Failed) else result


def with_progress(results: Generator[_Result, None, None], texts: Iterable[object]
                  ) -> Generator[_Result, None, None]:
    """``results`` with a tqdm bar on standard error."""
    from tqdm import tqdm

    total = len(texts) if isinstance(texts, Sized) else None
    with tqdm(total=total, unit="article", desc="newsstruct", file=sys.stderr) as bar, \
            contextlib.closing(results):
        for result in results:
            bar.update(1)
            yield result
