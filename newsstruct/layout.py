"""Layout: split an article's text, or a whole rendered page, into labelled segments.

Every non-whitespace character of the input lies in exactly one :class:`Segment`; a segment's
span starts and ends on non-whitespace characters. Boilerplate is labelled with its kind and
kept. This stage needs no spaCy model.

How a page is read:

1. The text is split into non-blank lines; each line gets cheap features (word count, list
   marker, sentence punctuation, a boilerplate kind from the lexicon
   ``newsstruct/data/boilerplate_patterns.txt``, whether it reads as a byline or a date line).
2. The body is the run of lines with the highest score: prose lines count for their length,
   navigation, link lists and boilerplate against, a teaser's summary (between a headline-like
   line and a short one) for little, and for less still in a list of three or more teasers;
   a long line of capitalised words with no sentence end is menu entries run together, not
   prose. No run crosses comments, tags or a copyright notice (the buttons under an embedded
   post, "Reply", "Report", and a picture's caption led by "©" are no such stop), and a run
   after such a stop counts for less. A run that follows a headline and a "By" line is
   preferred to a larger one elsewhere, and to one that opens with a list of teasers above
   that headline. A list that closes the article (a short heading or lead-in sharing a word
   with it, then three or more list items or lines with figures, up to the page's furniture)
   is the body's too; a picture's caption with its credit does not open the body.
3. The header is read above the body: the cluster of byline and date lines nearest to it
   (a run of evenly spaced headlines with their dates is a list of teasers, passed over and
   not counted as distance), the headline as the headline-like line just above them (not a
   section label, a name, a caption, a name under a lone "By"; an author's line between
   headline and standfirst skipped), a repeated line close above preferred, and a line
   sharing many more words with the opening paragraphs preferred to one that shares few
   (but not to a headline above a "By" line by a line under that byline). A
   text whose body starts within a few lines of its top is a copied article, and its first
   line is the headline, unless a line the page repeats is found under it (a blog's name
   above the post's title). With no header cluster, the best headline-like line is taken,
   one the comments name ("6 thoughts on “...”") preferred, section labels in capitals and
   lead-ins ending with a colon not. The line above a wiki's tagline ("From ... Wiki") is
   its title; a share line that carries the headline ("Share All sharing options for: ...")
   points to the line repeating it, or, when none does, is cut into the share label and the
   title. The standfirst is the prose between headline and byline.
4. Lines before the header are navigation, lines after the body related links or other
   furniture, unless the lexicon names a more precise kind. Inside the body, captions with
   credits (a credit after "©" too) and the pictures of a gallery ("2 of 4 ..."), repeated
   lines and notes about the author are told apart from paragraphs, and
   short headline-like lines followed by prose are section headings.
5. A dateline that opens the first paragraph ("WASHINGTON (Reuters) -", "MADRID —") is cut
   into its own DATELINE segment, so the paragraph starts with its first word; a dateline or
   date line of its own between the headline and the first paragraph ("LONDON 1996-08-30")
   is a DATELINE segment too. A headline's line holding a run of ten spaces or more (the
   cells of a table rendered onto one line) is cut there: the first cell is the title, the
   rest boilerplate.
6. A text with no page furniture at all (no boilerplate line, no list of links, no link) is
   an article's own text: rows of results tables and schedules ("Leicestershire 22 points,
   Somerset 4.") count towards its body, the short lines that close it stay in the body,
   and labels among rows are paragraphs. On a page with furniture such lines are read as
   before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import attrs

from newsstruct.data import lexicon
from newsstruct.types import BoilerplateKind, Segment, SegmentKind, Span

__all__ = [
    "KIND_ORDER",
    "Line",
    "boilerplate_kind",
    "is_byline_line",
    "is_date_line",
    "reset_caches",
    "segment_text",
    "split_lines",
]


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
    return [Line(*row) for row in _line_rows(text)]


#: A :class:`Line` as a plain tuple (start, end, text, after_blank), quicker to make.
_Row = tuple[int, int, str, bool]


def _line_rows(text: str) -> list[_Row]:
    """The lines of :func:`split_lines` as rows."""
    rows: list[_Row] = []
    pos = 0
    blank_before = True
    # str.splitlines breaks at exactly the characters of _LINE_BREAK
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            rows.append((start, start + len(stripped), stripped, blank_before))
            blank_before = False
        else:
            blank_before = True
        pos += len(raw)
    return rows


# --------------------------------------------------------------------------- boilerplate

#: Priority of boilerplate kinds when several patterns match one line.
KIND_ORDER: tuple[BoilerplateKind, ...] = (
    BoilerplateKind.COPYRIGHT,
    BoilerplateKind.SKIP_LINK,
    BoilerplateKind.COOKIE,
    BoilerplateKind.ADVERTISEMENT,
    BoilerplateKind.CREDIT,
    BoilerplateKind.NEWSLETTER,
    BoilerplateKind.SUBSCRIBE,
    BoilerplateKind.LOGIN,
    BoilerplateKind.COMMENTS,
    BoilerplateKind.SHARE,
    BoilerplateKind.TAGS,
    BoilerplateKind.RELATED,
    BoilerplateKind.NAVIGATION,
    BoilerplateKind.OTHER,
)
#: Kinds a long line (more than ``_SHORT_WORDS`` words) may still be.
_LONG_LINE_KINDS = frozenset({BoilerplateKind.COPYRIGHT, BoilerplateKind.COOKIE,
                              BoilerplateKind.OTHER})
_SHORT_WORDS = 15


@attrs.frozen
class _Single:
    """A boilerplate pattern tried on its own, after the alternation, with a literal
    (``needle``, lower-cased; empty when there is none) every match contains, so that most
    lines are passed over without a search. Free patterns may match anywhere in a line and
    are searched in it ignoring case. An anchored pattern that opens with a character class
    ("^\\S+(?: \\S+){0,3} says:$") would have the alternation scan and backtrack on every
    line: it is matched on its own against the lower-cased line, as the alternation is."""

    kind: BoilerplateKind
    rank: int
    needle: str
    pattern: re.Pattern[str]
    anchored: bool


@attrs.frozen
class _Alternation:
    """Patterns anchored at the line start, in priority order: ``named`` tells which matches
    first (each in a group named after its kind and place). Whether one matches at all is
    told sooner, with no groups to record and only the patterns a line may match by its
    first character: ``by_start`` holds them by the characters they start with, ``digit``
    those that may start with a decimal digit and ``other`` those whose start is not simply
    known."""

    by_start: dict[str, re.Pattern[str]]
    digit: re.Pattern[str] | None
    other: re.Pattern[str] | None
    named: re.Pattern[str]

    def matches(self, low: str) -> bool:
        """Whether one of the patterns matches the lower-cased line ``low``."""
        gate = self.by_start.get(low[:1])
        return ((gate is not None and gate.match(low) is not None)
                or (self.digit is not None and low[:1].isdecimal()
                    and self.digit.match(low) is not None)
                or (self.other is not None and self.other.match(low) is not None))


@attrs.frozen
class _Patterns:
    """The boilerplate lexicon compiled: the alternation of the patterns anchored at the line
    start for short and for long lines, the rank and kind of each of its groups, and the
    patterns tried on their own, in priority order, for short and for long lines, and those
    of them whose needle is ASCII (all a line of ASCII characters may hold)."""

    anchored: _Alternation
    long_anchored: _Alternation
    groups: dict[str, tuple[int, BoilerplateKind]]
    single: tuple[_Single, ...]
    long_single: tuple[_Single, ...]
    ascii_single: tuple[_Single, ...]
    ascii_long_single: tuple[_Single, ...]


_SPECIAL = set("\\()[]{}.?*+|^$")


def _class_end(pattern: str, i: int) -> int:
    """The index of the ``]`` that closes the character class opening at ``i``."""
    j = i + 1
    if pattern[j: j + 1] == "^":
        j += 1
    if pattern[j: j + 1] == "]":
        j += 1  # a "]" first in the class is one of its characters
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j


def _group_end(pattern: str, i: int) -> int:
    """The index of the ``)`` that closes the group opening at ``i``."""
    depth, j = 0, i
    while j < len(pattern):
        ch = pattern[j]
        if ch == "\\":
            j += 1
        elif ch == "[":
            j = _class_end(pattern, j)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return len(pattern)


def _usable(literal: str) -> bool:
    """Whether a literal is rare enough to pass lines over: 3 characters or more, or a
    symbol such as "©"."""
    return len(literal.strip()) >= 3 or any(ord(c) > 127 for c in literal)


def _needles(pattern: str) -> tuple[str, ...]:
    """Literals one of which every match of ``pattern`` (an alternative, with no top-level
    ``|``) contains: the longest literal run at its top level, else the alternatives of the
    top-level group of plain words ("(?:says|said|wrote)") or class of plain characters
    ("[»›→]") with the longest shortest one; empty when there is none (see
    :func:`_usable`)."""
    runs: list[str] = []
    groups: list[tuple[str, ...]] = []
    cur: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch in _SPECIAL:
            runs.append("".join(cur))
            if ch in "?*{" and runs[-1]:
                # the character before the quantifier may be absent
                runs[-1] = runs[-1][:-1]
            cur = []
        if ch == "\\":
            # an escape is a class ("\d") or a symbol ("\("): no literal
            i += 2
        elif ch == "{":
            end = pattern.find("}", i)
            i = len(pattern) if end < 0 else end + 1
        elif ch in "([":
            end = _group_end(pattern, i) if ch == "(" else _class_end(pattern, i)
            body = pattern[i + 1: end]
            if pattern[end + 1: end + 2] not in ("?", "*", "{"):
                # a group or class that must match: when it is of plain words or characters,
                # one of them is in every match
                if ch == "[":
                    alts = [] if "-" in body or _SPECIAL.intersection(body) else list(body)
                elif body.startswith("?:") or body[:1] != "?":
                    alts = _top_level_alternatives(body[2:] if body[:1] == "?" else body)
                else:
                    alts = []  # a look-around or a named group
                if alts and all(a and not _SPECIAL.intersection(a) and _usable(a)
                                for a in alts):
                    groups.append(tuple(alts))
            i = end + 1
        else:
            if ch not in _SPECIAL:
                cur.append(ch)
            i += 1
    runs.append("".join(cur))
    good = [r.strip() for r in runs if _usable(r)]
    if good:
        return (max(good, key=len),)
    return max(groups, key=lambda g: min(map(len, g))) if groups else ()


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` starts with ("\\d" standing for any decimal
    digit), when its opening is made of literals and groups of them; ``None`` otherwise."""
    chars: set[str] = set()
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "(":
            end = _group_end(pattern, i)
            body = pattern[i + 1: end]
            if body[:1] == "?" and not body.startswith("?:"):
                return None  # a look-around or a named group
            firsts = [_first_chars(a) for a in _top_level_alternatives(
                body[2:] if body[:1] == "?" else body)]
            if any(f is None for f in firsts):
                return None
            chars.update(*(f for f in firsts if f is not None))
            i = end + 1
        elif ch == "\\":
            escaped = pattern[i + 1: i + 2]
            if escaped == "d":
                chars.add("\\d")
            elif not escaped or escaped.isalnum():
                return None  # a class ("\\w") or an assertion ("\\b")
            else:
                chars.add(escaped)
            i += 2
        elif ch in _SPECIAL:
            return None
        else:
            chars.add(ch)
            i += 1
        # an element that may be absent lets the next one start the match
        quantifier = pattern[i: i + 1]
        if quantifier == "{":
            end = pattern.find("}", i)
            least = pattern[i + 1: end].partition(",")[0].strip() if end > i else "1"
            if least and not (least.isdigit() and int(least) == 0):
                return frozenset(chars)
            i = end + 1
        elif quantifier in ("?", "*"):
            i += 1
        else:
            return frozenset(chars)
        if pattern[i: i + 1] == "?":
            i += 1  # a lazy quantifier
    return None  # the pattern may match nothing


