"""Per-line features: what a line reads as (prose, headline-like, a row, a link, a caption
cue), cached, and the tests of a headline-like line."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newsstruct.data import lexicon
from newsstruct.layout.boilerplate import _boilerplate
from newsstruct.layout.cues import (
    _DATELINE_LINE,
    _DIGIT,
    _FULL_DATE,
    _date_or_dated_credit,
    _holds_any,
    _is_byline,
    _name_like,
    _unglue,
)
from newsstruct.layout.lines import _MARKER_FIRST, _strip_marker
from newsstruct.types import BoilerplateKind


class _Feat(NamedTuple):
    """What a line reads as (a named tuple: many are made, and cached)."""

    core: str
    bullet: bool
    words: int
    #: whether the line holds a letter
    letters: bool
    bp: BoilerplateKind | None
    byline: bool
    date: bool
    prose: bool
    headline: bool
    row: bool = False


#: The attribution under an embedded post ("— Jane Doe (@janedoe) November 18, 2019").
_EMBED_CREDIT = re.compile(r"\(@\w+\)|^[—–-]\s")
_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "'", ":", ";", ")")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", ".)", ".'")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=16384)
def _features_cached(text: str) -> _Feat:
    """The features of a short line (up to 120 characters), cached: pages repeat them."""
    return _line_features(text)


def _line_features(text: str) -> _Feat:
    # (_strip_marker's first test made here: most lines open with no marker)
    core = _strip_marker(text) if text[:1] in _MARKER_FIRST else text
    bullet = len(core) != len(text)
    parts = core.split()
    words = len(parts)
    has_letters = _LETTER.search(core) is not None
    has_digit = _DIGIT.search(core) is not None
    if not has_letters and not has_digit:
        # "*", "|", "—": nothing to read
        return _Feat(core, bullet, words, False, None, False, False, False, False)
    # what the line tests read: ``core`` is stripped, and they strip one more list marker
    s = _strip_marker(core) if core[:1] in _MARKER_FIRST else core
    digit = has_digit and (s is core or _DIGIT.search(s) is not None)
    bp = _boilerplate(s)
    if bp is not None:
        return _Feat(core, bullet, words, has_letters, bp, False, False, False, False)
    # (no byline is longer than 200 characters: a longer line is not read apart at its figures)
    byline = len(s) <= 200 and _is_byline(_unglue(s) if digit else s)
    date = (not byline and (
        _date_or_dated_credit(s, digit)
        or (core.endswith(("-", "—", "–")) and _DATELINE_LINE.match(core) is not None))
        and _EMBED_CREDIT.search(core) is None)
    if byline or date:
        return _Feat(core, bullet, words, has_letters, None, byline, date, False, False)
    prose = has_letters and ((words >= 8 and core.endswith(_SENTENCE_END))
                             or (words >= 16 and _running_text(core, parts)))
    headline = (
        has_letters and 2 <= words <= 30
        and len(core) <= 250 and not core.endswith((",", ";"))
        and (core[0].isupper() or core[0].isdigit() or core[0] in "‘'\"“¿¡")
        # a line led by a full date is a post's date and details, not a headline
        and (not has_digit or not core[0].isalnum() or _FULL_DATE.match(core) is None)
    )
    row = (has_digit and not prose and 2 <= words <= 24 and _is_row(text, core, bullet))
    return _Feat(core, bullet, words, has_letters, None, False, False, prose, headline, row)


#: Running text has at least this share of words in lower case; a long line with fewer is
#: a row of menu entries run together ("Applications OS Channel Programs Cloud ...").
RUNNING_LOWER = 0.25


def _running_text(core: str, parts: list[str]) -> bool:
    """Whether a long line (of words ``parts``) without a sentence end reads as running
    text, not as menu entries run together (a script without capitals always does)."""
    lower = sum(1 for w in parts if w[:1].islower())
    return lower >= RUNNING_LOWER * len(parts) or not any(c.isupper() for c in core)


_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")


def _is_row(text: str, core: str, bullet: bool) -> bool:
    """A row of a results table or schedule ("Leicestershire 22 points, Somerset 4.",
    "1. Mika Hakkinen (Finland) McLaren 1:23.456", "May 13 Arrive in London"): a short line
    with figures in it, not a link (no address), and, when it is a list item, a numbered
    one with a figure after its number."""
    if "://" in core or "www." in core or "@" in core or (bullet and not _NUMBERED.match(text)):
        return False
    return any(map(str.isalpha, core.split()))


_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net)\b|@\w", re.IGNORECASE)


_CAPTION_CUE = re.compile(
    r"\b(?:getty images|shutterstock|photo(?:graph)?s?|image|credit|illustration|file photo|"
    r"afp|ap photo|reuters/|epa)\b|^\(.*\)$",
    re.IGNORECASE,
)
#: Literals, lower-cased, one of which a match of _CAPTION_CUE holds (no "i" or "s" in
#: them: "İ", "ı" and "ſ" match those ignoring case).
_CUE_NEEDLES = ("getty", "hutter", "photo", "mage", "cred", "llu", "afp", "reuter", "epa", "(")


def _caption_cue(s: str) -> bool:
    """Whether ``s`` holds a caption's cue (:data:`_CAPTION_CUE`); a line with none of the
    literals every match holds is passed over without a search."""
    return _holds_any(s.lower(), _CUE_NEEDLES) and _CAPTION_CUE.search(s) is not None


def _counts(f: _Feat) -> bool:
    """Whether a line counts as content when measuring distances in the header."""
    return f.bp is None and f.letters


#: An address, a handle or a line opening with a symbol: no headline. Read through
#: :func:`_not_title`.
_NOT_TITLE = re.compile(r"@\w|\w@\w|https?://|www\.|\.com\b|^[^\w‘'\"“¿¡(]")
#: Literals one of which a match of :data:`_NOT_TITLE` holds, but for its last alternative ...
_NOT_TITLE_NEEDLES = ("@", "http", "www.", ".com")
#: ... a line opening with a symbol.
_SYMBOL_FIRST = re.compile(r"[^\w‘'\"“¿¡(]")


def _not_title(s: str) -> bool:
    """Whether ``s`` holds an address or a handle, or opens with a symbol
    (:data:`_NOT_TITLE`); a line with none of the literals of an address or a handle is
    only tested for its first character."""
    if _holds_any(s, _NOT_TITLE_NEEDLES):
        return _NOT_TITLE.search(s) is not None
    return _SYMBOL_FIRST.match(s) is not None
_SENTENCE_BREAK = re.compile(r"[a-z][.!?] [A-Z]")


_BREADCRUMB = re.compile(r"\s[»>›/]\s.*\s[»>›/]\s|^(?:home|start)\s*[»>›/]\s", re.IGNORECASE)
#: One part of a section path: one to three capitalised words ("Crime & Legal").
_PATH_PART = r"[A-Z0-9][\w'’.-]*(?:\s+(?:&|and|of|[A-Z0-9][\w'’.-]*)){0,2}"
#: A section path or a row of links, of short capitalised parts ("National / Crime & Legal",
#: "News > Nation", "Privacy Policy | Terms of Service"): no headline.
_SECTION_PATH = re.compile(rf"^{_PATH_PART}(?:\s+[/>»›|]\s+{_PATH_PART})+$")


@lru_cache(maxsize=1)
def _agencies() -> frozenset[str]:
    out = set()
    for a in lexicon("byline_affiliations"):
        out.add(a.casefold())
        out.add("the " + a.casefold())
    return frozenset(out)


def _abbreviation(word: str) -> bool:
    """Whether ``word`` ("St.", "U.S.", "Tues.", "J.") is an abbreviation, its stop no
    sentence end."""
    w = word.lstrip("(‘'\"“").rstrip(".").lower()
    return len(w) == 1 or w in lexicon("layout_abbreviations")


def _full_stop(core: str) -> bool:
    """Whether ``core`` ends with a full stop that ends a sentence."""
    return core.endswith(".") and not core.endswith("..") and not _abbreviation(
        core.rsplit(None, 1)[-1])


def _sentence_break(core: str) -> bool:
    """Whether ``core`` holds two sentences ("... rose. Then ..."), an abbreviation's stop
    ("St. Louis") not counting."""
    for m in _SENTENCE_BREAK.finditer(core):
        if not _abbreviation(core[: m.start() + 2].rsplit(None, 1)[-1]):
            return True
    return False


#: The longest headline, in words; one of more than 25 does not end like a sentence.
TITLE_MAX_WORDS = 30


@lru_cache(maxsize=16384)
def _title_like(f: _Feat) -> bool:
    """Whether the line ``f`` reads as a headline (cached: a page asks of its header lines
    again and again)."""
    return (f.headline and not f.byline and not f.date and not f.bullet
            and 3 <= f.words <= TITLE_MAX_WORDS
            and (f.words <= 25 or not f.core.endswith(_SENTENCE_END))
            and not _BREADCRUMB.search(f.core) and f.core.casefold() not in _agencies()
            and not _SECTION_PATH.match(f.core)
            # a lead-in ("Author of the article:", "Follow us:") opens what follows
            and not f.core.endswith(("|", "•", "·", "/", ":"))
            and not (f.prose and _full_stop(f.core)) and not _name_like(f.core)
            and not (f.words > 14 and _sentence_break(f.core))
            # a short line in capitals is a section label; a short sentence, a caption
            and not (f.words <= 5 and f.core.isupper())
            and not (f.words <= 10 and _full_stop(f.core))
            and not _caption_cue(f.core) and not _not_title(f.core))


#: A headline-like line at least this long under another one is its standfirst.
STANDFIRST_WORDS = 8


