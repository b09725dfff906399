"""newsstruct: turn the raw text of a news article into typed, offset-exact records.

>>> import newsstruct
>>> article = newsstruct.parse_article(text, reference_date="2025-09-06")  # doctest: +SKIP
"""

from __future__ import annotations

import logging

from newsstruct import errors
from newsstruct.article import parse_article, parse_articles
from newsstruct.errors import NewsstructError
from newsstruct.html import parse_html
from newsstruct.schema import json_schema
from newsstruct.types import (
    Article,
    Author,
    BoilerplateKind,
    Bound,
    Byline,
    Deadline,
    DeadlineStatus,
    Entity,
    EntityType,
    Failure,
    Granularity,
    Header,
    HeaderAuthor,
    HeaderTime,
    Mention,
    MentionKind,
    MetadataField,
    MetadataItem,
    MetadataSource,
    PageMetadata,
    ParseWarning,
    PublishedTime,
    Quote,
    QuoteKind,
    Role,
    Segment,
    SegmentKind,
    Slot,
    Span,
    SpeakerMethod,
    TimeExpression,
    TimeSource,
    TimexMod,
    TimexType,
    WarningCode,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Author",
    "BoilerplateKind",
    "Bound",
    "Byline",
    "Deadline",
    "DeadlineStatus",
    "Entity",
    "EntityType",
    "Failure",
    "Granularity",
    "Header",
    "HeaderAuthor",
    "HeaderTime",
    "Mention",
    "MentionKind",
    "MetadataField",
    "MetadataItem",
    "MetadataSource",
    "NewsstructError",
    "PageMetadata",
    "ParseWarning",
    "PublishedTime",
    "Quote",
    "QuoteKind",
    "Role",
    "Segment",
    "SegmentKind",
    "Slot",
    "Span",
    "SpeakerMethod",
    "TimeExpression",
    "TimeSource",
    "TimexMod",
    "TimexType",
    "WarningCode",
    "__version__",
    "errors",
    "json_schema",
    "parse_article",
    "parse_articles",
    "parse_html",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
