"""Every record newsstruct returns: frozen, slotted, keyword-only attrs classes.

Records hold :class:`Span` objects (``start``, ``end`` and the ``text`` that
``article.text[start:end]`` gives); normalised values sit beside the span, never instead of it.
Every record converts to plain JSON-ready data with :func:`to_data` and back with
:func:`from_data`; :class:`Article` exposes these as ``to_dict``/``from_dict``/``to_json``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import enum
import json
import sys
import types as _types
import typing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar, Union

import attrs

if TYPE_CHECKING:
    from newsstruct.render import RecordTable

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
    "TimeExpression",
    "TimeSource",
    "TimexMod",
    "TimexType",
    "WarningCode",
    "from_data",
    "to_data",
]

T = TypeVar("T")



# --------------------------------------------------------------------------- enums


class SegmentKind(str, enum.Enum):
    """What a stretch of the article is."""

    TITLE = "title"
    STANDFIRST = "standfirst"
    DATELINE = "dateline"
    BYLINE = "byline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"


class BoilerplateKind(str, enum.Enum):
    """What kind of page furniture a boilerplate segment is."""

    NAVIGATION = "navigation"
    SKIP_LINK = "skip_link"
    COOKIE = "cookie"
    LOGIN = "login"
    SUBSCRIBE = "subscribe"
    NEWSLETTER = "newsletter"
    SHARE = "share"
    ADVERTISEMENT = "advertisement"
    RELATED = "related"
    COMMENTS = "comments"
    COPYRIGHT = "copyright"
    CREDIT = "credit"
    TAGS = "tags"
    SITE_NAME = "site_name"
    OTHER = "other"


class Granularity(str, enum.Enum):
    """The precision a time value is given at."""

    YEAR = "year"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


class EntityType(str, enum.Enum):
    """OntoNotes-style entity types (as spaCy's English pipelines label them)."""

    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    FAC = "FAC"
    EVENT = "EVENT"
    PRODUCT = "PRODUCT"
    WORK_OF_ART = "WORK_OF_ART"
    LAW = "LAW"
    LANGUAGE = "LANGUAGE"
    MISC = "MISC"


class MentionKind(str, enum.Enum):
    """How an entity is mentioned."""

    NAME = "name"
    PRONOUN = "pronoun"
    NOMINAL = "nominal"


class QuoteKind(str, enum.Enum):
    """Direct speech in marks, reported speech with quoted words, reported speech, scare quotes."""

    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"
    SCARE = "scare"


class SpeakerMethod(str, enum.Enum):
    """How a quote's speaker was found: its own name, a name in apposition to a description
    ("a spokeswoman, Jane Roe,"), a pronoun, a description of an organisation or person ("the
    bank"), a campaign or administration standing for its principal ("her campaign"), or the
    speaker of the quote before."""

    NAME = "name"
    APPOSITIVE = "appositive"
    PRONOUN = "pronoun"
    NOMINAL = "nominal"
    PROXY = "proxy"
    PREVIOUS = "previous"


class TimexType(str, enum.Enum):
    """TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class TimexMod(str, enum.Enum):
    """TIMEX3 ``mod`` values."""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    ON_OR_AFTER = "ON_OR_AFTER"
    LESS_THAN = "LESS_THAN"
    MORE_THAN = "MORE_THAN"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"
    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"


class Bound(str, enum.Enum):
    """How a deadline's due time limits the action."""

    BY = "by"
    BEFORE = "before"
    UNTIL = "until"
    ON = "on"
    WITHIN = "within"
    AFTER = "after"


class DeadlineStatus(str, enum.Enum):
    """A deadline's state relative to the reference date."""

    UPCOMING = "upcoming"
    PASSED = "passed"
    EXTENDED = "extended"
    MET = "met"
    UNKNOWN = "unknown"
    #: the text says the limit ran out ("the lease expired in August", "the offer lapsed")
    EXPIRED = "expired"


class TimeSource(str, enum.Enum):
    """Where a published or updated time was read."""

    TEXT = "text"
    METADATA = "metadata"
    CALLER = "caller"


class WarningCode(str, enum.Enum):
    """Why an article was parsed with a caveat."""

    MARKUP = "markup"
    NON_ENGLISH = "non_english"
    CONTROL_CHARACTERS = "control_characters"
    CHUNKED = "chunked"
    NO_BODY = "no_body"
    ENCODING = "encoding"
    NO_REFERENCE_DATE = "no_reference_date"
    TRUNCATED_MARKUP = "truncated_markup"
    NO_HTML_BODY = "no_html_body"
    AMBIGUOUS_DATE = "ambiguous_date"
    COLLAPSED_WHITESPACE = "collapsed_whitespace"
    NO_TITLE = "no_title"


class MetadataField(str, enum.Enum):
    """What a page's metadata item says."""

    HEADLINE = "headline"
    AUTHOR = "author"
    PUBLISHED = "published"
    MODIFIED = "modified"
    PUBLISHER = "publisher"
    SITE_NAME = "site_name"
    SECTION = "section"
    URL = "url"


class MetadataSource(str, enum.Enum):
    """Where in the markup a metadata item was read."""

    JSON_LD = "json_ld"
    OPEN_GRAPH = "open_graph"
    ARTICLE_META = "article_meta"
    META = "meta"
    TIME_ELEMENT = "time_element"
    H1 = "h1"
    CANONICAL = "canonical"


# --------------------------------------------------------------------------- records


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of the original text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span ``source[start:end]``."""
        return cls(start=start, end=end, text=source[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


class SpanIndex(typing.Generic[T]):
    """Items placed on character ranges, sorted by start (then by the order given), so that
    the items whose ranges overlap a range are found without a scan of them all."""

    def __init__(self, items: typing.Iterable[tuple[int, int, T]]) -> None:
        self._rows = sorted(((start, order, end, item)
                             for order, (start, end, item) in enumerate(items)),
                            key=lambda row: (row[0], row[1]))
        self._starts = [row[0] for row in self._rows]
        self._longest = max((row[2] - row[0] for row in self._rows), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int, T]]:
        """``(start, order, end, item)`` of the items whose ranges share a character with
        ``[start, end)``, by start."""
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [row for row in self._rows[lo:hi] if row[0] < end and start < row[2]]


@attrs.frozen(kw_only=True)
class Segment:
    """One labelled stretch of the article; together the segments cover every non-space
    character of the text exactly once."""

    kind: SegmentKind
    span: Span
    boilerplate: BoilerplateKind | None = None
    details: tuple[tuple[str, str], ...] = attrs.field(default=(), repr=False)

    def detail(self, key: str) -> str | None:
        """A detail read from the segment (for example ``"year"`` of a copyright line)."""
        for k, v in self.details:
            if k == key:
                return v
        return None

    @property
    def text(self) -> str:
        """The segment's text."""
        return self.span.text

    @property
    def is_boilerplate(self) -> bool:
        """Whether the segment is page furniture rather than article content."""
        return self.kind is SegmentKind.BOILERPLATE


@attrs.frozen(kw_only=True)
class Author:
    """A person named in the byline."""

    name: str
    span: Span
    affiliation: str | None = None


@attrs.frozen(kw_only=True)
class PublishedTime:
    """When the article says it was published (or updated).

    ``value`` is the local time shown (naive unless the text gives a zone or offset); for a
    relative form ("1 month Ago") it is resolved against the reference date and ``relative`` is
    true. ``granularity`` says how much of ``value`` the text actually gives; ``source`` says
    where it was read (the text, the page's markup, or the caller).
    """

    span: Span
    value: _dt.datetime
    granularity: Granularity
    relative: bool = False
    approximate: bool = False
    timezone: str | None = None
    updated: bool = False
    source: TimeSource = TimeSource.TEXT

    @property
    def date(self) -> _dt.date:
        """The local day shown."""
        return self.value.date()


@attrs.frozen(kw_only=True)
class Byline:
    """The byline: authors, affiliations and published/updated times."""

    span: Span | None
    authors: tuple[Author, ...] = ()
    affiliations: tuple[str, ...] = ()
    published: PublishedTime | None = None
    updated: PublishedTime | None = None


@attrs.frozen(kw_only=True)
class Role:
    """A role or description given to an entity ("President", "Austrian analyst")."""

    text: str
    span: Span


@attrs.frozen(kw_only=True)
class Mention:
    """One mention of an entity in the text."""

    span: Span
    kind: MentionKind = MentionKind.NAME
    label: str | None = None
    confidence: float = 1.0
    segment: SegmentKind | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class Entity:
    """A canonical entity: every mention of one person, organisation or place."""

    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...] = attrs.field(default=(), repr=False)
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = attrs.field(default=(), repr=False)
    in_title: bool = attrs.field(default=False, repr=False)
    salience: float = attrs.field(default=0.0, repr=False)
    related: tuple[str, ...] = attrs.field(default=(), repr=False)

    @property
    def mention_count(self) -> int:
        """How many times the entity is mentioned (names, pronouns and nominals)."""
        return len(self.mentions)

    @property
    def first_offset(self) -> int | None:
        """Where the entity is first mentioned."""
        return min((m.span.start for m in self.mentions), default=None)


