"""The errors newsstruct raises. Every one derives from :class:`NewsstructError`::

    NewsstructError
    ├── InvalidInputError (also TypeError)        text is not a str (None, bytes, ...)
    ├── EmptyArticleError (also ValueError)       text is empty or only white space
    ├── InputTooLargeError (also ValueError)      text is longer than the configured limit
    ├── InvalidReferenceDateError (also ValueError)  reference_date cannot be read as a date
    ├── InvalidArgumentError (also ValueError)    any other argument out of range
    ├── InconsistentDataError (also ValueError)   data given to ``Article.from_dict`` that is
    │                                             not what ``to_dict`` gives, or whose header
    │                                             disagrees with its segments and byline
    ├── WorkerError (also RuntimeError)           a worker process of ``parse_articles`` died
    │                                             while it held this article
    ├── ModelError
    │   ├── ModelNotFoundError (also LookupError) no spaCy pipeline of that name is installed
    │   └── ModelLoadError                        the pipeline is installed but failed to load
    ├── PipelineError (also RuntimeError)         the spaCy pass failed on a text (a bug in a
    │                                             dependency or in newsstruct: please report it)
    ├── NotHTMLError (also ValueError)            parse_html got no HTML (plain text, a binary file)
    ├── UndecodableHTMLError (also ValueError)    HTML bytes that no encoding reads as text
    ├── HTMLTooLargeError (an InputTooLargeError) markup longer than ``max_html_chars``
    ├── HTMLRenderError (also RuntimeError)       the rendering library failed on a page (a bug:
    │                                             please report it)
    └── MissingDependencyError (also ImportError) an optional extra is not installed
                                                  (``pip install 'newsstruct[html]'``)

Only :class:`InvalidInputError`, :class:`EmptyArticleError` and :class:`InputTooLargeError`
depend on the text itself; any ``str`` holding a non-space character and within ``max_chars``
gives an :class:`~newsstruct.Article`. Anything else escaping :func:`newsstruct.parse_article`
is a bug.

An error raised by :func:`newsstruct.parse_articles` for one item of a batch carries that item's
position in ``index`` and its id (or ``None``) in ``item_id``, and names both in its message;
outside a batch both are ``None``.
"""

from __future__ import annotations

import datetime as _dt

__all__ = [
    "EmptyArticleError",
    "HTMLRenderError",
    "HTMLTooLargeError",
    "InconsistentDataError",
    "InputTooLargeError",
    "InvalidArgumentError",
    "InvalidInputError",
    "InvalidReferenceDateError",
    "MissingDependencyError",
    "ModelError",
    "ModelLoadError",
    "ModelNotFoundError",
    "NewsstructError",
    "NotHTMLError",
    "PipelineError",
    "UndecodableHTMLError",
    "WorkerError",
]


class NewsstructError(Exception):
    """Base class of every error newsstruct raises.

    ``index`` and ``item_id`` name the item of a :func:`~newsstruct.parse_articles` batch the
    error is about (both ``None`` outside a batch).
    """

    index: int | None = None
    item_id: str | None = None


class InvalidInputError(NewsstructError, TypeError):
    """The article text is not a ``str``."""


class EmptyArticleError(NewsstructError, ValueError):
    """The article text is empty or holds only white space."""


class InputTooLargeError(NewsstructError, ValueError):
    """The article text is longer than the configured ``max_chars``."""


class InvalidReferenceDateError(NewsstructError, ValueError):
    """The ``reference_date`` (or ``published``) cannot be read as a date or datetime, or is a
    numeric date that reads two ways ("06/09/2025") and no ``dayfirst`` was given: then
    ``readings`` holds both (month first, day first)."""

    readings: tuple[_dt.date, _dt.date] | None = None


class InvalidArgumentError(NewsstructError, ValueError):
    """Another argument is of the wrong type or out of range."""


class InconsistentDataError(NewsstructError, ValueError):
    """Data given to ``Article.from_dict`` or ``from_json`` is not what ``to_dict`` gives (a
    missing or mistyped field, text that is not JSON) or contradicts itself (its header block
    does not agree with its segments and byline)."""


class WorkerError(NewsstructError, RuntimeError):
    """A worker process of :func:`~newsstruct.parse_articles` died while it held the article
    (killed, out of memory, or a crash in compiled code)."""


class ModelError(NewsstructError):
    """The spaCy pipeline could not be had."""


class ModelNotFoundError(ModelError, LookupError):
    """No spaCy pipeline of the requested name is installed."""


class ModelLoadError(ModelError):
    """The spaCy pipeline is installed but failed to load."""


class PipelineError(NewsstructError, RuntimeError):
    """The spaCy pass failed on a text; the dependency's exception is the ``__cause__``."""


class NotHTMLError(NewsstructError, ValueError):
    """:func:`newsstruct.parse_html` got no HTML: plain text (use ``parse_article``), an empty
    document or a binary file."""


class UndecodableHTMLError(NewsstructError, ValueError):
    """HTML given as bytes that no encoding reads as text."""


class HTMLTooLargeError(InputTooLargeError):
    """The markup is longer than the configured ``max_html_chars``."""


class HTMLRenderError(NewsstructError, RuntimeError):
    """The rendering library failed on a page; its exception is the ``__cause__``."""


class MissingDependencyError(NewsstructError, ImportError):
    """An optional extra is not installed (HTML input needs ``newsstruct[html]``)."""