def _opens_with_class(pattern: str) -> bool:
    """Whether ``pattern`` starts with a character class ("[^.!?]", "\\S", ".")."""
    return pattern[:1] in ("[", ".") or (pattern[:1] == "\\" and pattern[1:2] in "dDsSwW")


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> _Patterns:
    anchored: list[tuple[BoilerplateKind, str]] = []
    single: list[tuple[int, int, _Single]] = []
    for entry in sorted(lexicon("boilerplate_patterns")):
        name, _, pattern = entry.partition(":")
        kind = BoilerplateKind(name.strip())
        rank = KIND_ORDER.index(kind)
        for alt in _top_level_alternatives(pattern.strip()):
            anchored_alt = alt.startswith("^")
            needles = _needles(alt[1:] if anchored_alt else alt)
            if anchored_alt and not (needles and _opens_with_class(alt[1:])):
                anchored.append((kind, alt[1:]))
                continue
            # an anchored pattern is matched against the lower-cased line, as the alternation
            # is; a free one is searched in the line ignoring case
            compiled = re.compile(alt) if anchored_alt else re.compile(alt, re.IGNORECASE)
            # every match holds one of the needles: one entry for each
            for needle in needles or ("",):
                single.append((rank, len(single), _Single(
                    kind, rank, needle.lower(), compiled, anchored_alt)))

    groups: dict[str, tuple[int, BoilerplateKind]] = {}

    def join(parts: list[tuple[BoilerplateKind, str]], long_only: bool) -> _Alternation:
        ordered = sorted(
            (KIND_ORDER.index(k), i, k, p) for i, (k, p) in enumerate(parts)
            if not long_only or k in _LONG_LINE_KINDS
        )
        by_start: dict[str, list[str]] = {}
        for rank, i, k, p in ordered:
            groups[f"{k.value}__{i}"] = (rank, k)
            for first in _first_chars(p) or ("",):
                by_start.setdefault(first, []).append(f"(?:{p})")
        gates = {first: re.compile("|".join(alts)) for first, alts in by_start.items()}
        digit, other = gates.pop("\\d", None), gates.pop("", None)
        # matched against the lower-cased line: patterns are written in lower case
        return _Alternation(
            gates, digit, other,
            re.compile("|".join(f"(?P<{k.value}__{i}>{p})" for _, i, k, p in ordered)
                       or r"(?!)"))

    ordered = tuple(f for _, _, f in sorted(single, key=lambda x: (x[0], x[1])))
    long_ordered = tuple(f for f in ordered if f.kind in _LONG_LINE_KINDS)
    return _Patterns(join(anchored, False), join(anchored, True), groups, ordered, long_ordered,
                     tuple(f for f in ordered if f.needle.isascii()),
                     tuple(f for f in long_ordered if f.needle.isascii()))


def _top_level_alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|`` (outside groups and classes)."""
    out: list[str] = []
    cur: list[str] = []
    depth, in_class, escaped = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return out


_MARKER = re.compile(r"^(?:[*+•·▪►■◦‣o>-]|\d{1,2}[.)])\s+(?=\S)")


_MARKER_FIRST = frozenset("*+•·▪►■◦‣o>-0123456789")


def _strip_marker(line: str) -> str:
    if line[:1] not in _MARKER_FIRST:
        return line
    m = _MARKER.match(line)
    return line[m.end():] if m else line


_PROMPT_START = frozenset({"sign", "subscribe", "get", "register", "join", "leave", "click",
                           "follow", "share", "read", "i", "we", "this", "you", "your", "our",
                           "enter", "please", "already", "become", "support", "log", "login"})


def _is_sentence(s: str) -> bool:
    """A statement of eight words or more ("Comments made by the minister ... ."), not a
    prompt addressed to the reader ("Sign up for our daily newsletter.")."""
    if not s.endswith((".", "!", "?")):
        return False
    words = s.split()
    return len(words) >= 8 and words[0].lower().strip("\"'“‘(") not in _PROMPT_START


def boilerplate_kind(line: str) -> BoilerplateKind | None:
    """The kind of boilerplate ``line`` is, or ``None`` if it looks like content."""
    return _boilerplate(_strip_marker(line.strip()))


def _boilerplate(s: str) -> BoilerplateKind | None:
    """:func:`boilerplate_kind` of a line stripped of spaces and list marker."""
    s = s.strip("[](){}<> ")[:400]
    if not s:
        return None
    return _kind_cached(s) if len(s) <= 80 else _kind(s)


@lru_cache(maxsize=8192)
def _kind_cached(s: str) -> BoilerplateKind | None:
    return _kind(s)


def reset_caches() -> None:
    """Empty the caches of the layout stage."""
    _kind_cached.cache_clear()
    _features_cached.cache_clear()
    _name_like.cache_clear()


def _kind(s: str) -> BoilerplateKind | None:
    pats = _boilerplate_patterns()
    long_line = s.count(" ") >= _SHORT_WORDS or _is_sentence(s)
    low = s.lower()
    alternation = pats.long_anchored if long_line else pats.anchored
    m = alternation.named.match(low) if alternation.matches(low) else None
    rank, first = len(KIND_ORDER), None
    if m is not None and m.lastgroup is not None:
        rank, first = pats.groups[m.lastgroup]
    # of the patterns tried on their own whose needle the line holds, the first that matches
    # wins when its kind comes first
    # (a line of ASCII characters holds none of the needles "©", "»", ...: most lines)
    if low.isascii():
        singles = pats.ascii_long_single if long_line else pats.ascii_single
    else:
        singles = pats.long_single if long_line else pats.single
    for f in [f for f in singles if f.needle in low]:
        if f.rank >= rank:
            break
        if f.pattern.match(low) if f.anchored else f.pattern.search(s):
            return f.kind
    return first


_COPYRIGHT_DETAIL = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:@|©|\(c\))?\s*(?P<year>(?:19|20)\d{2})(?:\s*[-–]\s*(?:19|20)\d{2})?"
    r"[\s,]*(?P<holder>[^.|]{1,80}?)[\s.]*(?:all rights reserved.*)?$",
    re.IGNORECASE,
)


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


# --------------------------------------------------------------------------- dates, bylines

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
#: Dates, times and relative times as bylines show them (used to recognise date lines).
DATE_PATTERN = (
    r"\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH + r",?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b"
    r"|\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?"
    r"|\b(?:\d{1,3}|an?|one)\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?(?:\s+ago)?\b"
    r"|\b(?:yesterday|today|just now)\b"
)
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_DIGIT_OR_DAY = re.compile(r"\d|yesterday|today|just now", re.IGNORECASE)
_DATE_FILLER = re.compile(
    # separators first: no separator is a word character, so the two alternatives never
    # match at the same place, and this one rejects a character sooner
    r"[\s|•·,:;/()\[\]\-–—@]+"
    r"|\b(?:" + _WEEKDAY + r"|updated|published|posted|last|first|modified|on|at|by|and|"
    r"[A-Z]{1,4}T|UTC|GMT|am|pm|min|mins|read|reading|time|date|created|edited|originally|"
    r"written|\d{4})\b",
    re.IGNORECASE,
)


#: A year or a time run into the next word ("August 2, 2019August 2, 2019").
_GLUED_AFTER_DIGIT = re.compile(r"(?<=\d)(?=[A-Z][a-z])")


def is_date_line(line: str) -> bool:
    """Whether ``line`` is a date / time line ("Updated 1:39 am EST, Wednesday, November 20,
    2019", "Nov. 19, 2019", "5:50 PM", "2 hours ago")."""
    return _is_date(_GLUED_AFTER_DIGIT.sub(" ", _strip_marker(line.strip())))


def _is_date(s: str) -> bool:
    """:func:`is_date_line` of a line stripped of spaces and list marker."""
    return _date_only(s, _DIGIT.search(s) is not None)


def _date_only(s: str, digit: bool) -> bool:
    """:func:`_is_date` of ``s``, which holds a figure when ``digit``."""
    undated = _undated(s, digit)
    return undated is not None and _only_date(_DATE_FILLER.sub(" ", undated).split())


def _undated(s: str, digit: bool) -> str | None:
    """``s`` (holding a figure when ``digit``) with its dates and times blanked out, when it
    passes the cheap tests of a date line and holds one; ``None`` otherwise."""
    if not s or len(s) > 120 or s.count(" ") > 16:
        return None
    if not digit:
        # with no figure, a day word: "yesterday" and "today" hold "day", "just now" "now"
        # (these letters have no case forms besides the ASCII ones)
        low = s.lower()
        if ("day" not in low and "now" not in low) or _DIGIT_OR_DAY.search(s) is None:
            return None
    undated, dates = _DATE.subn(" ", s)
    return undated if dates else None


def _date_rest(s: str) -> list[str]:
    """The words of ``s`` besides its dates, times and date filler."""
    return _DATE_FILLER.sub(" ", _DATE.sub(" ", s)).split()


def _only_date(rest: list[str]) -> bool:
    return len(rest) <= 1 and not any(len(w) > 12 for w in rest)


_FULL_DATE = re.compile(
    r"\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+" + _MONTH + r",?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b",
    re.IGNORECASE,
)


def is_dated_credit(line: str) -> bool:
    """Whether ``line`` is a short credit with a full date: a source or a name and a date
    ("Reuters November 18, 2019 11:03 PM", "The Guardian 02/10/2020 Anna Fazackerley")."""
    return _is_dated_credit(_strip_marker(line.strip()))


def _is_dated_credit(s: str) -> bool:
    """:func:`is_dated_credit` of a line stripped of spaces and list marker."""
    return (_may_be_dated_credit(s, _DIGIT.search(s) is not None)
            and _credit_rest(_date_rest(s)))


def _may_be_dated_credit(s: str, digit: bool) -> bool:
    return len(s) <= 100 and digit and _FULL_DATE.search(s) is not None


def _credit_rest(rest: list[str]) -> bool:
    return 0 < len(rest) <= 5 and all(w[:1].isupper() or w in ("and", "of", "the") for w in rest)


#: The words of letters that a date, a time or date filler takes in, in whole or in part,
#: matched against a word in lower case: month and weekday names, the filler words, "ago",
#: units of time, and the "am" or "pm" a time may take from the start of the next word (a
#: few words more than these take in, such as any short word ending in "t", only make the
#: test in :func:`_other_words` pass more lines on to the full one).
_DATE_WORD = re.compile(
    r"(?:" + _MONTH + "|" + _WEEKDAY + r"|updated|published|posted|last|first|modified|on|"
    r"at|by|and|[a-z]{1,4}t|utc|gmt|am|pm|min|mins|read|reading|time|date|created|edited|"
    r"originally|written|of|an?|one|ago|yesterday|today|just|now|"
    r"(?:sec|second|min|minute|hour|hr|day|week|month|year)s?)\Z|[ap]m")


def _other_words(s: str) -> tuple[bool, bool]:
    """Whether ``s`` may still be a date line and whether it may still be a dated credit,
    told from its words of ASCII letters that no date or filler takes in (not matched by
    :data:`_DATE_WORD`), which stay among the words besides the dates: a date line has at
    most one of them, a credit at most five, each capitalised or "the"."""
    others, lower = 0, False
    for w in s.split():
        if w.isalpha() and w.isascii() and _DATE_WORD.match(w.lower()) is None:
            others += 1
            lower = lower or (not w[0].isupper() and w != "the")
            if others > 1 and (lower or others > 5):
                return False, False
    return others <= 1, others <= 5 and not lower


def _date_or_dated_credit(s: str, digit: bool) -> bool:
    """``_is_date(s) or _is_dated_credit(s)`` for ``s`` holding a figure when ``digit``,
    reading the words besides the dates once."""
    if not digit:
        # no figure: no dated credit, and a date line only when a day word is in it
        return _date_only(s, False)
    rest: list[str] | None = None
    date, credit = _other_words(s)
    if not date and not credit:
        # the words of prose: neither (this test is the quicker)
        return False
    # the date test reads a date run into the next word apart, the credit test does not
    glued = _GLUED_AFTER_DIGIT.sub(" ", s)
    undated = _undated(glued, True) if date else None
    if undated is not None:
        rest = _DATE_FILLER.sub(" ", undated).split()
        if _only_date(rest):
            return True
    if not credit or not _may_be_dated_credit(s, True):
        return False
    return _credit_rest(_date_rest(s) if rest is None or glued != s else rest)


_BY = re.compile(
    r"(?:^|(?<=[\s|•·/,:;—–-]))(?:(?:written|posted|reported|words|story|text|analysis|"
    r"commentary|opinion|interview|review|photos?|compiled|edited|published)\s+)?"
    r"(?:by|byline|authors?)\s*[:|]?\s*(?-i:(?=[A-Z@“\"']))",
    re.IGNORECASE,
)


_BY_WORD = re.compile(r"by|author", re.IGNORECASE)
#: Words that, right after "by" or "author", show the line is no byline.
NOT_AFTER_BY = "byline_not_after_by"


#: A name, then a date: what follows "By" in a byline that runs on into other text.
_BY_THEN_DATE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:on\s+|[|•·]\s*)(?:" + DATE_PATTERN + ")", re.IGNORECASE)


