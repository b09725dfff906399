"""Mentions found by pattern and lexicon: wire datelines and party-state tags, organisations
of a general gazetteer and parties named as such; photo credits, which hold no mention; an
entity's names and the countries and demonyms found again anywhere in the text."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from newsstruct.data import lexicon
from newsstruct.entities._common import _BODY, _TITLE_LIKE, _Cand, _pairs
from newsstruct.types import Segment

_NEXT_NAME = re.compile(r" (?:[A-Z]|of )")
#: A wire-service dateline opening a paragraph: "HEMPSTEAD, N.Y., Sept. 26 (UPI) —",
#: "WASHINGTON (AP) —", "LOS ANGELES, Sept. 28 (UPI) —".
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:, (?P<state>[A-Z][A-Za-z.]{1,13}(?: ?[A-Z][a-z.]+)?))?,?"
    r"(?: [A-Z][a-z]{2,4}\.? \d{1,2},?)?"
    r"(?: \((?P<agency>[A-Z][A-Za-z&]{1,15}(?: [A-Z][A-Za-z&]+){0,2})\))?"
    r"\s*[-–—―]")
#: A party and state tag after a legislator's name: "(D-N.C.)", "(R-IN)", "(D-Ohio)".
_PARTY_STATE = re.compile(r"\((?:D|R|I|Ind|Dem|Rep)[-–](?P<state>[A-Z][A-Za-z. ]{1,13}?)\)")


def _state(name: str) -> bool:
    abbr = _pairs("entity_place_abbreviations")
    return name in abbr or name in abbr.values()


def _known_place(name: str) -> bool:
    title = name.title()
    return (title in lexicon("entity_capitals") or title in lexicon("entity_countries")
            or _state(title))


def _wire_cands(segs: list[Segment], codes: list[int]) -> list[_Cand]:
    """Places and agencies of wire datelines that open a paragraph, and the states of
    party-state tags."""
    out: list[_Cand] = []
    for seg, code in zip(segs, codes, strict=True):
        if code not in (_BODY, _TITLE_LIKE):
            continue
        base = seg.span.start
        m = _WIRE_DATELINE.match(seg.text)
        if m is not None and len(m.group("place")) >= 3 and (
                m.group("agency") or m.group("state") or _known_place(m.group("place"))):
            out.append(_Cand(base + m.start("place"), base + m.end("place"), "GPE", 3.0,
                             "dateline", region=_TITLE_LIKE))
            if m.group("state") and _state(m.group("state")):
                out.append(_Cand(base + m.start("state"), base + m.end("state"), "GPE", 3.0,
                                 "dateline", region=_TITLE_LIKE))
            if m.group("agency"):
                out.append(_Cand(base + m.start("agency"), base + m.end("agency"), "ORG", 3.0,
                                 "dateline", region=_TITLE_LIKE))
        for t in _PARTY_STATE.finditer(seg.text):
            if _state(t.group("state")):
                out.append(_Cand(base + t.start("state"), base + t.end("state"), "GPE", 3.0,
                                 "lexicon"))
    return out


_NOT_PARTY_NAME = frozenset({"The", "This", "That", "His", "Her", "Their", "Its", "A", "An",
                             "Every", "Each", "Our", "My", "Your", "Which", "Whose", "Any"})
#: A party named as such ("Green Party"; "Republican party", one word before a lowercase
#: "party", so that "the Freedom Front party" stays "Freedom Front").
_PARTY = re.compile(r"(?<![\w.'’-])(?P<name>(?:[A-Z][a-z]+ ){1,2}Party|[A-Z][a-z]+ party)\b")


_CAP_WORD = re.compile(r"(?<![\w.'’&-])[A-Z][\w.&'’-]*")
_NAME_END = re.compile(r"[\w&-]|['’]\w|\.\w")


@cache
def _gazetteer() -> dict[str, tuple[str, ...]]:
    """The gazetteer's names by their first word, longest first."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(lexicon("entity_organisations"), key=len, reverse=True):
        by_first.setdefault(name.split()[0].rstrip("."), []).append(name)
    return {k: tuple(v) for k, v in by_first.items()}