@attrs.frozen(kw_only=True)
class Quote:
    """Speech or thought attributed to a source.

    ``content`` is what was said (for a partial quote, the whole reported clause, with the
    quoted words in ``fragments``); ``speaker`` is the span naming the source in the text and
    ``speaker_entity`` the id of the canonical :class:`Entity` it resolves to, if any;
    ``speaker_method`` says how that entity was found.
    """

    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None
    speaker_name: str | None = None
    fragments: tuple[Span, ...] = attrs.field(default=(), repr=False)
    confidence: float = attrs.field(default=1.0, repr=False)
    segment: SegmentKind | None = attrs.field(default=None, repr=False)
    speaker_method: SpeakerMethod | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class TimeExpression:
    """A time expression with its TIMEX3 type and value.

    ``value`` follows TIMEX3 (``2025-08-06``, ``2025-W32``, ``P4Y``, ``PRESENT_REF``, ...);
    ``start``/``end`` give the interval a calendar value denotes (end exclusive), and ``anchor``
    says what a relative expression was resolved against (``"published"``, ``"reference"`` or
    the id of an earlier expression).
    """

    id: str
    span: Span
    type: TimexType
    value: str | None
    mod: TimexMod | None = None
    start: _dt.datetime | None = attrs.field(default=None, repr=False)
    end: _dt.datetime | None = attrs.field(default=None, repr=False)
    anchor: str | None = attrs.field(default=None, repr=False)
    granularity: Granularity | None = attrs.field(default=None, repr=False)
    quant: str | None = attrs.field(default=None, repr=False)
    freq: str | None = attrs.field(default=None, repr=False)
    segment: SegmentKind | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class Slot:
    """A filled role of a deadline frame: the span and, when resolved, an entity id."""

    span: Span
    entity: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class Deadline:
    """Who must do what by when, set by whom, and what follows if not.

    ``due`` is the time expression or event anchor the deadline runs to; ``due_value`` its
    resolved TIMEX3 value (``None`` for an event anchor with no date), and ``due_start`` /
    ``due_end`` the interval within which the limit falls.
    """

    trigger: Span | None
    due: Span | None
    due_value: str | None
    bound: Bound
    due_time: str | None = attrs.field(default=None, repr=False)
    due_start: _dt.datetime | None = attrs.field(default=None, repr=False)
    due_end: _dt.datetime | None = attrs.field(default=None, repr=False)
    duration: Span | None = attrs.field(default=None, repr=False)
    duration_value: str | None = attrs.field(default=None, repr=False)
    set_by: Slot | None = None
    party: Slot | None = None
    demand: Slot | None = None
    consequence: Slot | None = None
    event_anchor: Span | None = attrs.field(default=None, repr=False)
    status: DeadlineStatus = DeadlineStatus.UNKNOWN
    confidence: float = attrs.field(default=1.0, repr=False)
    segment: SegmentKind | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class ParseWarning:
    """A caveat about how the article was parsed (markup found, not English, ...)."""

    code: WarningCode
    message: str
    span: Span | None = None