_BY_HANDLE_DATE = re.compile(
    r"^(?:posted\s+|written\s+)?by\s+[a-z][\w.-]{1,30}\s+(?:on\s+|[|•·]\s*)(?:" + DATE_PATTERN
    + r")[\w\s,:.|•·-]{0,40}$", re.IGNORECASE)


def is_byline_line(line: str) -> bool:
    """Whether ``line`` reads as a byline ("By Jane Doe", "1 month Ago By Nikodem Baran",
    "Posted by Konstantin 21.10.2019", "Author: Jane Doe")."""
    return _is_byline(_GLUED_AFTER_DIGIT.sub(" ", _strip_marker(line.strip())))


def _is_byline(s: str) -> bool:
    """:func:`is_byline_line` of a line stripped of spaces and list marker."""
    if not s or len(s) > 200:
        return False
    # _BY_WORD's letters have no case forms besides the ASCII ones: a line it finds holds
    # "by" or "author" once lower-cased
    low = s.lower()
    if ("by" not in low and "author" not in low) or not _BY_WORD.search(s):
        return False
    m = _BY.search(s)
    if m is None:
        # a handle in lower case, then the date: "by oz on December 4, 2006"
        return _BY_HANDLE_DATE.match(s) is not None
    before = s[: m.start()].strip(" |·•-–—,:;/")
    if before and not is_date_line(before) and not (
        len(before.split()) <= 3 and s[: m.start()].rstrip()[-1:] in "|•·/-–—:"
    ):
        return False
    after = s[m.end():].split()
    if not after or after[0].lower().strip(":,.;") in lexicon(NOT_AFTER_BY):
        return False
    if m.start() == 0 and _BY_THEN_DATE.match(" ".join(after[:10])):
        # "By Ela on 31. October, 2023 | 18 Comments. This post may contain ..."
        return True
    if len(after) > 20:
        return False
    # "by" inside a sentence ("... was written by the committee.")
    return not (s.endswith(".") and len(s.split()) > 12)


# --------------------------------------------------------------------------- line features


class _Feat(NamedTuple):
    """What a line reads as (a named tuple: many are made, and cached)."""

    core: str
    bullet: bool
    words: int
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
    words = len(core.split())
    has_letters = _LETTER.search(core) is not None
    has_digit = _DIGIT.search(core) is not None
    if not has_letters and not has_digit:
        # "*", "|", "—": nothing to read
        return _Feat(core, bullet, words, None, False, False, False, False)
    # what the line tests read: ``core`` is stripped, and they strip one more list marker
    s = _strip_marker(core) if core[:1] in _MARKER_FIRST else core
    digit = has_digit and (s is core or _DIGIT.search(s) is not None)
    bp = _boilerplate(s)
    if bp is not None:
        return _Feat(core, bullet, words, bp, False, False, False, False)
    byline = _is_byline(_GLUED_AFTER_DIGIT.sub(" ", s) if digit else s)
    date = (not byline and (
        _date_or_dated_credit(s, digit)
        or (core.endswith(("-", "—", "–")) and _DATELINE_LINE.match(core) is not None))
        and _EMBED_CREDIT.search(core) is None)
    if byline or date:
        return _Feat(core, bullet, words, None, byline, date, False, False)
    prose = has_letters and ((words >= 8 and core.endswith(_SENTENCE_END))
                             or (words >= 16 and _running_text(core, words)))
    headline = (
        has_letters and 2 <= words <= 30
        and len(core) <= 250 and not core.endswith((",", ";"))
        and (core[0].isupper() or core[0].isdigit() or core[0] in "‘'\"“¿¡")
        # a line led by a full date is a post's date and details, not a headline
        and (not has_digit or not core[0].isalnum() or _FULL_DATE.match(core) is None)
    )
    row = (has_digit and not prose and 2 <= words <= 24 and _is_row(text, core, bullet))
    return _Feat(core, bullet, words, None, False, False, prose, headline, row)


#: Running text has at least this share of words in lower case; a long line with fewer is
#: a row of menu entries run together ("Applications OS Channel Programs Cloud ...").
RUNNING_LOWER = 0.25


def _running_text(core: str, words: int) -> bool:
    """Whether a long line without a sentence end reads as running text, not as menu
    entries run together (a script without capitals always does)."""
    lower = sum(1 for w in core.split() if w[:1].islower())
    return lower >= RUNNING_LOWER * words or not any(c.isupper() for c in core)


#: A dateline on a line of its own: "JOHANNESBURG, August 7 (Xinhua) --", "MADRID —".
_DATELINE_LINE = re.compile(
    r"^[A-Z][A-Z.'’-]{2,}(?:[ -][A-Z.'’]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"(?:,?\s*(?i:" + _MONTH + r")\s+\d{1,2})?"
    r"\s*(?:\([A-Z][\w.&' ]{1,30}\))?\s*[-–—]{1,2}$"
)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")


