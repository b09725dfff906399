"""Boilerplate kinds: the lexicon ``boilerplate_patterns`` compiled, and the kind of a line."""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

from newsstruct.data import lexicon
from newsstruct.layout.lines import _strip_marker
from newsstruct.types import BoilerplateKind

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
    for f in singles:
        if f.needle not in low:
            continue
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