@attrs.frozen(kw_only=True)
class HeaderAuthor:
    """An author as the header block gives it: the name and, if the byline gives one, the
    affiliation ("Reuters")."""

    name: str
    affiliation: str | None = None


@attrs.frozen(kw_only=True)
class HeaderTime:
    """A published or updated time as the header block gives it: the value, the text it was
    read from, whether it is approximate or relative, and where it was read."""

    value: _dt.datetime
    text: str
    approximate: bool = False
    relative: bool = False
    source: TimeSource = TimeSource.TEXT


@attrs.frozen(kw_only=True)
class Header:
    """The few fields most readers want, at the top of :meth:`Article.to_dict`. Derived from
    the segments, the byline and the warnings (:attr:`Article.header`), never stored apart."""

    title: str | None = None
    standfirst: str | None = None
    authors: tuple[HeaderAuthor, ...] = ()
    published: HeaderTime | None = None
    updated: HeaderTime | None = None
    language_warnings: tuple[ParseWarning, ...] = ()


def _header_time(time: PublishedTime | None) -> HeaderTime | None:
    if time is None:
        return None
    return HeaderTime(value=time.value, text=time.span.text, approximate=time.approximate,
                      relative=time.relative, source=time.source)


@attrs.frozen(kw_only=True)
class Failure:
    """An item of a batch that could not be parsed, in place of its :class:`Article`
    (``parse_articles(..., errors="record")``): its position in the input, its id, the name of
    the error type and the error's message."""

    index: int
    id: str | None
    error: str
    message: str