def _is_row(text: str, core: str, bullet: bool) -> bool:
    """A row of a results table or schedule ("Leicestershire 22 points, Somerset 4.",
    "1. Mika Hakkinen (Finland) McLaren 1:23.456", "May 13 Arrive in London"): a short line
    with figures in it, not a link (no address), and, when it is a list item, a numbered
    one with a figure after its number."""
    if "://" in core or "www." in core or "@" in core or (bullet and not _NUMBERED.match(text)):
        return False
    return any(map(str.isalpha, core.split()))


_END_MARKERS = {BoilerplateKind.COPYRIGHT: -40.0, BoilerplateKind.COMMENTS: -40.0,
                BoilerplateKind.TAGS: -40.0, BoilerplateKind.NEWSLETTER: -15.0}
#: Score of a line no body runs across: comments, tags, a copyright notice that is not a
#: picture credit.
_HARD_STOP = float("-inf")


#: One-word buttons under an embedded post or a comment ("Reply", "Report"): comment
#: furniture, but no sign that the article has ended.
_COMMENT_BUTTONS = frozenset({"reply", "report", "flag"})
#: A line starting with "©" that runs on past this many words is a picture's caption
#: ("© Jane Doe Detainees at a detention center ... 2018."), not the page's copyright notice.
CAPTION_COPYRIGHT_WORDS = 12


def _is_hard_stop(f: _Feat) -> bool:
    if f.bp is BoilerplateKind.TAGS:
        return True
    if f.bp is BoilerplateKind.COMMENTS:
        return f.core.lower().strip(" .") not in _COMMENT_BUTTONS
    return (f.bp is BoilerplateKind.COPYRIGHT and not _CAPTION_CUE.search(f.core)
            and _YEAR_OR_RIGHTS.search(f.core) is not None
            and (f.words <= CAPTION_COPYRIGHT_WORDS or _NOTICE.search(f.core) is not None))


_YEAR_OR_RIGHTS = re.compile(r"\b(?:19|20)\d\d\b|rights reserved", re.IGNORECASE)
_NOTICE = re.compile(r"\bcopyright\b|rights reserved", re.IGNORECASE)


def _line_score(f: _Feat) -> float:
    """How much a line counts towards being in the body: prose for its length, furniture
    against; the lines that close an article (copyright, comments, tags, a "Related" heading)
    strongly against, so the body does not run on into what follows it."""
    if f.bp is not None:
        if _is_hard_stop(f):
            return _HARD_STOP
        if f.bp is BoilerplateKind.RELATED and f.words <= 4:
            return -25.0
        if f.bp is BoilerplateKind.COMMENTS and f.core.lower().strip(" .") in _COMMENT_BUTTONS:
            return -6.0
        if f.bp is BoilerplateKind.COPYRIGHT and f.words > CAPTION_COPYRIGHT_WORDS and (
                _NOTICE.search(f.core) is None):
            # a picture's caption led by its copyright holder
            return -6.0
        return _END_MARKERS.get(f.bp, -6.0)
    if f.prose:
        w = float(min(f.words, 80))
        return w * 0.7 if f.bullet else w
    if f.byline or f.date:
        return -3.0
    if f.row:
        return ROW_SCORE
    if f.bullet:
        return -3.0
    if not _LETTER.search(f.core):
        return -1.0
    return -1.0 if f.headline else -2.0


#: How much a row of a results table or schedule counts towards the body: a little, so that
#: a table inside an article, or closing it, stays in the body.
ROW_SCORE = 0.5
_CLOSING = frozenset({BoilerplateKind.RELATED, BoilerplateKind.COMMENTS, BoilerplateKind.TAGS,
                      BoilerplateKind.COPYRIGHT, BoilerplateKind.NEWSLETTER})
#: How much a teaser's summary line counts towards the body, alone and in a list of
#: teasers (another one at most ``TEASER_GAP`` lines away).
TEASER_WEIGHT, TEASER_LIST_WEIGHT = 0.2, 0.1
TEASER_GAP, TEASER_LIST = 10, 3


def _scores(feats: Sequence[_Feat]) -> list[float]:
    """Line scores, with teasers discounted: a prose line between a headline-like line and a
    short line (the "headline, summary, time" rhythm of related-story lists) counts little."""
    scores = [_line_score(f) for f in feats]
    n = len(feats)
    teasers: list[int] = []
    for i, f in enumerate(feats):
        if not f.prose or scores[i] <= 0:
            continue
        if i and feats[i - 1].prose and feats[i - 1].bp is None:
            continue  # prose right above: no teaser (the test below, made quickly)
        # above: a headline, perhaps with its author and date, and no prose
        above = [j for j in range(i - 1, max(-1, i - 5), -1) if feats[j].bp is None][:3]
        if not above or feats[above[0]].prose or feats[above[0]].core.endswith(":"):
            # (a label ending with a colon leads into its paragraph: "Background:")
            continue
        run = []
        for j in above:
            if feats[j].prose:
                break
            run.append(j)
        if not any(feats[j].headline and not (feats[j].date or feats[j].byline) for j in run):
            continue
        # what follows: another headline, a time, a label; not more prose, and not the
        # furniture that closes an article (its last section may be one paragraph long)
        if i + 1 < n and feats[i + 1].bp in _CLOSING:
            continue
        nxt = next((j for j in range(i + 1, min(n, i + 3)) if feats[j].bp is None), None)
        if nxt is None or not (feats[nxt].prose or feats[nxt].core.endswith(":")):
            # (a lead-in ending with a colon goes on with the article)
            teasers.append(i)
    # teasers in a list of them (three or more, each close to the next) count for less
    # than one or two alone
    group: list[int] = []
    for k, i in enumerate(teasers):
        group.append(i)
        if k + 1 == len(teasers) or teasers[k + 1] - i > TEASER_GAP:
            weight = TEASER_LIST_WEIGHT if len(group) >= TEASER_LIST else TEASER_WEIGHT
            for j in group:
                scores[j] *= weight
            group = []
    return scores


def _body_region(feats: Sequence[_Feat], scores: Sequence[float]) -> tuple[int, int]:
    """The run of lines with the highest summed score (inclusive bounds). No run crosses a
    hard stop; a run that follows an earlier substantial run across a hard stop (comments
    after an article) counts for less."""
    best, best_a, best_b = float("-inf"), 0, -1
    run, run_a = 0.0, 0
    earlier = 0.0
    section_best = 0.0
    discount = 1.0
    for i, s in enumerate(scores):
        if s == _HARD_STOP:
            earlier = max(earlier, section_best)
            if earlier >= 60:
                discount = 0.35
            run, run_a, section_best = 0.0, i + 1, 0.0
            continue
        if run <= 0:
            run, run_a = s, i
        else:
            run += s
        section_best = max(section_best, run)
        if run * discount > best:
            best, best_a, best_b = run * discount, run_a, i
    if best <= 0:
        return 0, len(feats) - 1
    return best_a, best_b


#: A run that starts under a headline and a "By" line is the body when it scores at least
#: this much, and at least ``ANCHORED_SHARE`` of the best run's score.
ANCHORED_MIN, ANCHORED_SHARE = 60.0, 0.35


def _run_from(scores: Sequence[float], start: int) -> tuple[int, float]:
    """The end and sum of the best run of ``scores`` that starts at ``start``."""
    total, best, best_end = 0.0, float("-inf"), start
    for i in range(start, len(scores)):
        if scores[i] == _HARD_STOP:
            break
        total += scores[i]
        if total > best:
            best, best_end = total, i
    return best_end, best


def _byline_anchored_region(
    feats: Sequence[_Feat], scores: Sequence[float], a: int, b: int
) -> tuple[int, int]:
    """Prefer the body that follows a headline and a "By" line over a larger run elsewhere
    (a long footer or list of teasers): the article is where its byline is."""
    best = sum(scores[a: b + 1])
    n = len(feats)
    for j in range(a):
        f = feats[j]
        if not f.byline or f.bullet or _title_above(feats, j, max(0, j - 6)) is None:
            continue
        start = next((k for k in range(j + 1, min(n, j + 8)) if feats[k].prose), None)
        if start is None:
            continue
        end, total = _run_from(scores, start)
        # a run reaching into the best one only adds what lies between: keep the best
        if end < a and total >= ANCHORED_MIN and total >= ANCHORED_SHARE * best:
            return start, end
    return _after_list_header(feats, scores, a, b)


#: The share of a run's score, at least, that list items make for the run to be a list of
#: teasers rather than an article's opening.
LIST_SHARE = 0.7


def _after_list_header(
    feats: Sequence[_Feat], scores: Sequence[float], a: int, b: int
) -> tuple[int, int]:
    """A run that opens with a list of teasers (list items with their summaries) and holds a
    headline and a "By" line further on starts under that byline: the list is the page's,
    the article the one with the byline."""
    for j in range(a + 1, b):
        f = feats[j]
        if not f.byline or f.bullet:
            continue
        t = _title_above(feats, j, max(a + 1, j - 6))
        if t is None:
            continue
        before = [(scores[k], feats[k].bullet) for k in range(a, t) if scores[k] > 0]
        total = sum(s for s, _ in before)
        listed = sum(s for s, bullet in before if bullet)
        start = next((k for k in range(j + 1, min(b + 1, j + 8)) if feats[k].prose), None)
        if start is not None and total > 0 and listed >= LIST_SHARE * total:
            return start, b
        return a, b
    return a, b


def _after_caption(feats: Sequence[_Feat], a: int, b: int) -> int:
    """The body's first line: a picture's caption with its credit ("... Photo: AP") that
    opens the run is the header's, and the body starts at the next prose line."""
    if not feats[a].prose or _CAPTION_CREDIT.search(feats[a].core) is None:
        return a
    return next((j for j in range(a + 1, b + 1) if feats[j].prose), a)


def _plain(feats: Sequence[_Feat]) -> bool:
    """Whether a text shows no page furniture at all (no boilerplate line, no list of links,
    no link): an article's own text, whose tables and short lines are its content."""
    return not any(f.bp is not None or (f.bullet and not f.row) or _LINK.search(f.core)
                   for f in feats)