def _gazetteer_hits(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each name of the gazetteer in ``text``, case as written."""
    names = _gazetteer()
    out: list[tuple[int, int]] = []
    for m in _CAP_WORD.finditer(text):
        word = m.group()
        for key in (word, word.rstrip(".,’'")):
            for name in names.get(key, ()):
                end = m.start() + len(name)
                if text.startswith(name, m.start()) and not _NAME_END.match(text, end):
                    out.append((m.start(), end))
                    break
            else:
                continue
            break
    return out


def _org_name_cands(segs: list[Segment], codes: list[int]) -> list[_Cand]:
    """Organisations named by a general gazetteer (news agencies, outlets, platforms, polling
    firms) and parties named as such ("Green Party", "Republican party")."""
    out: list[_Cand] = []
    for seg, code in zip(segs, codes, strict=True):
        if code not in (_BODY, _TITLE_LIKE):
            continue
        base = seg.span.start
        for start, end in _gazetteer_hits(seg.text):
            out.append(_Cand(base + start, base + end, "ORG", 3.5, "lexicon", region=code))
        for m in _PARTY.finditer(seg.text):
            before = seg.text[max(0, m.start() - 30):m.start()].split()
            if m.group("name").split()[0] not in _NOT_PARTY_NAME and not (
                    before and before[-1][:1].isupper() and before[-1][-1:].isalpha()):
                out.append(_Cand(base + m.start(), base + m.end(), "ORG", 3.5, "lexicon",
                                 region=code))
    return out


#: Credits of photos and videos: "Photo by Jane Roe / AFP via Getty Images", "Photograph: X/Y",
#: "(Image: Getty Images)", "(Lintao Zhang/Getty Images)", and lines such as
#: "Jane Roe / Example Agency - Example Images".
_CREDIT_LEAD = re.compile(
    r"(?:^|(?<=\()|(?<=[.!?]\s))(?i:photo(?:graph)?|image|picture|illustration|credit)s?\s*"
    r"(?:by\b|:)[^()\n]*")
_CREDIT_PAREN = re.compile(
    r"\((?=[^()\n]*(?:[A-Z][\w.'’-]*\s*/\s*[A-Z]|\bvia\b|\bImages\b))[^()\n]{1,120}\)")
_CREDIT_WORD = re.compile(r"[A-Z][\w.'’&-]*|via|for|of|the|and|by|[-–—/|]")


def _is_credit_line(line: str) -> bool:
    words = line.strip().rstrip(".").split()
    return ("/" in line and 1 <= len(words) <= 14 and len(line) <= 120
            and all(_CREDIT_WORD.fullmatch(w) or all(_CREDIT_WORD.fullmatch(p) for p in
                                                     re.split(r"(/)", w) if p) for w in words))


def credit_spans(segs: Sequence[Segment]) -> list[tuple[int, int]]:
    """Character spans of photo and video credits: no name inside one is an entity."""
    out: list[tuple[int, int]] = []
    for seg in segs:
        base = seg.span.start
        for line in re.finditer(r"[^\n]+", seg.text):
            if _is_credit_line(line.group()):
                out.append((base + line.start(), base + line.end()))
                continue
            lb = base + line.start()
            out += [(lb + m.start(), lb + m.end()) for pat in (_CREDIT_LEAD, _CREDIT_PAREN)
                    for m in pat.finditer(line.group())]
    return sorted(out)


def outside(cands: list[_Cand], spans: list[tuple[int, int]]) -> list[_Cand]:
    """The mentions that lie in none of ``spans`` (sorted)."""
    if not spans:
        return cands
    starts = [s for s, _ in spans]
    ends = list(itertools.accumulate((e for _, e in spans), max))
    kept = []
    for c in cands:
        i = bisect.bisect_right(starts, c.start) - 1
        if i < 0 or ends[i] <= c.start:
            kept.append(c)
    return kept


# --------------------------------------------------------------------------- names by form

#: A name found again: start, end, the entity it names (None: a lexicon place) and its label.
_Hit = tuple[int, int, "int | None", str]


@cache
def _lexicon_pattern(fold: bool) -> re.Pattern[str]:
    names = sorted(set(lexicon("entity_countries")) | set(_pairs("entity_demonyms")),
                   key=len, reverse=True)
    return re.compile(r"(?<![\w.'’-])(?:" + "|".join(re.escape(n) for n in names)
                      + r")(?:s)?(?![\w'’-])", re.IGNORECASE if fold else 0)


_FORM_START = re.compile(r"(?<![\w.&'-])\w*")
_FORM_END = re.compile(r"[\w&-]|'\w\w")
_WORD_RUN = re.compile(r"\w*")


class _FormFinder:
    """Case-insensitive, whole-word search for many names at once: the names are grouped by
    their first word, so each word start of a text is looked up once (linear in the text)."""

    def __init__(self, forms: Iterable[str]) -> None:
        groups: dict[str, list[str]] = defaultdict(list)
        for f in sorted(forms, key=len, reverse=True):
            low = f.lower()
            run = _WORD_RUN.match(low)
            groups[run.group() if run else ""].append(low)
        self._groups = dict(groups)
        self._firsts = frozenset(f[0] for f in self._groups.get("", ()) if f)

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each leftmost-longest occurrence, left to right, not overlapping."""
        at = 0
        for m in _FORM_START.finditer(text):
            s = m.start()
            if s < at:
                continue
            run = m.group()
            if not run and text[s:s + 1].lower() not in self._firsts:
                continue
            for low in self._groups.get(run.lower(), ()):
                e = s + len(low)
                if text[s:e].lower() == low and _FORM_END.match(text, e) is None:
                    yield s, e
                    at = e
                    break


@cache
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """Country names and demonyms, folded."""
    return (frozenset(c.casefold() for c in lexicon("entity_countries")),
            frozenset(d.casefold() for d in _pairs("entity_demonyms")))


def _place_hits(seg: Segment, upper: bool) -> list[_Hit]:
    """Country names (GPE) and demonyms (NORP) in a segment, in any case on an ALL-CAPS line."""
    countries, demonyms = _place_words()
    base = seg.span.start
    found: list[_Hit] = []
    for m in _lexicon_pattern(upper).finditer(seg.text):
        f = m.group().casefold()
        if f in countries:
            label = "GPE"
        elif f in demonyms or (f.endswith("s") and f[:-1] in demonyms):
            label = "NORP"
        else:
            continue
        found.append((base + m.start(), base + m.end(), None, label))
    return found