@attrs.frozen(kw_only=True)
class MetadataItem:
    """One value the page's markup states about the article, with where it was read.

    ``key`` names the exact place (``"NewsArticle.headline"``, ``"og:title"``,
    ``"article:published_time"``, ``"meta[name=author]"``, ``"time[datetime]"``, ``"h1"``,
    ``"link[rel=canonical]"``); ``kind`` is the JSON-LD ``@type`` of the value where one is
    given (``"Person"``, ``"Organization"``); ``span`` is where the rendered text shows the
    element (an ``<h1>``, a ``<time>``), if it does.
    """

    field: MetadataField
    value: str
    source: MetadataSource
    key: str
    kind: str | None = None
    span: Span | None = None


@attrs.frozen(kw_only=True)
class PageMetadata:
    """What a page's markup says about its article (JSON-LD, OpenGraph, ``article:*`` and
    author meta tags, ``<time datetime>``, ``<h1>``, the canonical link), item by item in
    the order read; ``url`` is the address the caller gave."""

    items: tuple[MetadataItem, ...] = ()
    url: str | None = None

    def values(self, field: MetadataField) -> tuple[str, ...]:
        """The distinct values stated for ``field``, in the order read."""
        return tuple(dict.fromkeys(i.value for i in self.items if i.field is field))

    @property
    def headline(self) -> str | None:
        """The first headline stated (JSON-LD before OpenGraph before ``<h1>``)."""
        return next(iter(self.values(MetadataField.HEADLINE)), None)

    @property
    def canonical_url(self) -> str | None:
        """The page's canonical URL, else its ``og:url``, else the URL the caller gave."""
        return next(iter(self.values(MetadataField.URL)), self.url)