def _table_tail(feats: Sequence[_Feat], b: int) -> int:
    """The body's last line, taking in the results tables, schedules and short lines that
    close an article when nothing after the body is page furniture: no boilerplate line, no
    list item, no link and no byline up to the end of the text, and some rows of figures or
    prose among those lines."""
    n = len(feats)
    if n - b - 1 > TAIL_LINES:
        return b
    content = False
    for j in range(b + 1, n):
        f = feats[j]
        if f.bp is not None or f.byline or (f.bullet and not f.row) or _LINK.search(f.core):
            return b
        content = content or f.row or f.prose
    return n - 1 if content else b


#: At most this many lines after the body are taken in as its closing tables.
TAIL_LINES = 400
#: A list closing an article has at least this many items ...
CLOSING_ITEMS = 3
#: ... of at most this many words each.
CLOSING_ITEM_WORDS = 25


def _list_item(f: _Feat) -> bool:
    """A line of a list that belongs to an article: a list item or a short line with figures
    (a tour date, a result), with no link in it."""
    if (f.bp is not None or f.byline or f.date or f.words > CLOSING_ITEM_WORDS
            or _LINK.search(f.core)):
        return False
    return (f.bullet or _DIGIT.search(f.core) is not None) and _LETTER.search(f.core) is not None


def _closing_list(feats: Sequence[_Feat], a: int, b: int) -> int:
    """The body's last line, taking in a list that closes the article: a short heading or
    lead-in right after the body ("Tour dates:", "Qualified teams") that shares a word with
    the article, then at least ``CLOSING_ITEMS`` list lines, up to page furniture, a line
    of no prose or the end of the text."""
    n = len(feats)
    nxt = [j for j in range(b + 1, min(n, b + 3)) if feats[j].bp is None][:2]
    if not nxt or nxt[0] != b + 1:
        return b
    words: set[str] | None = None
    for lead in nxt:
        f = feats[lead]
        if (f.bullet or f.byline or f.date or f.words > 12 or _LETTER.search(f.core) is None
                or not (f.headline or f.core.endswith(":")) or _name_like(f.core)):
            return b
        end = lead
        while end + 1 < n and _list_item(feats[end + 1]):
            end += 1
        if end - lead < CLOSING_ITEMS:
            if lead == b + 1 and lead + 1 < n and feats[lead + 1].bp is None:
                continue
            return b
        if end + 1 < n and feats[end + 1].prose:
            # prose after the list: the list is not the article's last part
            return b
        if words is None:
            words = set()
            for f2 in feats[max(0, a - 10): b + 1]:
                words |= _content_words(f2.core)
        return end if _content_words(f.core) & words else b
    return b
_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net)\b|@\w", re.IGNORECASE)


# --------------------------------------------------------------------------- the header

_SEPARATED = re.compile(r"(?<!\s)\s+[|–—-]\s+|(?:(?<!\s)\s+)?\|\s*|:\s+")
_CAPTION_CUE = re.compile(
    r"\b(?:getty images|shutterstock|photo(?:graph)?s?|image|credit|illustration|file photo|"
    r"afp|ap photo|reuters/|epa)\b|^\(.*\)$",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’.][^\W\d_]*)*|[A-Z]\.(?:[A-Z]\.)*|"
    r"(?:de|van|von|da|del|der|la|le|bin|al|dos|du|di)|Jr\.?|Sr\.?|II|III|IV)$"
)


_NAME_END = re.compile(r"(?:(?<!\s)\s+)?(?:,|\||\s-\s|\band\b|\s@|/|•|·|\d)\s*")


@cache
def given_names() -> frozenset[str]:
    """Given names known to the byline and entity lexicons: what a line's first word must be
    for a line of bare capitalised words to be read as a person's name."""
    return (lexicon("byline_given_names") | lexicon("entity_first_names_female")
            | lexicon("entity_first_names_male"))


@lru_cache(maxsize=4096)
def _name_like(core: str) -> bool:
    """A line that is only a person's name (two to four capitalised words), optionally with
    a role after a comma ("Tom Krisher, AP Auto Writer")."""
    if len(core) > 120 or _CAPTION_CREDIT.search(core):
        # "Jane Doe and the face of ... Photo: AFP" is a picture's caption
        return False
    head = _NAME_END.split(core, maxsplit=1)[0]
    words = head.split()
    roles, mods = lexicon("byline_roles"), lexicon("byline_role_modifiers")
    while len(words) > 2 and (words[-1].lower() in roles or words[-1].lower() in mods):
        words.pop()
    if not 2 <= len(words) <= 4:
        return False
    stop = lexicon("byline_stopwords")
    if any(w.lower().strip(".,") in stop for w in words):
        return False
    if not (all(_NAME_TOKEN.match(w) for w in words) and sum(w[0].isupper() for w in words) >= 2):
        return False
    return words[0].capitalize() in given_names() or words[0] in given_names()


def _title_score(i: int, feats: Sequence[_Feat], anchor: int, seen: dict[str, int],
                 parts: dict[str, int]) -> float:
    f = feats[i]
    score = 0.0
    between = sum(1 for j in range(i + 1, anchor) if feats[j].bp is None and feats[j].core
                  and _LETTER.search(feats[j].core))
    score -= 0.6 * between
    if 4 <= f.words <= 24:
        score += 2.0
    elif between == 0 and i + 1 == anchor and not f.bullet and f.bp is None:
        # a short heading right above the body: an encyclopedia's or a wiki's title
        score += 1.0
    elif f.words <= 2:
        score -= 4.0
    elif f.words == 3:
        score -= 0.5
    if f.bullet:
        score -= 3.0
    key = f.core.casefold()
    if seen.get(key, 0) > 1:
        score += 1.5
    if parts.get(key, 0) > 0:
        score += 2.0
    if _SEPARATED.search(f.core) and any(
        p.casefold() in seen for p in _SEPARATED.split(f.core) if len(p.split()) >= 3
    ):
        score -= 3.0
    if f.core.endswith(".") and f.words > 10:
        score -= 3.0
    if f.prose:
        score -= 1.5
    if _CAPTION_CUE.search(f.core):
        score -= 1.5
    if _DATE.search(f.core):
        # a line with a date in it is a post's details or a teaser's
        score -= 2.0
    if f.core.isupper() and f.words <= 5:
        # a section label in capitals
        score -= 2.0
    if f.core.endswith(":"):
        # a lead-in to what follows ("Here's why:")
        score -= 3.0
    if _name_like(f.core):
        score -= 3.0
    return score


@attrs.define(slots=True)
class _Header:
    title: int | None = None
    #: whether the title is carried by a share line ("Share All sharing options for: ...")
    carried: bool = False
    standfirst: list[int] = attrs.Factory(list)
    bylines: list[int] = attrs.Factory(list)
    body_start: int = 0


def _counts(f: _Feat) -> bool:
    """Whether a line counts as content when measuring distances in the header."""
    return f.bp is None and _LETTER.search(f.core) is not None


_NOT_TITLE = re.compile(r"@\w|\w@\w|https?://|www\.|\.com\b|^[^\w‘'\"“¿¡(]")
_SENTENCE_BREAK = re.compile(r"[a-z][.!?] [A-Z]")


_BREADCRUMB = re.compile(r"\s[»>›/]\s.*\s[»>›/]\s|^(?:home|start)\s*[»>›/]\s", re.IGNORECASE)


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


def _title_like(f: _Feat) -> bool:
    return (f.headline and not f.byline and not f.date and not f.bullet
            and 3 <= f.words <= TITLE_MAX_WORDS
            and (f.words <= 25 or not f.core.endswith(_SENTENCE_END))
            and not _BREADCRUMB.search(f.core) and f.core.casefold() not in _agencies()
            and not f.core.endswith(("|", "•", "·", "/"))
            and not (f.prose and _full_stop(f.core)) and not _name_like(f.core)
            and not (f.words > 14 and _sentence_break(f.core))
            # a short line in capitals is a section label; a short sentence, a caption
            and not (f.words <= 5 and f.core.isupper())
            and not (f.words <= 10 and _full_stop(f.core))
            and not _CAPTION_CUE.search(f.core) and not _NOT_TITLE.search(f.core))


#: A headline-like line at least this long under another one is its standfirst.
STANDFIRST_WORDS = 8


def _title_above(feats: Sequence[_Feat], first: int, lo: int) -> int | None:
    """The headline-like line just above ``first``, skipping a standfirst, captions, section
    labels and boilerplate (at most three content lines). When the line found has another
    headline-like line right above it that is no longer, that one is the headline and the
    line found its standfirst."""
    skipped = 0
    for i in range(first - 1, lo - 1, -1):
        f = feats[i]
        if not _counts(f):
            continue
        after_by = i > 0 and feats[i - 1].core.lower() == "by"
        if _title_like(f) and not after_by:
            # (a line under a lone "By" is the author's or the source's name)
            up = next((j for j in range(i - 1, max(lo, i - 3) - 1, -1) if _counts(feats[j])),
                      None)
            author = up is not None and not _title_like(feats[up]) and _name_like(
                " ".join(feats[up].core.split()[:2]))
            if up is not None and author:
                # the author's line between the headline and its standfirst
                up = next((j for j in range(up - 1, max(lo, up - 3) - 1, -1)
                           if _counts(feats[j])), None)
            if (up is not None and _title_like(feats[up]) and feats[up].words >= 4
                    and (feats[up].words <= f.words or author)
                    and f.words >= STANDFIRST_WORDS
                    and not f.core[:1].isdigit()):
                return up
            return i
        if f.words > 1:
            # a one-word label ("News", "By", "Subscriptions") is passed over freely
            skipped += 1
        if skipped > 3:
            return None
    return None


def _title_below(feats: Sequence[_Feat], end: int) -> int | None:
    """The headline right under a date line with none above it ("CBS News February 24,
    2020", then the headline): the next content line, when headline-like, of four words or
    more and no sentence."""
    nxt = next((j for j in range(end + 1, min(len(feats), end + 3)) if _counts(feats[j])),
               None)
    if nxt is None:
        return None
    f = feats[nxt]
    if (not _title_like(f) or f.words < 4 or f.prose or f.byline or f.date
            or f.core.endswith((":", ";", ","))):
        # "Results of English league matches played on Friday:" leads into a table
        return None
    return nxt


