"""Layout: split an article's text into labelled segments with offsets.

Every non-whitespace character of the input lies in exactly one :class:`Segment`; a segment's
span starts and ends on non-whitespace characters. Boilerplate is labelled with its kind and
kept. This stage needs no spaCy model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from newsstruct.types import BoilerplateKind, Segment, SegmentKind, Span

__all__ = ["Line", "boilerplate_kind", "is_byline_line", "segment_text", "split_lines"]


@attrs.frozen(slots=True)
class Line:
    """One non-blank line: offsets of its first and last non-space characters (end exclusive),
    and whether a blank line (or the start of the text) comes before it."""

    start: int
    end: int
    text: str
    after_blank: bool


_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with offsets, stripped of surrounding white space."""
    lines: list[Line] = []
    pos = 0
    blank_before = True
    n = len(text)
    while pos <= n:
        m = _LINE_BREAK.search(text, pos)
        stop = m.start() if m else n
        raw = text[pos:stop]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            end = start + len(raw.strip())
            # str.strip and str.isspace agree on what white space is
            lines.append(Line(start, end, text[start:end], blank_before))
            blank_before = False
        else:
            blank_before = True
        if m is None:
            break
        pos = m.end()
    return lines


# --------------------------------------------------------------------------- boilerplate

_BOILERPLATE_PATTERNS: tuple[tuple[BoilerplateKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (BoilerplateKind.COPYRIGHT, r"^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved"),
        (BoilerplateKind.SKIP_LINK, r"^skip to\b"),
        (BoilerplateKind.COOKIE, r"\bcookies?\b.*\b(?:use|accept|consent|policy|settings)\b"),
        (BoilerplateKind.ADVERTISEMENT, r"^(?:advertisement|advertising|sponsored(?: content)?|"
         r"ad|story continues below(?: advertisement)?|continue reading (?:the )?main story)$"),
        (BoilerplateKind.SHARE, r"^(?:share(?: this| on| via|$)|tweet$|email$|print$|"
         r"follow (?:us|@)|share this (?:article|story))"),
        (BoilerplateKind.NEWSLETTER, r"\bnewsletter\b|^sign up\b"),
        (BoilerplateKind.SUBSCRIBE, r"^subscribe\b|\bsubscribers? only\b"),
        (BoilerplateKind.LOGIN, r"^(?:log ?in|sign in|register)\b"),
        (BoilerplateKind.RELATED, r"^(?:related(?: articles?| stories| content)?:?|read more:?|"
         r"recommended(?: for you)?|more from\b|you may also like|most read|trending)"),
        (BoilerplateKind.COMMENTS, r"^(?:\d+\s+)?comments?\b|^leave a (?:comment|reply)"),
        (BoilerplateKind.CREDIT, r"^(?:\(?reporting by\b|\(?editing by\b|\(?additional reporting\b|"
         r"(?:photo|image|picture|video)(?: credit)?s?\s*:|credit\s*:)"),
        (BoilerplateKind.TAGS, r"^(?:tags|topics|filed under)\s*:"),
    )
)

_COPYRIGHT_DETAIL = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:@|©|\(c\))?\s*(?P<year>(?:19|20)\d{2})(?:\s*[-–]\s*(?:19|20)\d{2})?"
    r"[\s,]*(?P<holder>[^.|]{1,80}?)[\s.]*(?:all rights reserved.*)?$",
    re.IGNORECASE,
)


def boilerplate_kind(line: str) -> BoilerplateKind | None:
    """The kind of boilerplate ``line`` is, or ``None`` if it looks like content."""
    s = line.strip()
    if len(s) > 300:
        return None
    for kind, pattern in _BOILERPLATE_PATTERNS:
        if pattern.search(s):
            return kind
    return None


def _details(kind: BoilerplateKind, text: str) -> tuple[tuple[str, str], ...]:
    if kind is BoilerplateKind.COPYRIGHT:
        m = _COPYRIGHT_DETAIL.search(text)
        if m:
            holder = m.group("holder").strip(" ,.-–")
            out = [("year", m.group("year"))]
            if holder:
                out.append(("holder", holder))
            return tuple(out)
    return ()


# --------------------------------------------------------------------------- bylines

_BYLINE = re.compile(
    r"^(?:.{0,60}?\b)?by\s+(?:[A-Z][\w.'’-]*|[A-Z]{2,})(?:\s+[\w.'’-]+){0,8}\s*$"
    r"|^(?:written by|posted by|words by)\b",
    re.IGNORECASE,
)
_RELATIVE_TIME = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b|"
    r"\b(?:yesterday|today)\b",
    re.IGNORECASE,
)


