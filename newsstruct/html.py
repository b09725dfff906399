"""``parse_html``: a saved page in, an :class:`~newsstruct.Article` out.

The page is parsed and rendered to text with its visual line structure by resiliparse (block
elements, list items, table rows and ``<br>`` become lines; the ``html`` extra installs it).
Script, style, noscript and template content, form controls, embedded media, images, and
elements hidden by ``hidden``, ``aria-hidden="true"`` or an inline ``display: none`` are left
out; every other text node reaches the rendered text, whose lines are stripped and whose runs
of spaces and of blank lines are collapsed to one. That text is ``Article.text``: every
offset of the article is an offset into it, as for :func:`~newsstruct.parse_article`.

The page's metadata (:mod:`newsstruct.metadata`) is kept in ``Article.metadata`` and weighed
as evidence for the title, the authors and the published time (:mod:`newsstruct.evidence`).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import attrs

from newsstruct import article as _article
from newsstruct import byline as _byline
from newsstruct import evidence as _evidence
from newsstruct import layout as _layout
from newsstruct import metadata as _metadata
from newsstruct import pipeline as _pipeline
from newsstruct.errors import (
    HTMLRenderError,
    HTMLTooLargeError,
    InvalidInputError,
    MissingDependencyError,
    NotHTMLError,
    UndecodableHTMLError,
)
from newsstruct.types import (
    Article,
    Byline,
    PageMetadata,
    ParseWarning,
    Segment,
    Span,
    WarningCode,
)

if TYPE_CHECKING:
    from resiliparse.parse.html import DocumentNode, ElementNode, HTMLTree
    from spacy.language import Language

__all__ = ["DEFAULT_MAX_HTML_CHARS", "RenderedPage", "decode_html", "looks_like_html",
           "parse_header", "parse_html", "read_header", "render_html"]

#: Longest markup accepted by default (characters, or bytes before decoding).
DEFAULT_MAX_HTML_CHARS = 20_000_000
#: Share of replaced characters above which bytes are not text in any encoding.
MAX_REPLACED = 0.05

#: At most this many ``<h1>`` and ``<time>`` elements are placed in the rendered text.
MAX_MARKS = 2 * _metadata.MAX_ITEMS
_TAG = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|a|article|section|main|script"
    rb"|style|table|br|h[1-6]|ul|ol|li|img|link|header|footer|nav)[\s/>]", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: Images are left out (their alternative text is not shown; a figure's caption is).
_SKIPPED = ("img", "area", "input")
#: The elements looked at before rendering: those read for metadata, those that may be
#: hidden, and ``<noscript>`` blocks (one pass over the page).
_SELECTOR = (f'{_metadata.SELECTOR}, [hidden], [aria-hidden*="true" i], '
             '[style*="display" i][style*="none" i], noscript')
#: An element's content is placed between ``_START + id`` and ``_END + id`` in the rendered
#: text (noncharacters, so none is the page's own: those are replaced first).
_START, _END, _FIRST_ID = "\ufdd0", "\ufdd1", 0xE000
#: The bullet of a list item at each level of nesting (then again from the first).
_BULLETS = ("*", "+", "o", "-")
_SPACES = re.compile(" {2,}")
#: A span's opening and closing tags, padded with a space outside (one scan of the markup).
_SPAN_TAG = re.compile("<(?:span|/span>)")
_SPAN_PADDED = {"<span": " <span", "</span>": "</span> "}
_SPAN_TAG_BYTES = re.compile(b"<(?:span|/span>)")
_SPAN_PADDED_BYTES = {b"<span": b" <span", b"</span>": b"</span> "}
_MARKS = re.compile("([\ufdd0\ufdd1])(.)", re.DOTALL)
_DISPLAY_NONE = re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.IGNORECASE)
_BINARY = (b"\x1f\x8b", b"%PDF", b"\x89PNG", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff")
#: Encodings that write ASCII as ASCII, one byte a character (and no other byte as ASCII).
_ASCII_BYTES = ("utf-8", "cp125", "iso8859-", "koi8-")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


@attrs.frozen(kw_only=True)
class RenderedPage:
    """A page rendered to text: the text, its metadata and the caveats met on the way."""

    text: str
    metadata: PageMetadata
    warnings: tuple[ParseWarning, ...] = ()


# --------------------------------------------------------------------------- input


def looks_like_html(data: str | bytes) -> bool:
    """Whether the start of ``data`` holds an HTML tag (``<html``, ``<p>``, ``<div ...``)."""
    head = data[:65536]
    raw = head.encode("utf-8", "replace") if isinstance(head, str) else head.replace(b"\0", b"")
    return _TAG.search(raw) is not None


def _declared(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:16384])
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a byte stream without a BOM is not UTF-16, whatever it says
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # what browsers read for these labels
    return name


def decode_html(data: bytes) -> tuple[str, list[ParseWarning]]:
    """Bytes to text: the encoding from the byte-order mark, else the ``<meta charset>``, else
    UTF-8, else Windows-1252; bytes no encoding reads become U+FFFD (with a warning).

    Raises:
        UndecodableHTMLError: the bytes are binary, or not text in any of these encodings.
    """
    return _decode(data, pad=False)


def _pad_spans(markup: str) -> str:
    """A span's content is a word of its own, as a reader sees it beside its neighbours."""
    return _SPAN_TAG.sub(lambda m: _SPAN_PADDED[m[0]], markup)