def _clusters(feats: Sequence[_Feat], lo: int, hi: int) -> list[list[int]]:
    """Runs of byline / date lines in ``lo..hi`` (at most two other lines apart)."""
    out: list[list[int]] = []
    for j in range(lo, hi):
        f = feats[j]
        if not (f.byline or f.date):
            continue
        if out and j - out[-1][-1] <= 3 and not any(
            feats[k].prose or _title_like(feats[k]) for k in range(out[-1][-1] + 1, j)
        ):
            out[-1].append(j)
        else:
            out.append([j])
    return out


#: A share line that carries the headline: "Share All sharing options for: <headline>".
CARRIER = re.compile(r"^(?:share|sharing options)\b[^:]{0,40}\bfor:\s+(?=\S)", re.IGNORECASE)


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


#: Headlines with their date lines, evenly spaced at most this many lines apart, three or
#: more in a row, are a list of teasers, not an article's header.
TEASER_RUN_GAP, TEASER_RUN = 8, 3


def _without_teaser_runs(
    feats: Sequence[_Feat], found: Sequence[tuple[int, list[int]]]
) -> tuple[list[tuple[int, list[int]]], set[int]]:
    """The headers found (headline, byline and date lines) less those in a run of teasers
    (a headline and its date, again and again, each headline the same number of lines,
    at most ``TEASER_RUN_GAP``, after the one before), and the lines those runs cover. A
    header with a "By" line is in no run."""
    runs: list[list[tuple[int, list[int]]]] = []
    for t, cl in found:
        if any(feats[j].byline for j in cl):
            runs += [[(t, cl)], []]
            continue
        run = runs[-1] if runs else []
        step = t - run[-1][0] if run else 0
        if run and t > run[-1][1][-1] and step <= TEASER_RUN_GAP and (
                len(run) == 1 or abs(step - (run[-1][0] - run[-2][0])) <= 1):
            run.append((t, cl))
        elif run and len(run) == 2 and t > run[-1][1][-1] and step <= TEASER_RUN_GAP:
            # the first two were a header and a teaser: the run starts at the teaser
            runs[-1] = run[:1]
            runs.append([run[-1], (t, cl)])
        else:
            runs.append([(t, cl)])
    kept = [h for run in runs if len(run) < TEASER_RUN for h in run]
    covered = {k for run in runs if len(run) >= TEASER_RUN
               for k in range(run[0][0], run[-1][1][-1] + 1)}
    return kept, covered


#: A wiki's tagline under the page's title: "From Wikipedia, the free encyclopedia".
WIKI_TAGLINE = re.compile(r"^from (?:wikipedia\b|[\w .'’-]{1,40}\bwiki\b)", re.IGNORECASE)


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


#: How many lines above its byline or date line a headline is looked for.
HEADER_SPAN = 16
#: How many lines above the body a header is looked for (further when a list of teasers
#: lies between).
HEADER_WINDOW = 80


def _find_header(feats: Sequence[_Feat], a: int, b: int) -> _Header:
    head = _Header(body_start=a)
    n = len(feats)
    lo = max(0, a - HEADER_WINDOW)
    best_score, best = float("-inf"), None
    found: list[tuple[int, list[int]]] = []
    for cl in _clusters(feats, max(0, a - 2 * HEADER_WINDOW), min(b + 1, a + 8, n)):
        t = _title_above(feats, cl[0], max(0, cl[0] - HEADER_SPAN))
        if t is None:
            t = _title_below(feats, cl[-1])
        if t is not None:
            found.append((t, cl))
    headers, teasers = _without_teaser_runs(feats, found)
    # a list of teasers between a header and the body does not count as distance
    lo = max(0, lo - len(teasers))
    for t, cl in headers:
        end = cl[-1]
        if t < lo:
            continue
        if end < a:
            # byline and date lines between a header and the body are more header
            between = [k for k in range(end + 1, a) if k not in teasers and _counts(feats[k])]
            dist = float(sum(1 for k in between if not feats[k].bullet
                             and not feats[k].byline and not feats[k].date))
            dist += 0.3 * sum(1 for k in between if feats[k].bullet)
        else:
            dist = sum(1 for k in range(a, end) if feats[k].prose) * 3.0
        score = 5.0 - 0.3 * dist
        score += 3.0 if any(feats[j].byline for j in cl) else 0.0
        score += 1.0 if any(feats[j].date for j in cl) else 0.0
        score += 1.0 if 4 <= feats[t].words <= 24 else 0.0
        if score > best_score:
            best_score, best = score, (t, cl)
    if best is not None and best_score > 0:
        t, cl = best
        head.title = _prefer_repeated(feats, t, cl[0], cl[-1], lo)
        head.bylines = list(cl)
        head.body_start = max(a, cl[-1] + 1)
    else:
        head.title = _title_fallback(feats, a)
    first = _first_line_title(feats, a)
    if first is not None and head.title is not None and _repeated(feats, head.title) and (
            not _repeated(feats, first)):
        # the headline the page repeats, under a blog's name on the first line
        first = head.title
    if first is not None and first != head.title:
        head.title = first
        head.bylines = [j for j in head.bylines if j > first]
    # under a headline found above a byline or date line lie its standfirst and captions
    below = head.title if best is not None and best_score > 0 else None
    # a headline found above a "By" line is not replaced by a line under it
    by = next((j for j in head.bylines if feats[j].byline), None) if below is not None else None
    better = None if first is not None else _title_by_words(feats, head.title, a,
                                                             head.body_start, below, by)
    if better is not None and better != head.title:
        head.title = better
        head.bylines = [j for j in head.bylines if j > better]
    wiki = _wiki_title(feats, a)
    if wiki is not None and wiki != head.title:
        head.title = wiki
        head.bylines = [j for j in head.bylines if j > wiki]
    carried = _carried_title(feats, a, b)
    if carried is not None:
        head.carried = CARRIER.match(feats[carried].core) is not None
        if carried != head.title:
            head.title = carried
            head.bylines = [j for j in head.bylines if j > carried]
    if head.title is None:
        # no headline: a name over a date line just above the body is still the byline
        top = next((j for j in range(max(0, a - HEADER_SPAN), a) if _name_over_date(feats, j)),
                   None)
        if top is not None:
            head.bylines = [top, top + 1]
            head.body_start = max(a, top + 2)
        return head
    t = head.title
    if not any(feats[j].byline for j in head.bylines):
        # no "By" line beside the headline: the explicit byline nearest the body start
        near = [j for j in range(max(t + 1, a - 25), min(b + 1, head.body_start + 6, n))
                if feats[j].byline and j not in head.bylines]
        # else a "By" line further on: at the end of the article, or just after it
        near = near or [j for j in range(max(0, t - 10), min(n, b + 1 + BYLINE_AFTER))
                        if feats[j].byline and not feats[j].bullet and j not in head.bylines
                        and not head.body_start <= j < head.body_start + 6]
        if near:
            j = min(near, key=lambda k: abs(k - head.body_start))
            head.bylines.append(j)
            if head.body_start <= j < head.body_start + 6:
                head.body_start = j + 1
    # a bare name line next to the title or to a date line is a byline too
    top = max(head.bylines[-1] + 2 if head.bylines else t + 4, head.body_start + 1)
    for j in range(t + 1, min(top, n)):
        f = feats[j]
        if j not in head.bylines and f.bp is None and not f.byline and not f.date and (
            _name_like(f.core)
        ):
            head.bylines.append(j)
            # a name after the body's first paragraph does not move the body's start
            if j >= a and not any(feats[k].prose for k in range(a, j)):
                head.body_start = max(head.body_start, j + 1)
    head.bylines.sort()
    # the standfirst: prose between the title and the first byline / the body
    limit = min([*head.bylines, head.body_start])
    for j in range(t + 1, limit):
        f = feats[j]
        if (f.bp is None and f.words >= 8 and not f.date and not f.byline
                and not _CAPTION_CUE.search(f.core)
                and not _CAPTION_CREDIT.search(f.core)):
            head.standfirst.append(j)
            break
    return head


_WORD = re.compile(r"[^\W\d_]{4,}")
#: How much of a headline's words the opening of the body shares, at least, for a line to
#: be taken as the headline instead of a line that shares (``TITLE_WORDS_GAIN``) less.
TITLE_WORDS_MIN, TITLE_WORDS_GAIN = 0.5, 0.35
#: A headline above its byline that shares at least this much of its words with the opening
#: is not replaced by a line under it (a standfirst, a caption, a video label).
ANCHORED_WORDS = 0.2


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - lexicon("layout_common_words")


def _title_by_words(feats: Sequence[_Feat], t: int | None, a: int, start: int,
                    below: int | None = None, by: int | None = None) -> int | None:
    """A headline shares words with the opening of its article; section labels, site names
    and teasers do not. When the line chosen shares few and a headline-like line close
    above the body shares many, that one is the headline. Lines after ``below`` (a headline
    anchored by its byline), from ``by`` (its "By" line) on and the body's first line are
    not candidates."""
    opening: set[str] = set()
    taken = 0
    for f in feats[start: start + 12]:
        if f.prose:
            opening |= _content_words(f.core)
            taken += 1
            if taken == 3:
                break
    if len(opening) < 8:
        return None

    def share(i: int) -> float:
        words = _content_words(feats[i].core)
        return len(words & opening) / len(words) if len(words) >= 2 else 0.0

    current = share(t) if t is not None else 0.0
    best, best_i = current, None
    # a headline anchored by its byline that shares some words with the opening stands
    # against the lines under it
    anchored = below is not None and current >= ANCHORED_WORDS
    # the line right under an anchored headline sharing any word is its standfirst
    under = None if below is None or current == 0 else next(
        (j for j in range(below + 1, min(len(feats), below + 3)) if _counts(feats[j])), None)
    last = min(below, a + 1, start) if anchored and below is not None else min(
        a + 1, len(feats), start, len(feats) if by is None else by)
    for i in range(max(0, a - 40), last):
        f = feats[i]
        if i in (t, under) or not _title_like(f) or f.words < 4:
            continue
        if len(_content_words(f.core)) < 3:
            # "Dancing With the Stars": too few words to tell a headline from a label
            continue
        v = share(i)
        if v >= TITLE_WORDS_MIN and v >= current + TITLE_WORDS_GAIN and v >= best:
            best, best_i = v, i
    return best_i