def is_byline_line(line: str) -> bool:
    """Whether ``line`` reads as a byline ("By Jane Doe", "1 month Ago By Nikodem Baran")."""
    s = line.strip()
    if len(s) > 160 or (s.endswith((".", "?", "!")) and not re.search(r"\b[A-Z]\.$", s)):
        return False
    if not _BYLINE.search(s):
        return False
    # "by" must start the line or follow a time / separator, not sit inside a sentence
    m = re.search(r"\bby\b", s, re.IGNORECASE)
    if m is None:
        return True
    before = s[: m.start()].strip(" |·•-–—,")
    return not before or bool(_RELATIVE_TIME.search(before)) or (len(before.split()) <= 3 and (
        before.lower() in {"story", "words", "text", "posted", "written", "published"}
        or any(ch.isdigit() for ch in before)
    ))


# --------------------------------------------------------------------------- classification

_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "'", ":", ";", ",")


def _is_heading_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 14 or len(text) > 120:
        return False
    if text.endswith(_TERMINAL) and not text.endswith("?"):
        return False
    return text[0].isupper() or text[0].isdigit()


def _seg(text: str, kind: SegmentKind, start: int, end: int,
         boilerplate: BoilerplateKind | None = None) -> Segment:
    details = _details(boilerplate, text[start:end]) if boilerplate else ()
    return Segment(kind=kind, span=Span.of(text, start, end), boilerplate=boilerplate,
                   details=details)


def segment_text(text: str) -> tuple[Segment, ...]:
    """Split ``text`` into labelled segments covering every non-space character once."""
    lines = split_lines(text)
    if not lines:
        return ()
    kinds: list[tuple[SegmentKind, BoilerplateKind | None]] = []
    for line in lines:
        bp = boilerplate_kind(line.text)
        if bp is not None:
            kinds.append((SegmentKind.BOILERPLATE, bp))
        elif is_byline_line(line.text):
            kinds.append((SegmentKind.BYLINE, None))
        else:
            kinds.append((SegmentKind.PARAGRAPH, None))

    # title: the first content line that reads as a headline
    title_idx: int | None = None
    for i, (kind, _) in enumerate(kinds):
        if kind is SegmentKind.PARAGRAPH:
            if _is_heading_like(lines[i].text) or (len(lines[i].text) <= 150 and not (
                lines[i].text.endswith(".")
            )):
                title_idx = i
                kinds[i] = (SegmentKind.TITLE, None)
            break

    # standfirst: the first paragraph between the title and a byline that follows it
    byline_idx = next((i for i, k in enumerate(kinds) if k[0] is SegmentKind.BYLINE), None)
    if title_idx is not None and byline_idx is not None and byline_idx > title_idx + 1:
        first = title_idx + 1
        if kinds[first][0] is SegmentKind.PARAGRAPH:
            kinds[first] = (SegmentKind.STANDFIRST, None)

    # section headings: short title-like lines followed by a paragraph, inside the body
    for i, (kind, _) in enumerate(kinds):
        if kind is not SegmentKind.PARAGRAPH or title_idx is None or i <= title_idx:
            continue
        nxt = kinds[i + 1][0] if i + 1 < len(kinds) else None
        if nxt is SegmentKind.PARAGRAPH and _is_heading_like(lines[i].text) and (
            len(lines[i + 1].text) > len(lines[i].text)
        ):
            kinds[i] = (SegmentKind.HEADING, None)

    return _merge_wrapped(text, lines, kinds)


def _merge_wrapped(
    text: str,
    lines: Sequence[Line],
    kinds: Sequence[tuple[SegmentKind, BoilerplateKind | None]],
) -> tuple[Segment, ...]:
    """Build segments; a paragraph line hard-wrapped onto the next (no blank line between,
    the first not ending a sentence, the next starting in lower case) is one segment."""
    out: list[Segment] = []
    i = 0
    while i < len(lines):
        kind, bp = kinds[i]
        start, end = lines[i].start, lines[i].end
        if kind in (SegmentKind.PARAGRAPH, SegmentKind.STANDFIRST):
            while (
                i + 1 < len(lines)
                and kinds[i + 1][0] is SegmentKind.PARAGRAPH
                and not lines[i + 1].after_blank
                and not text[start:end].rstrip().endswith((".", "!", "?", ":", '"', "”"))
                and lines[i + 1].text[:1].islower()
            ):
                i += 1
                end = lines[i].end
        out.append(_seg(text, kind, start, end, bp))
        i += 1
    return tuple(out)
