"""The page a title candidate's features read: its lines counted and their parts, the body's
opening and its words, and the lines special places name (a copy's first line, a wiki's
title, the headline a share line carries)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

import attrs

from newsstruct.layout.cues import _caption_credit, _holds_any
from newsstruct.layout.features import _LETTER, _counts, _Feat, _not_title, _title_like
from newsstruct.layout.marks import _CLOSING, _content_words, _separated_parts

#: The quotes one of which opens the headline in :data:`_COMMENTS_ON`, after a space: a
#: line with none of them, or none of the words it counts comments in (lower-cased:
#: "thought", "comment", "repl", "pon" of "responses"), is not searched.
_SPACED_QUOTES = (" “", ' "', " ‘", " '")
_COMMENTS_ON = re.compile(
    r"\b(?:thoughts?|comments?|responses?|repl(?:y|ies)) (?:on|to) [“\"‘'](.{8,200}?)[”\"’']\s*$",
    re.IGNORECASE)
#: A text whose body starts within this many lines of its top begins with its headline
#: (a copied article rather than a whole page) ...
COPY_TOP = 20
#: ... and has at most this many furniture lines (boilerplate, list items) before the body.
COPY_FURNITURE = 12
#: The opening of the body is its first prose lines, up to this many ...
OPENING_LINES = 3
#: ... and is too short to compare a headline with when it has fewer content words.
OPENING_MIN_WORDS = 8
#: A text with no byline, date or boilerplate line among this many first lines is bare.
BARE_TOP = 15
#: The longest line, in words, taken as a candidate.
CANDIDATE_MAX_WORDS = 40
#: A share line that carries the headline: "Share All sharing options for: <headline>".
CARRIER = re.compile(r"^(?:share|sharing options)\b[^:]{0,40}\bfor:\s+(?=\S)", re.IGNORECASE)
#: A wiki's tagline under the page's title: "From Wikipedia, the free encyclopedia".
WIKI_TAGLINE = re.compile(r"^from (?:wikipedia\b|[\w .'’-]{1,40}\bwiki\b)", re.IGNORECASE)


@attrs.define(slots=True)
class _Page:
    """What the features of every candidate of one page read: line counts, the lines that
    may name others, the opening's words, and the lines special places name."""

    feats: Sequence[_Feat]
    a: int
    seen: dict[str, int]
    #: the lines (as they are and case-folded) that may name another line by a part of theirs
    #: (:func:`_naming_parts`), and their case-folded texts joined by line breaks
    naming: list[tuple[str, str]]
    naming_text: str
    #: the first prose lines of the body (one more than the opening takes) and their words
    opening_lines: list[tuple[int, frozenset[str]]]
    #: the opening's words as every line but those of the opening sees them
    opening: frozenset[str]
    first: int | None
    wiki: int | None
    carried: int | None
    nearest: int | None
    #: ``content[j]``: how many content lines (:func:`_counts`) come before line ``j``
    content: list[int] = attrs.field(factory=list)
    #: no byline, date or boilerplate line among the first :data:`BARE_TOP` lines
    bare: bool = False

    def named(self, key: str) -> bool:
        """Whether a line names the case-folded line ``key`` by a part of its own ("Title |
        Site", "6 thoughts on “Title”"). A part of a line is in its case-folded text: only
        the lines whose text holds ``key`` are split."""
        return key in self.naming_text and any(
            key in _naming_parts(core, low) for core, low in self.naming if key in low)

    def content_between(self, i: int, j: int) -> int:
        """How many content lines lie strictly between lines ``i`` and ``j`` (``i < j``)."""
        last = len(self.content) - 1
        return max(0, self.content[min(max(j, i + 1), last)] - self.content[min(i + 1, last)])


def _line_counts(feats: Sequence[_Feat]) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """How many times each line (case-folded) is on the page, and the lines that may name
    another by a part of theirs (as they are and case-folded)."""
    seen: dict[str, int] = {}
    naming: list[tuple[str, str]] = []
    for f in feats:
        if f.words > CANDIDATE_MAX_WORDS:
            continue
        key = f.core.casefold()
        seen[key] = seen.get(key, 0) + 1
        if _separated(key) or _comments_on(key):
            naming.append((f.core, key))
    return seen, naming


def _separated(key: str) -> bool:
    """Whether the case-folded line ``key`` may be a separated line ("Title | Site")."""
    return "|" in key or " - " in key or ": " in key or "–" in key or "—" in key