#: How many lines after the body a "By" line is still the article's.
BYLINE_AFTER = 15
#: A text whose body starts within this many lines of its top begins with its headline
#: (a copied article rather than a whole page).
COPY_TOP = 20
#: ... and has at most this many furniture lines (boilerplate, list items) before the body.
COPY_FURNITURE = 12


def _first_line_title(feats: Sequence[_Feat], a: int) -> int | None:
    """The first line, when the text is a copy that starts at the headline."""
    if a > COPY_TOP or not feats:
        return None
    if sum(1 for g in feats[1:a] if g.bp is not None or g.bullet) > COPY_FURNITURE:
        return None
    f = feats[0]
    if (f.bp is not None or f.byline or f.date or f.bullet or not 4 <= f.words <= 25
            or (f.prose and f.core.endswith(".")) or _NOT_TITLE.search(f.core)
            or f.core.endswith((",", ";", ":")) or _CAPTION_CREDIT.search(f.core)):
        # a picture's caption with its credit ("... Photo: AP") opens many copies too
        return None
    return 0


def _repeated(feats: Sequence[_Feat], i: int) -> bool:
    """Whether line ``i`` (of four words or more) appears again on the page."""
    key = feats[i].core.casefold()
    return feats[i].words >= 4 and sum(1 for f in feats if f.core.casefold() == key) > 1


def _prefer_repeated(feats: Sequence[_Feat], t: int, anchor: int, end: int, lo: int) -> int:
    """A page often repeats its headline (breadcrumb, page title, share text): when the line
    found above the byline (lines ``anchor..end``) is not repeated but a headline-like line
    close above it (or, under a line of three words or fewer, right under the byline) is,
    the repeated one is the headline."""
    counts: dict[str, int] = {}
    for f in feats:
        if 4 <= f.words <= 25:
            key = f.core.casefold()
            counts[key] = counts.get(key, 0) + 1
    if counts.get(feats[t].core.casefold(), 0) > 1:
        return t
    below = next((j for j in range(end + 1, min(len(feats), end + 4)) if _counts(feats[j])),
                 None)
    if (below is not None and _title_like(feats[below])
            and (feats[t].words <= 3 or counts.get(feats[below].core.casefold(), 0) > 2)
            and feats[below].words >= 4
            and not feats[below].core.endswith(".")
            and counts.get(feats[below].core.casefold(), 0) > 1):
        # the headline under its byline and date, repeated from the page's title
        return below
    content = 0
    for i in range(anchor - 1, lo - 1, -1):
        f = feats[i]
        if not _counts(f):
            continue
        content += 1
        if content > 4:
            break
        if (i != t and _title_like(f) and f.words >= 5 and not f.core.endswith(".")
                and counts.get(f.core.casefold(), 0) > 1):
            return i
    return t


#: The quotes one of which opens the headline in :data:`_COMMENTS_ON`.
_OPENING_QUOTES = ("“", '"', "‘", "'")
_COMMENTS_ON = re.compile(
    r"\b(?:thoughts?|comments?|responses?|repl(?:y|ies)) (?:on|to) [“\"‘'](.{8,200}?)[”\"’']\s*$",
    re.IGNORECASE)


def _name_over_date(feats: Sequence[_Feat], i: int) -> bool:
    """Whether line ``i`` is only a person's name, right above a date line: the author and
    the time of a post ("Jane Doe" / "Nov 18, 2019 @17:19 PM"), not a headline."""
    return (i + 1 < len(feats) and feats[i + 1].date and feats[i].bp is None
            and _name_like(feats[i].core))


def _title_fallback(feats: Sequence[_Feat], a: int) -> int | None:
    """With no byline in sight: the best headline-like line above the body."""
    seen: dict[str, int] = {}
    parts: dict[str, int] = {}
    for f in feats:
        if f.words > 40:
            continue
        key = f.core.casefold()
        seen[key] = seen.get(key, 0) + 1
        if ("|" in key or " - " in key or ": " in key or "–" in key or "—" in key) and (
            _SEPARATED.search(f.core)
        ):
            for p in _SEPARATED.split(f.core):
                if len(p.split()) >= 3:
                    parts[p.strip().casefold()] = parts.get(p.strip().casefold(), 0) + 1
        m = _COMMENTS_ON.search(f.core) if ("on" in key or "to" in key) and _holds_any(
            key, _OPENING_QUOTES) else None
        if m is not None:
            # "6 thoughts on “How to Adopt ...”": the comments name the headline
            named = m.group(1).strip().casefold()
            parts[named] = parts.get(named, 0) + 1
    best, best_i = float("-inf"), None
    for i in range(max(0, a - 40), min(a + 1, len(feats))):
        f = feats[i]
        if not f.headline or f.byline or f.date or _name_over_date(feats, i):
            continue
        s = _title_score(i, feats, max(a, i + 1), seen, parts)
        if s > best:
            best, best_i = s, i
    return best_i


# --------------------------------------------------------------------------- classification

_DATELINE = re.compile(
    r"^(?P<dl>(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}"
    r"(?:\s*\((?:[A-Z][\w.&' ]{1,30})\))?|\((?:Reuters|AP|AFP|CNN|Bloomberg|UPI)\)))"
    r"\s*[-–—]{1,2}(?=\s+[A-Z“\"‘'])",
)


def dateline_length(paragraph: str) -> int:
    """Length of a dateline opening ``paragraph`` ("WASHINGTON (Reuters) -", "MADRID —"),
    0 if none."""
    m = _DATELINE.match(paragraph)
    if m is None:
        return 0
    place = m.group("dl")
    letters = [c for c in place.split("(")[0] if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    if place.startswith("(") or upper > 0.6:
        return m.end()
    return 0


_Kind = tuple[SegmentKind, BoilerplateKind | None]
#: The kinds lines are classified as, made once.
_AS_TITLE: _Kind = (SegmentKind.TITLE, None)
_AS_STANDFIRST: _Kind = (SegmentKind.STANDFIRST, None)
_AS_BYLINE: _Kind = (SegmentKind.BYLINE, None)
_AS_DATELINE: _Kind = (SegmentKind.DATELINE, None)
_AS_HEADING: _Kind = (SegmentKind.HEADING, None)
_AS_PARAGRAPH: _Kind = (SegmentKind.PARAGRAPH, None)
_AS_CAPTION: _Kind = (SegmentKind.CAPTION, None)
_AS_NAVIGATION: _Kind = (SegmentKind.BOILERPLATE, BoilerplateKind.NAVIGATION)
_AS_RELATED: _Kind = (SegmentKind.BOILERPLATE, BoilerplateKind.RELATED)
_AS_CREDIT: _Kind = (SegmentKind.BOILERPLATE, BoilerplateKind.CREDIT)
_AS_OTHER: _Kind = (SegmentKind.BOILERPLATE, BoilerplateKind.OTHER)

#: A note about the author after the article ("Jane Doe is a staff writer ...").
AUTHOR_NOTE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|la|le)){1,3}) "
    r"(?i:is an? (?:[\w-]+ ){0,6}(?:writer|reporter|editor|journalist|correspondent|"
    r"columnist|contributor|producer|author|freelancer|critic|curator))\b"
)
#: A picture's caption with its credit ("... Credit: Getty Images", "(Photo: Jane Doe/AP)").
_CAPTION_CREDIT = re.compile(
    r"\b(?:credit|photo(?:graph)?|image|picture)s?\s*(?::|\.\.\.|…)\s*\S|getty images\W*$|"
    r"\((?:ap|afp|reuters|getty)[^)]*\)$|/\s*(?:ap|afp|reuters|getty images|epa)\)?$|"
    r"[.!?]\s*©\s*\w[^©.!?]{0,60}$",
    re.IGNORECASE,
)
#: A picture of a gallery: "2 of 4 A shopper looks at extension cords ...".
_GALLERY = re.compile(r"^\d{1,3} of \d{1,3} [A-Z“\"‘']")


_CAPTION_HINTS = ("credit", "photo", "image", "picture", "getty", "illustration", "afp", "ap ",
                  "reuters", "epa", "/", "(", "…", "...", "©")


#: Literals, lower-cased, one of which a match of _CAPTION_CUE holds, and one of which a match
#: of the first two alternatives of _CAPTION_CREDIT, or its last one ("©"), holds; the
#: remaining alternatives end the line with ")" or a source's last letter. (No "i" or "s" in
#: them: "ı" and "ſ" match those ignoring case.)
_CUE_NEEDLES = ("getty", "hutter", "photo", "mage", "cred", "llu", "afp", "reuter", "epa", "(")
_CREDIT_NEEDLES = ("cred", "photo", "mage", "ctur", "getty", "©")
_CREDIT_ENDS = (")", "p", "s", "ſ", "a")


def _holds_any(low: str, needles: tuple[str, ...]) -> bool:
    """Whether ``low`` holds one of ``needles``."""
    # a loop rather than any() over a generator: this runs for every paragraph
    for needle in needles:  # noqa: SIM110
        if needle in low:
            return True
    return False


def _is_caption(f: _Feat) -> bool:
    if _GALLERY.match(f.core):
        return True
    low = f.core.lower()
    if not _holds_any(low, _CAPTION_HINTS):
        return False
    if not f.prose and _holds_any(low, _CUE_NEEDLES) and _CAPTION_CUE.search(f.core):
        return True
    return ((_holds_any(low, _CREDIT_NEEDLES) or low.endswith(_CREDIT_ENDS))
            and _CAPTION_CREDIT.search(f.core) is not None)