def _decode(data: bytes, *, pad: bool) -> tuple[str, list[ParseWarning]]:
    """:func:`decode_html`, with the span tags padded (:func:`_pad_spans`) when ``pad``: in
    the bytes where an encoding writes ASCII as ASCII in single bytes (a cheaper scan)."""
    if data.startswith(_BINARY):
        raise NotHTMLError("the data is a binary file (compressed, PDF or image), not HTML")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise UndecodableHTMLError(f"the data opens with a {name} mark but is not "
                                           f"{name}: {exc}") from None
            return (_pad_spans(text) if pad else text), []
    if b"\0" in data and data.count(b"\0") > len(data) // 100:
        raise UndecodableHTMLError("the data holds NUL bytes: binary, or UTF-16 without a mark")
    declared = _declared(data)
    for name in dict.fromkeys(n for n in (declared, "utf-8", "cp1252") if n):
        try:
            if pad and name.startswith(_ASCII_BYTES):
                return _SPAN_TAG_BYTES.sub(lambda m: _SPAN_PADDED_BYTES[m[0]],
                                           data).decode(name), []
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return (_pad_spans(text) if pad else text), []
    name = declared or "utf-8"
    text = data.decode(name, "replace")
    bad = text.count("\ufffd")
    if bad > MAX_REPLACED * max(1, len(text)):
        raise UndecodableHTMLError(f"{bad:,} of {len(text):,} characters cannot be read as "
                                   f"{name} or any fallback encoding")
    warning = ParseWarning(code=WarningCode.ENCODING, message=(
        f"{bad:,} bytes are not {name}: they were replaced by U+FFFD"))
    return (_pad_spans(text) if pad else text), [warning]


def _check(html: object, max_html_chars: int | None) -> tuple[str, list[ParseWarning]]:
    """The markup as text, its span tags padded (:func:`_pad_spans`), and the caveats."""
    if not isinstance(html, str | bytes | bytearray):
        raise InvalidInputError(f"html must be a str or bytes, not {type(html).__name__}")
    if max_html_chars is not None and len(html) > max_html_chars:
        raise HTMLTooLargeError(f"the page has {len(html):,} characters of markup, more than "
                                f"max_html_chars={max_html_chars:,}")
    warnings: list[ParseWarning] = []
    head = bytes(html[:65536]) if isinstance(html, bytearray) else html[:65536]
    if isinstance(html, bytes | bytearray):
        html, warnings = _decode(bytes(html), pad=True)
    if not looks_like_html(head):
        raise NotHTMLError("the input holds no HTML tag: for plain text use parse_article")
    return (_pad_spans(html) if isinstance(head, str) else html), warnings


