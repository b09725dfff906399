"""Shared pieces of the entity stage: lexicon helpers, constants and working records."""


from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from newsstruct.data import lexicon
from newsstruct.types import (
    EntityType,
    MentionKind,
    SegmentKind,
)

if TYPE_CHECKING:
    pass



_KEEP = frozenset(t.value for t in EntityType) - {"MISC"}
_SKIP_KINDS = frozenset({SegmentKind.BOILERPLATE, SegmentKind.BYLINE})
_TITLE_KINDS = frozenset({SegmentKind.TITLE, SegmentKind.HEADING})

_BODY, _TITLE_LIKE, _DATELINE, _SKIP = 0, 1, 2, 3
_FAR = 1 << 62

_DETERMINERS = frozenset({"the", "a", "an"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_CONNECTORS = frozenset({"of", "de", "del", "della", "di", "da", "do", "dos", "la", "le", "van",
                         "von", "der", "den", "du", "al", "el", "bin", "ibn", "and", "&", "y"})
_INITIAL_NAME = re.compile(
    r"(?<![\w.])[A-Z]\.\s?(?:[A-Z]\.\s?)?(?:[A-Z]'|Mc|Mac|O')?[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b")
_DATELINE_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3})"
    r"(?:\s*,[^()\n]{1,40}?)?"
    r"\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\([A-Z][\w .&]{1,30}\)|[-–—:]|$)")
_STRICT_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}(?:\s*,\s*[A-Z][A-Za-z. ]{1,20})?\s*"
    r"(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?|\([A-Z][\w .&]{1,30}\)"
    r"(?:\s*[-–—])?)\s*$")
_FIRST_NAME_RUN = re.compile(
    r"(?<![\w.'’-])(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?:\s+[A-Z]\.)?(?:\s+(?:van|de|der|von|da|di|le|la|del|dos|el|al)(?:\s+der)?)?"
    r"\s+(?P<last>(?:Mc|Mac|O'|D')?[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)"
    r"(?:\s+(?:Mc|Mac|O'|D')?[A-Z][a-z]{2,}(?=\s+(?:[a-z]|\()))?(?![\w'’-])")
_NAME_RUN = (r"(?:[A-Z][\w.'’&-]*)"
             r"(?:\s+(?:of|de|la|del|van|der|von|and|&|[A-Z][\w.'’&-]*))*"
             r"(?:\s+\([A-Z]{1,3}\))?")
_SCORE_AFTER = re.compile(r"(?<![\w.'’&-])(?P<name>(?:[A-Z][\w.'’&-]*)"
                          r"(?:\s+(?:of|de|la|del|van|der|von|and|&|[A-Z][\w.'’&-]*)){0,6}"
                          r"(?:\s+\([A-Z]{1,3}\))?)(?=\s+-?\d)")
_FIXTURE = re.compile(r"^(?P<a>" + _NAME_RUN + r")\s+(?:AT|at|v|vs\.?|V|VS\.?)\s+(?P<b>"
                      + _NAME_RUN + r")\s*$")
_NUMERIC = re.compile(r"^[-+]?[\d.,:/()%*-]+$|^\d+(?:st|nd|rd|th)$")
_AGENTIVE = ("er", "or", "ist", "ian", "man", "woman", "ent", "ant", "ee")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")


@cache
def _pairs(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in lexicon(name):
        key, _, value = entry.partition("|")
        out[key.strip()] = value.strip()
    return out


@cache
def _folded(name: str) -> frozenset[str]:
    return frozenset(e.casefold() for e in lexicon(name))


def first_name_gender(name: str) -> str | None:
    """``"m"`` or ``"f"`` when ``name`` is a first name of one gender only in the lexicons."""
    male = name in lexicon("entity_first_names_male")
    female = name in lexicon("entity_first_names_female")
    if male != female:
        return "m" if male else "f"
    return None


def _is_first_name(word: str) -> bool:
    return word in lexicon("entity_first_names_male") or word in lexicon(
        "entity_first_names_female")


@cache
def _title_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(t.split()) for t in lexicon("entity_titles")}, reverse=True))


# --------------------------------------------------------------------------- mentions


@dataclass
class _Cand:
    """A name mention before clustering."""

    start: int
    end: int
    label: str
    weight: float
    source: str
    region: int = _BODY
    role: tuple[int, int] | None = None
    subject: bool = False
    oblique: bool = False
    team: bool = False
    sent: int = -1


@dataclass
class _Cluster:
    """A group of mentions that name one entity."""

    cands: list[_Cand]
    type: str = ""
    name: str = ""
    gender: str | None = None
    roles: list[tuple[int, int, str]] = field(default_factory=list)
    extra: list[tuple[int, int, MentionKind, float]] = field(default_factory=list)


def _title_gender(text: str, c: _Cand) -> str | None:
    """The gender a stripped title gives ("Mr." -> m, "Mrs." -> f)."""
    if c.role is None:
        return None
    t = text[c.role[0]:c.role[1]]
    if t in lexicon("entity_titles_male"):
        return "m"
    if t in lexicon("entity_titles_female"):
        return "f"
    return None
