"""A page's own metadata, read from its parsed markup (a resiliparse DOM): JSON-LD article records
(``NewsArticle``, ``Article``, ``ReportageNewsArticle`` and the other article types, also
inside ``@graph``), OpenGraph and ``article:*`` meta tags, ``<meta name="author">``,
``<time datetime>``, ``<h1>`` and the canonical link.

Every item keeps where it was read (:class:`~newsstruct.types.MetadataItem`); nothing here
decides what the article's title, authors or date are: :mod:`newsstruct.evidence` weighs the
items against the rendered text.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsstruct.types import MetadataField, MetadataItem, MetadataSource

if TYPE_CHECKING:
    from resiliparse.parse.html import ElementNode

__all__ = ["ARTICLE_TYPES", "read_metadata"]

LOGGER = logging.getLogger(__name__)

#: JSON-LD ``@type`` values of an article record (schema.org's Article and its news kinds).
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "BlogPosting",
    "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
})
#: Longest JSON-LD block read (characters); longer blocks are skipped.
MAX_JSON_LD = 2_000_000
#: Longest value kept (characters).
MAX_VALUE = 1_000
#: At most this many items of one kind (``<time>`` elements, authors) are kept.
MAX_ITEMS = 50

_OG = {
    "og:title": MetadataField.HEADLINE,
    "og:site_name": MetadataField.SITE_NAME,
    "og:url": MetadataField.URL,
}
_ARTICLE = {
    "article:published_time": MetadataField.PUBLISHED,
    "article:modified_time": MetadataField.MODIFIED,
    "article:author": MetadataField.AUTHOR,
    "article:section": MetadataField.SECTION,
    "article:publisher": MetadataField.PUBLISHER,
}
_JSON_LD_FIELDS = {
    "headline": MetadataField.HEADLINE,
    "datePublished": MetadataField.PUBLISHED,
    "dateModified": MetadataField.MODIFIED,
    "url": MetadataField.URL,
    "articleSection": MetadataField.SECTION,
}


def _clean(value: object) -> str | None:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    text = " ".join(str(value).split())
    return text[:MAX_VALUE] if text else None


def _selector() -> str:
    metas = [f'meta[{attr}^="{prefix}" i]' for prefix in ("og:", "article:", "author")
             for attr in ("property", "name")]
    return ", ".join(['script[type*="ld+json" i]', *metas, "link[rel~=canonical i]",
                      "time[datetime]", "h1"])


#: The elements :func:`read_metadata` reads, as a CSS selector list (the caller may find them
#: in the same pass over the page as others).
SELECTOR = _selector()


def read_metadata(
    elements: Iterable[ElementNode],
) -> tuple[list[MetadataItem], list[tuple[ElementNode, MetadataItem]]]:
    """The items of the elements that :data:`SELECTOR` matches, in document order (others
    are passed over): the JSON-LD, meta-tag and canonical-link items (JSON-LD first); and the
    ``<time datetime>`` and ``<h1>`` elements with their items (the caller finds their spans
    in the rendered text, and drops those it does not show)."""
    found: dict[str, list[ElementNode]] = {}
    shown: list[ElementNode] = []
    for el in elements:
        tag = el.tag or ""
        found.setdefault(tag, []).append(el)
        if tag in ("time", "h1"):
            shown.append(el)
    items = list(_json_ld(found.get("script", [])))
    items += _meta_tags(found.get("meta", []))
    for link in found.get("link", []):
        href = _clean(link.getattr("href"))
        if "canonical" in (link.getattr("rel") or "").lower().split() and href:
            items.append(MetadataItem(field=MetadataField.URL, value=href,
                                      source=MetadataSource.CANONICAL, key="link[rel=canonical]"))
            break
    # the canonical link before og:url
    items.sort(key=lambda i: (i.field is MetadataField.URL
                              and i.source is not MetadataSource.CANONICAL))
    return items, _element_items(shown)


# --------------------------------------------------------------------------- JSON-LD


def _json_ld(scripts: list[ElementNode]) -> Iterator[MetadataItem]:
    for script in scripts:
        if (script.getattr("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > MAX_JSON_LD:
            continue
        try:
            data = json.loads(raw.strip().rstrip(";"), strict=False)
        except (ValueError, RecursionError) as exc:
            LOGGER.debug("JSON-LD block skipped: %s", exc)
            continue
        for record in _records(data, 0):
            yield from _record_items(record)


def _types(record: dict[str, Any]) -> set[str]:
    t = record.get("@type")
    names = t if isinstance(t, list) else [t]
    return {n.rsplit("/", 1)[-1] for n in names if isinstance(n, str)}


def _records(data: object, depth: int) -> Iterator[dict[str, Any]]:
    """Article records in a JSON-LD value: top level, in lists, in ``@graph`` and in
    ``mainEntity`` / ``mainEntityOfPage`` (a few levels deep)."""
    if depth > 4:
        return
    if isinstance(data, list):
        for x in data[:MAX_ITEMS]:
            yield from _records(x, depth + 1)
    elif isinstance(data, dict):
        if _types(data) & ARTICLE_TYPES:
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _records(data[key], depth + 1)


def _record_items(record: dict[str, Any]) -> Iterator[MetadataItem]:
    kind = sorted(_types(record) & ARTICLE_TYPES)[0]
    for key, field in _JSON_LD_FIELDS.items():
        for value in _values(record.get(key)):
            yield MetadataItem(field=field, value=value, source=MetadataSource.JSON_LD,
                               key=f"{kind}.{key}")
    for key, field in (("author", MetadataField.AUTHOR), ("creator", MetadataField.AUTHOR),
                       ("publisher", MetadataField.PUBLISHER)):
        for name, who in _parties(record.get(key)):
            yield MetadataItem(field=field, value=name, source=MetadataSource.JSON_LD,
                               key=f"{kind}.{key}", kind=who)


def _values(value: object) -> Iterator[str]:
    for v in value[:MAX_ITEMS] if isinstance(value, list) else [value]:
        if isinstance(v, dict):
            v = v.get("@value", v.get("@id"))
        text = _clean(v)
        if text:
            yield text


def _parties(value: object) -> Iterator[tuple[str, str | None]]:
    """``(name, @type)`` of each person or organisation in an author / publisher value."""
    for v in value[:MAX_ITEMS] if isinstance(value, list) else [value]:
        if isinstance(v, dict):
            types = sorted(_types(v))
            name = _clean(v.get("name"))
            if name is None and isinstance(v.get("name"), list):
                name = next(_values(v["name"]), None)
            if name:
                yield name, types[0] if types else None
        else:
            name = _clean(v)
            if name:
                yield name, None


# --------------------------------------------------------------------------- markup


def _meta_tags(metas: list[ElementNode]) -> Iterator[MetadataItem]:
    for meta in metas:
        prop = (meta.getattr("property") or meta.getattr("name") or "").strip().lower()
        if prop not in _OG and prop not in _ARTICLE and prop != "author":
            continue
        content = _clean(meta.getattr("content"))
        if content is None:
            continue
        if prop in _OG:
            yield MetadataItem(field=_OG[prop], value=content,
                               source=MetadataSource.OPEN_GRAPH, key=prop)
        elif prop in _ARTICLE:
            yield MetadataItem(field=_ARTICLE[prop], value=content,
                               source=MetadataSource.ARTICLE_META, key=prop)
        elif prop == "author":
            yield MetadataItem(field=MetadataField.AUTHOR, value=content,
                               source=MetadataSource.META, key="meta[name=author]")


def _element_items(elements: list[ElementNode]) -> list[tuple[ElementNode, MetadataItem]]:
    out: list[tuple[ElementNode, MetadataItem]] = []
    times = heads = 0
    for el in elements:
        if el.tag == "time" and times < MAX_ITEMS and el.hasattr("datetime"):
            times += 1
            value = _clean(el.getattr("datetime"))
            if value:
                prop = (el.getattr("itemprop") or "").strip()
                field = (MetadataField.MODIFIED if prop == "dateModified"
                         else MetadataField.PUBLISHED)
                key = f"time[itemprop={prop}]" if prop else "time[datetime]"
                out.append((el, MetadataItem(field=field, value=value,
                                             source=MetadataSource.TIME_ELEMENT, key=key)))
        elif el.tag == "h1" and heads < MAX_ITEMS:
            heads += 1
            text = _clean(el.text)
            if text:
                out.append((el, MetadataItem(field=MetadataField.HEADLINE, value=text,
                                             source=MetadataSource.H1, key="h1")))
    return out