# --------------------------------------------------------------------------- tree


def _parse_tree(html: str) -> tuple[HTMLTree, list[ParseWarning]]:
    try:
        from resiliparse.parse.html import HTMLTree
    except ImportError as exc:  # pragma: no cover - the extra is installed in development
        raise MissingDependencyError(
            "parse_html needs the html extra: pip install 'newsstruct[html]'") from exc
    if _START in html or _END in html:  # they place marks in the rendered text
        html = html.replace(_START, "\ufffd").replace(_END, "\ufffd")
    try:
        tree = HTMLTree.parse(html)
    except Exception as exc:
        raise NotHTMLError(f"the markup holds no document: {exc}") from exc
    warnings: list[ParseWarning] = []
    if _truncated(html):
        warnings.append(ParseWarning(code=WarningCode.TRUNCATED_MARKUP, message=(
            "the markup ends inside a tag or before the document's closing tags: the page "
            "may be cut short")))
    body = tree.body
    if body is None or body.tag != "body":
        warnings.append(ParseWarning(code=WarningCode.NO_HTML_BODY, message=(
            "the page has no <body>: the text is what the parser found outside it")))
    return tree, warnings


def _truncated(html: str) -> bool:
    tail = html[-8192:].rstrip()[-4096:].lower()
    if tail.rfind("<") > tail.rfind(">"):
        return True  # ends inside a tag
    head = html[:4096].lower()
    return ("<body" in head or "<html" in head) and "</body" not in tail and "</html" not in tail


def _hidden(el: ElementNode) -> bool:
    if el.hasattr("hidden"):
        return True
    if (el.getattr("aria-hidden") or "").strip().lower() == "true":
        return True
    return _DISPLAY_NONE.search(el.getattr("style") or "") is not None


def _hide(elements: list[ElementNode]) -> None:
    """Take the hidden elements out of the tree; a page hidden as a whole until its scripts
    run (a hidden ``<html>`` or ``<body>``) is shown."""
    for el in elements:
        if not _hidden(el):
            continue
        if el.tag in ("html", "body"):
            for name in ("hidden", "aria-hidden", "style"):
                if el.hasattr(name):
                    el.delattr(name)
        elif el.parent is not None:
            el.parent.remove_child(el)


def _noscript_shown(elements: list[ElementNode], rendered: str) -> bool:
    """Whether the ``<noscript>`` blocks are shown: on a page whose ``<noscript>`` blocks hold
    more text than all the rest, a page written by its scripts, whose only readable text is
    what it shows a reader without them."""
    blocks = [el for el in elements if el.tag == "noscript"]
    return bool(blocks) and sum(len((el.text or "").strip()) for el in blocks) > len(
        rendered.strip())


# --------------------------------------------------------------------------- rendering


def _render(tree: HTMLTree, noscript: bool) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    try:
        return extract_plain_text(
            tree, preserve_formatting=True, main_content=False, list_bullets=True,
            alt_texts=True, links=False, form_fields=False, noscript=noscript, comments=True,
            skip_elements=list(_SKIPPED))
    except Exception as exc:
        raise HTMLRenderError(f"the page could not be rendered: {exc!r}") from exc


def _mark(doc: DocumentNode, elements: list[ElementNode]) -> None:
    """Put the marks of each element around its content (:func:`_unmark` reads them)."""
    for k, el in enumerate(elements):
        el.prepend(doc.create_text_node(_START + chr(_FIRST_ID + k)))
        el.append(doc.create_text_node(_END + chr(_FIRST_ID + k)))