def _is_heading(i: int, feats: Sequence[_Feat], b: int) -> bool:
    f = feats[i]
    if not f.headline or f.prose or f.words > 16 or len(f.core) > 120:
        return False
    if f.core.endswith((".", ",", ";")) or _CAPTION_CUE.search(f.core):
        return False
    nxt = next((j for j in range(i + 1, b + 1) if feats[j].bp is None), None)
    return nxt is not None and feats[nxt].prose


def _in_table(i: int, feats: Sequence[_Feat]) -> bool:
    """Whether a line with words sits among rows of a table (the line before it, or one of
    the two after it, is a row, and two of the lines around it are) and is no list item."""
    f = feats[i]
    if f.bullet or _LETTER.search(f.core) is None:
        return False
    near = [feats[j].row for j in range(max(0, i - 2), min(len(feats), i + 4))]
    return sum(near) >= 2 and any(
        0 <= j < len(feats) and feats[j].row for j in (i - 1, i + 1, i + 2))


def _classify(feats: Sequence[_Feat], a: int, b: int, head: _Header) -> list[_Kind]:
    n = len(feats)
    kinds: list[_Kind] = [_AS_OTHER] * n
    top = head.title if head.title is not None else a
    last_byline = max(head.bylines, default=top)
    seen_in_body: set[str] = set()
    paragraph_seen = False
    for i in range(n):
        f = feats[i]
        if i - 1 > top and kinds[i - 1][0] is SegmentKind.PARAGRAPH:
            paragraph_seen = True
        if f.bp is not None:
            kinds[i] = (SegmentKind.BOILERPLATE, f.bp)
        elif i < top:
            dateline = f.date and i >= top - 2 and _DATELINE_LINE.match(f.core) is not None
            kinds[i] = _AS_DATELINE if dateline else _AS_NAVIGATION
        elif i > b:
            related = f.headline or f.bullet
            kinds[i] = _AS_RELATED if related else _AS_OTHER
        elif i < a:
            if i == a - 1 and i > last_byline and _is_heading(i, feats, b):
                # a section heading right before the first paragraph
                kinds[i] = _AS_HEADING
            elif i > top and not (f.byline or f.date) and _in_table(i, feats):
                # the lead-in or a label of a table that opens the body
                kinds[i] = _AS_PARAGRAPH
            elif f.date and i > top:
                kinds[i] = _AS_DATELINE
            elif f.words >= 6 and _LETTER.search(f.core):
                kinds[i] = _AS_CAPTION
        elif f.date and top < i and not paragraph_seen:
            # a date line between the headline and the first paragraph ("LONDON 1996-08-30")
            kinds[i] = _AS_DATELINE
        elif i >= b - 3 and AUTHOR_NOTE.match(f.core):
            kinds[i] = _AS_CREDIT
        elif f.core in seen_in_body and f.words >= 4:
            # the same text again (pages render a caption or teaser more than once)
            kinds[i] = _AS_OTHER
        elif f.prose or f.row or (f.words >= 4 and not f.byline and not f.date):
            seen_in_body.add(f.core)
            kinds[i] = _AS_PARAGRAPH
            if _is_heading(i, feats, b):
                kinds[i] = _AS_HEADING
            elif _is_caption(f):
                kinds[i] = _AS_CAPTION
        elif f.headline and f.words >= 2 and _is_heading(i, feats, b):
            kinds[i] = _AS_HEADING
        elif _in_table(i, feats) and not f.byline and not f.date:
            # a label or a wrapped cell of a table in the body ("AMERICAN LEAGUE", "Leeds)")
            kinds[i] = _AS_PARAGRAPH
    if head.title is not None:
        kinds[head.title] = ((SegmentKind.TITLE, BoilerplateKind.SHARE) if head.carried
                             else _AS_TITLE)
    for j in head.standfirst:
        kinds[j] = _AS_STANDFIRST
    for j in head.bylines:
        kinds[j] = _AS_BYLINE
    return kinds


def _plain_record(cls: type, names: tuple[str, ...]) -> bool:
    """Whether ``cls`` is a slotted attrs class of exactly the fields ``names``, in order,
    none validated or converted and no hook run after ``__init__``: one whose records may
    be made by setting their slots directly, as its ``__init__`` would."""
    fields = attrs.fields(cls)
    return (tuple(f.name for f in fields) == names and "__slots__" in vars(cls)
            and all(f.validator is None and f.converter is None for f in fields)
            and not hasattr(cls, "__attrs_post_init__")
            and not hasattr(cls, "__attrs_pre_init__"))


# A page makes a segment and a span for each of its lines: they are made by setting their
# slots directly, which takes about half the time of the keyword-only ``__init__`` (the
# same records, equal and alike in every respect), when the classes are as that expects.
if _plain_record(Span, ("start", "end", "text")) and _plain_record(
        Segment, ("kind", "span", "boilerplate", "details")):
    _SPAN_SLOTS = tuple(vars(Span)[name].__set__ for name in ("start", "end", "text"))
    _SEGMENT_SLOTS = tuple(vars(Segment)[name].__set__
                           for name in ("kind", "span", "boilerplate", "details"))

    def _segment(kind: SegmentKind, start: int, end: int, text: str,
                 boilerplate: BoilerplateKind | None,
                 details: tuple[tuple[str, str], ...]) -> Segment:
        """``Segment(kind=kind, span=Span(start=start, end=end, text=text), ...)``."""
        span = Span.__new__(Span)
        set_start, set_end, set_text = _SPAN_SLOTS
        set_start(span, start)
        set_end(span, end)
        set_text(span, text)
        segment = Segment.__new__(Segment)
        set_kind, set_span, set_boilerplate, set_details = _SEGMENT_SLOTS
        set_kind(segment, kind)
        set_span(segment, span)
        set_boilerplate(segment, boilerplate)
        set_details(segment, details)
        return segment
else:
    def _segment(kind: SegmentKind, start: int, end: int, text: str,
                 boilerplate: BoilerplateKind | None,
                 details: tuple[tuple[str, str], ...]) -> Segment:
        """``Segment(kind=kind, span=Span(start=start, end=end, text=text), ...)``."""
        return Segment(kind=kind, span=Span(start=start, end=end, text=text),
                       boilerplate=boilerplate, details=details)


def _seg(text: str, kind: SegmentKind, start: int, end: int,
         boilerplate: BoilerplateKind | None = None) -> Segment:
    span = text[start:end]
    # only a copyright line has details (:func:`_details`)
    return _segment(kind, start, end, span, boilerplate,
                    _details(boilerplate, span) if boilerplate is BoilerplateKind.COPYRIGHT
                    else ())


def segment_text(text: str) -> tuple[Segment, ...]:
    """Split ``text`` into labelled segments covering every non-space character once."""
    lines = _line_rows(text)
    if not lines:
        return ()
    feats = [_features_cached(line) if len(line) <= 120 else _line_features(line)
             for _, _, line, _ in lines]
    if not _plain(feats):
        # on a page with furniture, short lines with figures may be links and widgets
        feats = [f._replace(row=False) if f.row else f for f in feats]
    scores = _scores(feats)
    a, b = _body_region(feats, scores)
    a, b = _byline_anchored_region(feats, scores, a, b)
    b = _table_tail(feats, b)
    b = _closing_list(feats, a, b)
    a = _after_caption(feats, a, b)
    head = _find_header(feats, a, b)
    kinds = _classify(feats, head.body_start, b, head)
    return _build(text, lines, kinds)


#: A run of spaces between the cells of a table rendered onto one line.
_CELL_GAP = re.compile(r"[ \t\u00a0]{10,}")


def _build(text: str, lines: Sequence[_Row], kinds: Sequence[_Kind]) -> tuple[Segment, ...]:
    """Segments from classified lines: a paragraph hard-wrapped onto the next line (no blank
    line between, the first not ending a sentence, the next starting in lower case) is one
    segment; a dateline opening the first paragraph is cut off."""
    out: list[Segment] = []
    first_paragraph = True
    i, n = 0, len(lines)
    while i < n:
        kind, bp = kinds[i]
        start, end, line, _ = lines[i]
        if kind is SegmentKind.PARAGRAPH or kind is SegmentKind.STANDFIRST:
            # the segment so far ends with its last line's text
            while (
                i + 1 < n
                and kinds[i + 1][0] is kind
                and not lines[i + 1][3]
                and not line.endswith((".", "!", "?", ":", '"', "”"))
                and lines[i + 1][2][:1].islower()
            ):
                i += 1
                _, end, line, _ = lines[i]
        if kind is SegmentKind.TITLE and bp is not None:
            # the headline carried by a share line: the share label, then the title
            core = text[start:end]
            m = CARRIER.match(_strip_marker(core))
            if m is not None:
                cut = start + len(core) - len(_strip_marker(core)) + m.end()
                out.append(_seg(text, SegmentKind.BOILERPLATE,
                                start, start + len(text[start:cut].rstrip()), bp))
                start, bp = cut, None
        if kind is SegmentKind.TITLE:
            gap = _CELL_GAP.search(text, start, end)
            if gap is not None:
                # cells of a table rendered onto one line: the headline is the first
                out.append(_seg(text, kind, start, gap.start()))
                kind, bp, start = SegmentKind.BOILERPLATE, BoilerplateKind.OTHER, gap.end()
                while text[start].isspace():
                    start += 1
        if kind is SegmentKind.PARAGRAPH and first_paragraph:
            first_paragraph = False
            cut = dateline_length(text[start:end])
            if cut:
                d_end = start + len(text[start:start + cut].rstrip())
                out.append(_seg(text, SegmentKind.DATELINE, start, d_end))
                start = d_end
                while start < end and text[start].isspace():
                    start += 1
        # a segment of one whole line has that line's text (no need to cut it again)
        piece = line if start == lines[i][0] else text[start:end]
        out.append(_segment(kind, start, end, piece, bp, _details(bp, piece)
                            if bp is BoilerplateKind.COPYRIGHT else ()))
        i += 1
    return tuple(out)