def _comments_on(key: str) -> bool:
    """Whether the case-folded line ``key`` may name the headline its comments are on."""
    return ("comment" in key or "thought" in key or "repl" in key or "pon" in key) and (
        _holds_any(key, _SPACED_QUOTES))


def _naming_parts(core: str, key: str) -> tuple[str, ...]:
    """The parts of the line ``core`` (case-folded: ``key``) that name another line: those
    of three words or more of a separated line, and the headline its comments are on ("6
    thoughts on “How to Adopt ...”"), case-folded."""
    parts = _separated_parts(core) if _separated(key) else ()
    m = _COMMENTS_ON.search(core) if _comments_on(key) else None
    return parts if m is None else (*parts, m.group(1).strip().casefold())


def _opening_lines(feats: Sequence[_Feat], start: int) -> list[tuple[int, frozenset[str]]]:
    """The first prose lines from ``start`` (one more than the opening takes, so that a
    line of the opening is compared with the others) and their content words."""
    out: list[tuple[int, frozenset[str]]] = []
    for j in range(start, min(start + 12, len(feats))):
        if feats[j].prose:
            out.append((j, _content_words(feats[j].core)))
            if len(out) > OPENING_LINES:
                break
    return out


def _opening_words(lines: Sequence[tuple[int, frozenset[str]]], i: int) -> frozenset[str]:
    """The content words of the opening drawn from ``lines`` less line ``i``; none when
    they are too few to compare with."""
    words = frozenset().union(*[w for j, w in lines if j != i][:OPENING_LINES])
    return words if len(words) >= OPENING_MIN_WORDS else frozenset()


def _opening(page: _Page, i: int) -> frozenset[str]:
    """The content words of the body's opening, less line ``i`` (a line is not compared
    with itself: the first line of a text that is only a body is its own opening). Read
    once for the page; again only for a line of the opening."""
    if all(j != i for j, _ in page.opening_lines[:OPENING_LINES]):
        return page.opening
    return _opening_words(page.opening_lines, i)


def _first_line_title(feats: Sequence[_Feat], a: int) -> int | None:
    """The first line, when the text is a copy that starts at the headline."""
    if a > COPY_TOP or not feats:
        return None
    if sum(1 for g in feats[1:a] if g.bp is not None or g.bullet) > COPY_FURNITURE:
        return None
    f = feats[0]
    if (f.bp is not None or f.byline or f.date or f.bullet or not 4 <= f.words <= 25
            or (f.prose and f.core.rstrip(_CLOSING).endswith(".")) or _not_title(f.core)
            or f.core.endswith((",", ";", ":")) or _caption_credit(f.core)):
        # a picture's caption with its credit ("... Photo: AP") opens many copies too
        return None
    return 0


def _wiki_title(feats: Sequence[_Feat], a: int) -> int | None:
    """The title of a wiki's page: the line right above its tagline."""
    for i in range(1, min(a, len(feats))):
        # (the tagline's first letter tested first: this runs over the whole header)
        if (feats[i].core[:1] in "Ff" and WIKI_TAGLINE.match(feats[i].core)
                and feats[i].words <= 12):
            f = feats[i - 1]
            if f.bp is None and 1 <= f.words <= 12 and _LETTER.search(f.core):
                return i - 1
            return None
    return None


def _carried_title(feats: Sequence[_Feat], a: int, b: int) -> int | None:
    """The headline a share line above the body carries: the line that repeats it, or,
    when no line does (a copy that starts at the share line), the share line itself."""
    for i in range(min(a, len(feats))):
        f = feats[i]
        m = CARRIER.match(f.core) if f.core[:1] in "Ss" else None
        if m is None:
            continue
        rest = f.core[m.end():].strip()
        if len(rest.split()) < 3:
            return None
        key = rest.casefold()
        same = next((j for j in range(min(b + 1, len(feats))) if j != i
                     and feats[j].core.casefold() == key), None)
        return same if same is not None else i
    return None


def _page(feats: Sequence[_Feat], a: int, b: int, start: int, lo: int) -> _Page:
    seen, naming = _line_counts(feats)
    nearest = next((j for j in range(min(a, len(feats)) - 1, lo - 1, -1)
                    if _title_like(feats[j])), None)
    content = list(accumulate(map(_counts, feats), initial=0))
    opening = _opening_lines(feats, start)
    bare = not any(f.byline or f.date or f.bp is not None for f in feats[:BARE_TOP])
    return _Page(feats, a, seen, naming, "\n".join(low for _, low in naming), opening,
                 _opening_words(opening, -1), _first_line_title(feats, a),
                 _wiki_title(feats, a), _carried_title(feats, a, b), nearest, content,
                 bare)