def _unmark(raw: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """The rendered text without its marks, and the range between each element's marks."""
    out: list[str] = []
    found: dict[int, list[int]] = {}
    pos = size = 0
    for m in _MARKS.finditer(raw):
        out.append(raw[pos:m.start()])
        size += m.start() - pos
        pos = m.end()
        k = ord(m.group(2)) - _FIRST_ID
        if m.group(1) == _START:
            found.setdefault(k, [size, size])
        elif k in found:
            found[k][1] = size
    out.append(raw[pos:])
    return "".join(out), {k: (a, b) for k, (a, b) in found.items()}


def _tidy(raw: str, offsets: list[int]) -> tuple[str, dict[int, int]]:
    """Lines stripped, runs of spaces and of blank lines collapsed to one, a list item's
    bullet written by its level (:data:`_BULLETS`); and where each of ``offsets`` (into
    ``raw``) falls in the result."""
    out: list[str] = []
    wanted = sorted(set(offsets))
    wanted.append(len(raw) + 1)  # past every line: the next offset to place
    placed: dict[int, int] = {}
    w = pos = size = 0
    sep = ""  # what goes before the next kept line
    for line in raw.split("\n"):
        end = pos + len(line)
        core = line.strip()
        if core:
            if core.startswith("\u2022 ") or wanted[w] <= end:
                lead = len(line) - len(line.lstrip())
                if core.startswith("\u2022 "):  # a list item, indented two spaces a level
                    core = _BULLETS[max(0, lead // 2 - 1) % len(_BULLETS)] + core[1:]
                while wanted[w] <= end:
                    col = min(max(wanted[w] - pos - lead, 0), len(core))
                    if "  " in core:  # the column once the runs of spaces before it collapse
                        col = len(_SPACES.sub(" ", core[:col] + "x")) - 1
                    placed[wanted[w]] = size + len(sep) + col
                    w += 1
            if "  " in core:
                core = _SPACES.sub(" ", core)
            out.append(sep + core)
            size += len(out[-1])
            sep = "\n"
        else:
            if out:
                sep = "\n\n"
            while wanted[w] <= end:
                placed[wanted[w]] = size
                w += 1
        pos = end + 1
    return "".join(out), placed


def render_html(html: str | bytes, *, url: str | None = None,
                max_html_chars: int | None = DEFAULT_MAX_HTML_CHARS) -> RenderedPage:
    """Render a page to lined text and read its metadata, without the language stages.

    Raises:
        newsstruct.errors.NewsstructError: :class:`~newsstruct.errors.NotHTMLError`,
            :class:`~newsstruct.errors.UndecodableHTMLError`,
            :class:`~newsstruct.errors.HTMLTooLargeError` or
            :class:`~newsstruct.errors.InvalidInputError` for the input.
    """
    markup, warnings = _check(html, max_html_chars)
    tree, found = _parse_tree(markup)
    warnings += found
    doc = tree.document
    if doc is None:  # pragma: no cover - the parser always makes a document
        raise HTMLRenderError("the page could not be parsed into a document")
    elements = doc.query_selector_all(_SELECTOR).values()
    items, marked = _metadata.read_metadata(elements)
    marked = marked[:MAX_MARKS]
    _hide(elements)
    _mark(doc, [el for el, _ in marked])
    rendered = _render(tree, noscript=False)
    if _noscript_shown(elements, rendered):
        rendered = _render(tree, noscript=True)
    raw, ranges = _unmark(rendered.replace("\xa0", " "))
    text, placed = _tidy(raw, [o for pair in ranges.values() for o in pair])
    spans: dict[int, Span | None] = {}
    for k, (start, end) in ranges.items():
        a, b = placed[start], placed[end]
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        spans[k] = Span.of(text, a, b) if b > a else None
    # an element the page does not show (hidden, in a script's or a form's place) is no item
    shown = [attrs.evolve(item, span=spans[k]) for k, (_, item) in enumerate(marked)
             if k in spans]
    return RenderedPage(text=text, metadata=PageMetadata(items=tuple(items + shown), url=url),
                        warnings=tuple(warnings))


# --------------------------------------------------------------------------- parse_html


def parse_header(
    html: str | bytes,
    *,
    url: str | None = None,
    reference_date: _article.ReferenceDate = None,
    max_html_chars: int | None = DEFAULT_MAX_HTML_CHARS,
) -> tuple[RenderedPage, tuple[Segment, ...], Byline | None]:
    """The layout and byline stages alone on a page (no spaCy pass): the rendered page, its
    segments and its byline, with the metadata weighed in as :func:`parse_html` does.
    ``reference_date`` defaults to the latest absolute date the page shows, else now."""
    page = render_html(html, url=url, max_html_chars=max_html_chars)
    ref = (_article.coerce_reference_date(reference_date) if reference_date is not None
           else _byline.page_reference_date(page.text) or _article.coerce_reference_date(None))
    return (page, *read_header(page, ref))


def read_header(
    page: RenderedPage, reference: dt.datetime
) -> tuple[tuple[Segment, ...], Byline | None]:
    """The segments and byline of a rendered page, with its metadata weighed in."""
    text = page.text
    segments = _evidence.apply_title(text, _layout.segment_text(text), page.metadata)
    by = _evidence.apply_byline(text, segments, _byline.parse_byline(text, segments, reference),
                                page.metadata, reference)
    return segments, by



def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    reference_date: _article.ReferenceDate = None,
    published: _article.ReferenceDate = None,
    model: str | Language | None = None,
    max_chars: int | None = _article.DEFAULT_MAX_CHARS,
    max_html_chars: int | None = DEFAULT_MAX_HTML_CHARS,
    dayfirst: bool | None = None,
) -> Article:
    """Read a saved page's HTML into an :class:`~newsstruct.Article`.

    ``Article.text`` is the page rendered to lined text (see the module's notes), and every
    offset refers to it; ``Article.metadata`` holds what the markup states (JSON-LD, meta
    tags, ``<time>``, ``<h1>``, the canonical link), each item with where it was read. The
    metadata is evidence for the header: the title is the rendered line that the headline
    metadata or the ``<h1>`` names; authors named both in the metadata and in the visible
    byline are preferred; the published time prefers a machine-readable datetime and records
    its source (``PublishedTime.source``).

    Args:
        html: the page, as ``str`` or as ``bytes`` (decoded by :func:`decode_html`).
        url: the page's address, if known (kept in ``Article.metadata.url``).
        reference_date, published, model, max_chars, dayfirst: as for
            :func:`~newsstruct.parse_article`
            (``max_chars`` limits the rendered text).
        max_html_chars: refuse longer markup with
            :class:`~newsstruct.errors.HTMLTooLargeError`.

    Raises:
        newsstruct.errors.NewsstructError: a subclass naming what is wrong with the input
            (not HTML, undecodable, too large, a page that renders to no text).
    """
    page = render_html(html, url=url, max_html_chars=max_html_chars)
    text = _article._check_text(page.text, max_chars)
    reference = _article.coerce_reference_date(reference_date, dayfirst=dayfirst)
    pub = None if published is None else _article.coerce_reference_date(published, "published",
                                                                          dayfirst=dayfirst)
    nlp = _pipeline.load_model(model)
    segments = _evidence.apply_title(text, _layout.segment_text(text), page.metadata)

    def header(by: Byline | None, segs: Any = segments) -> Byline | None:
        return _evidence.apply_byline(text, segs, by, page.metadata, reference)

    doc = _pipeline.run_pipeline(nlp, text, segments)
    art = _article._finish(text, segments, doc, reference, _pipeline.model_name(nlp), None, pub,
                          header=header, reference_given=reference_date is not None)
    return attrs.evolve(art, metadata=page.metadata, warnings=page.warnings + art.warnings)