@attrs.frozen(kw_only=True)
class Article:
    """Everything newsstruct reads from one article. ``text`` is the input, unchanged."""

    text: str = attrs.field(repr=False)
    reference_date: _dt.datetime
    segments: tuple[Segment, ...] = attrs.field(default=(), repr=False)
    byline: Byline | None = attrs.field(default=None, repr=False)
    entities: tuple[Entity, ...] = attrs.field(default=(), repr=False)
    quotes: tuple[Quote, ...] = attrs.field(default=(), repr=False)
    times: tuple[TimeExpression, ...] = attrs.field(default=(), repr=False)
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), repr=False)
    warnings: tuple[ParseWarning, ...] = attrs.field(default=(), repr=False)
    model: str | None = attrs.field(default=None, repr=False)
    id: str | None = attrs.field(default=None, repr=False)
    metadata: PageMetadata | None = attrs.field(default=None, repr=False)

    # -- convenience views -------------------------------------------------------------

    def _first(self, kind: SegmentKind) -> Span | None:
        for seg in self.segments:
            if seg.kind is kind:
                return seg.span
        return None

    def _all(self, kind: SegmentKind) -> tuple[Span, ...]:
        return tuple(seg.span for seg in self.segments if seg.kind is kind)

    @property
    def title(self) -> Span | None:
        """The headline."""
        return self._first(SegmentKind.TITLE)

    @property
    def standfirst(self) -> Span | None:
        """The summary paragraph under the headline."""
        return self._first(SegmentKind.STANDFIRST)

    @property
    def dateline(self) -> Span | None:
        """The dateline ("LONDON 1996-08-30", "WASHINGTON (Reuters) -")."""
        return self._first(SegmentKind.DATELINE)

    @property
    def authors(self) -> tuple[Author, ...]:
        """The byline's authors."""
        return self.byline.authors if self.byline else ()

    @property
    def published(self) -> PublishedTime | None:
        """When the article was published, as the text says."""
        return self.byline.published if self.byline else None

    @property
    def header(self) -> Header:
        """Title, standfirst, authors, published and updated times and language warnings,
        read off the segments, byline and warnings (the block at the top of the JSON)."""
        by = self.byline
        return Header(
            title=self.title.text if self.title else None,
            standfirst=self.standfirst.text if self.standfirst else None,
            authors=tuple(HeaderAuthor(name=a.name, affiliation=a.affiliation)
                          for a in self.authors),
            published=_header_time(by.published if by else None),
            updated=_header_time(by.updated if by else None),
            language_warnings=tuple(w for w in self.warnings
                                    if w.code is WarningCode.NON_ENGLISH),
        )

    @property
    def headings(self) -> tuple[Span, ...]:
        """Section headings inside the body."""
        return self._all(SegmentKind.HEADING)

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        """Body paragraphs (the standfirst is not one of them)."""
        return self._all(SegmentKind.PARAGRAPH)

    @property
    def boilerplate(self) -> tuple[Segment, ...]:
        """Every boilerplate segment, with its kind."""
        return tuple(seg for seg in self.segments if seg.is_boilerplate)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    # -- serialisation -------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, the :class:`Header` block first (under ``"header"``), then
        every field; :meth:`from_dict` rebuilds an equal article."""
        data = to_data(self)
        assert isinstance(data, dict)
        return {"header": to_data(self.header), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output.

        Data that is not what :meth:`to_dict` gives (a missing or mistyped field, a value out
        of its vocabulary) raises :class:`~newsstruct.errors.InconsistentDataError`, and so
        does a header block that disagrees with the segments, byline and warnings (it is
        derived data)."""
        from newsstruct.errors import InconsistentDataError

        if not isinstance(data, dict):
            raise InconsistentDataError(f"an article is a JSON object, not {type(data).__name__}")
        try:
            article: Article = from_data(cls, data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InconsistentDataError(
                f"not an article as to_dict gives it: {type(exc).__name__}: {exc}") from exc
        given = data.get("header")
        if given is not None:
            derived = to_data(article.header)
            if given != derived:
                given = given if isinstance(given, dict) else {}
                keys = sorted(k for k in derived.keys() | given.keys()
                              if given.get(k) != derived.get(k)) or ["its shape"]
                raise InconsistentDataError(
                    "the header block disagrees with the segments, byline and warnings on "
                    + ", ".join(keys))
        return article

    def to_json(self, *, indent: int | None = None) -> str:
        """The article as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an article from :meth:`to_json` output (text that is not JSON raises
        :class:`~newsstruct.errors.InconsistentDataError`)."""
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, TypeError) as exc:
            from newsstruct.errors import InconsistentDataError

            raise InconsistentDataError(f"not JSON: {exc}") from exc
        return cls.from_dict(data)

    def to_records(self, kind: str) -> list[dict[str, Any]]:
        """Flat rows (one dict a record) for ``entities``, ``quotes``, ``times``,
        ``deadlines``, ``segments`` or ``mentions``: ready for a table, every value of the
        records in a column (see :func:`newsstruct.render.records`)."""
        from newsstruct.render import records

        return records(self, kind)

    def to_dataframe(self, kind: str) -> Any:
        """:meth:`to_records` as a pandas DataFrame (needs the ``pandas`` extra)."""
        from newsstruct.render import dataframe

        return dataframe(self, kind)

    def table(self, kind: str) -> RecordTable:
        """The records of ``kind`` as a sequence that Jupyter shows as a table."""
        from newsstruct.render import table

        return table(self, kind)

    def summary(self) -> str:
        """A readable plain-text summary."""
        from newsstruct.render import summary

        return summary(self)

    def _repr_html_(self) -> str:
        from newsstruct.render import article_html

        return article_html(self)

    def __repr__(self) -> str:
        title = self.title.text if self.title else None
        names = [a.name for a in self.authors]
        pub = self.published.value.isoformat() if self.published else None
        return (
            f"Article(title={title!r}, authors={names!r}, published={pub!r}, "
            f"segments={len(self.segments)}, entities={len(self.entities)}, "
            f"quotes={len(self.quotes)}, times={len(self.times)}, "
            f"deadlines={len(self.deadlines)})"
        )


# --------------------------------------------------------------------------- conversion


def to_data(obj: Any) -> Any:
    """Convert a record (or tuple, enum, datetime, scalar) into JSON-ready data."""
    if attrs.has(type(obj)):
        return {f.name: to_data(getattr(obj, f.name)) for f in attrs.fields(type(obj))}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, _dt.datetime | _dt.date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [to_data(x) for x in obj]
    return obj


def _hints(cls: type) -> dict[str, Any]:
    module = sys.modules[cls.__module__]
    return typing.get_type_hints(cls, vars(module))


def from_data(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` from :func:`to_data` output."""
    origin = typing.get_origin(tp)
    if origin in (Union, _types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        return from_data(members[0], data)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], x) for x in data)
        return tuple(from_data(a, x) for a, x in zip(args, data, strict=True))
    if isinstance(tp, type) and attrs.has(tp):
        hints = _hints(tp)
        kwargs = {
            f.name: from_data(hints[f.name], data[f.name])
            for f in attrs.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is _dt.datetime:
        return _dt.datetime.fromisoformat(data)
    if tp is _dt.date:
        return _dt.date.fromisoformat(data)
    return data


def iter_spans(obj: Any) -> Iterator[Span]:
    """Every :class:`Span` held anywhere inside a record (depth first)."""
    if isinstance(obj, Span):
        yield obj
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            yield from iter_spans(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for x in obj:
            yield from iter_spans(x)
