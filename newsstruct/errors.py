"""The errors newsstruct raises. Every one derives from :class:`NewsstructError`::

    NewsstructError
    ├── InvalidInputError (also TypeError)        text is not a str (None, bytes, ...)
    ├── EmptyArticleError (also ValueError)       text is empty or only white space
    ├── InputTooLargeError (also ValueError)      text is longer than the configured limit
    ├── InvalidReferenceDateError (also ValueError)  reference_date cannot be read as a date
    ├── InvalidArgumentError (also ValueError)    any other argument out of range
    ├── ModelError
    │   ├── ModelNotFoundError (also LookupError) no spaCy pipeline of that name is installed
    │   └── ModelLoadError                        the pipeline is installed but failed to load
    └── PipelineError (also RuntimeError)         the spaCy pass failed on a text (a bug in a
                                                  dependency or in newsstruct: please report it)

Only :class:`InvalidInputError`, :class:`EmptyArticleError` and :class:`InputTooLargeError`
depend on the text itself; any ``str`` holding a non-space character and within ``max_chars``
gives an :class:`~newsstruct.Article`. Anything else escaping :func:`newsstruct.parse_article`
is a bug.
"""

from __future__ import annotations

__all__ = [
    "EmptyArticleError",
    "InputTooLargeError",
    "InvalidArgumentError",
    "InvalidInputError",
    "InvalidReferenceDateError",
    "ModelError",
    "ModelLoadError",
    "ModelNotFoundError",
    "NewsstructError",
    "PipelineError",
]


class NewsstructError(Exception):
    """Base class of every error newsstruct raises."""


class InvalidInputError(NewsstructError, TypeError):
    """The article text is not a ``str``."""


class EmptyArticleError(NewsstructError, ValueError):
    """The article text is empty or holds only white space."""


class InputTooLargeError(NewsstructError, ValueError):
    """The article text is longer than the configured ``max_chars``."""


class InvalidReferenceDateError(NewsstructError, ValueError):
    """The ``reference_date`` cannot be read as a date or datetime."""


class InvalidArgumentError(NewsstructError, ValueError):
    """Another argument is of the wrong type or out of range."""


class ModelError(NewsstructError):
    """The spaCy pipeline could not be had."""


class ModelNotFoundError(ModelError, LookupError):
    """No spaCy pipeline of the requested name is installed."""


class ModelLoadError(ModelError):
    """The spaCy pipeline is installed but failed to load."""


class PipelineError(NewsstructError, RuntimeError):
    """The spaCy pass failed on a text; the dependency's exception is the ``__cause__``."""
