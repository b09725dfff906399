"""Entities: mentions from the body's NER grouped into canonical entities with roles.

The stage reads the one spaCy ``Doc`` of the article and reasons over the whole article:

* **Mentions.** Named-entity spans of body segments, cleaned (leading articles, possessives,
  trailing scores and titles stripped, a title kept as a role), plus mentions found by rule:
  a dateline's place, initial-and-surname names ("P. Simmons"), names ending in an
  organisation word ("Jeans Mate Corp") and the competitors of results and standings lines.
* **Clusters.** Mentions with the same name, a surname and its full name, an acronym and its
  expansion form one entity; its type is a weighted vote over its mentions (a full personal
  name outweighs stray labels on the surname). Demonyms stay NORP and point to their place.
* **Headlines.** Titles, headings and ALL-CAPS lines are not read with the model's labels; the
  body's entities are found in them by name (case-insensitively in ALL-CAPS lines), and every
  further occurrence of an entity's name in the body becomes a mention too.
* **Roles.** From stripped titles ("President"), pre-modifiers ("Austrian analyst") and
  appositives ("Kirill Dmitriev, Russia's investment envoy").
* **Pronouns and nominals.** "he"/"she"/"his"/"her" go to the nearest earlier compatible
  person, preferring subjects; "the president" goes to the latest entity with that role.
* **Salience** from mention count, first position and presence in the title.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from newsstruct.data import lexicon
from newsstruct.types import (
    Byline,
    Entity,
    EntityType,
    Mention,
    MentionKind,
    Role,
    Segment,
    SegmentKind,
    Span,
    SpanIndex,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["entity_at", "extract_entities", "first_name_gender"]

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


def _is_upper_line(s: str) -> bool:
    upper = sum(map(str.isupper, s))
    lower = sum(map(str.islower, s))
    return upper >= 4 and lower <= 0.1 * (upper + lower)


def _regions(text: str, segments: Sequence[Segment]) -> tuple[list[int], list[int], list[Segment]]:
    """Segment starts, region codes and segments, in text order.

    A dateline-shaped line near the top ("LONDON 1996-08-30") is read as a dateline whatever
    kind the layout gave it; title, headings and ALL-CAPS lines are title-like.
    """
    segs = sorted(segments, key=lambda s: s.span.start)
    codes: list[int] = []
    for i, seg in enumerate(segs):
        kind = seg.kind
        if kind is SegmentKind.DATELINE or (
            i <= 4 and kind is not SegmentKind.TITLE and _STRICT_DATELINE.match(seg.text)
        ):
            codes.append(_DATELINE)
        elif kind in _SKIP_KINDS:
            codes.append(_SKIP)
        elif kind in _TITLE_KINDS or _is_upper_line(seg.text):
            codes.append(_TITLE_LIKE)
        else:
            codes.append(_BODY)
    return [s.span.start for s in segs], codes, segs


def _clean(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int, tuple[int, int] | None]:
    """Token bounds without leading articles/titles and trailing possessives/scores, and the
    character span of a stripped title."""
    role: tuple[int, int] | None = None
    titles = lexicon("entity_titles")
    while start_tok < end_tok:
        tok = doc[start_tok]
        if tok.lower_ in _DETERMINERS or tok.is_punct or tok.is_space:
            start_tok += 1
            continue
        stripped = False
        for n in _title_lengths():
            if start_tok + n < end_tok:
                words = doc[start_tok:start_tok + n]
                if words.text in titles and doc[start_tok + n].text[:1].isupper():
                    role = (words.start_char, words.end_char)
                    start_tok += n
                    stripped = True
                    break
        if not stripped:
            break
    while end_tok > start_tok:
        tok = doc[end_tok - 1]
        if tok.text in _POSSESSIVE or tok.is_punct or tok.is_space or _NUMERIC.match(tok.text) or (
                tok.is_lower and tok.is_alpha and end_tok - 1 > start_tok):
            end_tok -= 1
            continue
        break
    return start_tok, end_tok, role


def _pieces(doc: Doc, start_tok: int, end_tok: int, label: str) -> list[tuple[int, int]]:
    """Split a span at spaced dashes (and at commas between places)."""
    out: list[tuple[int, int]] = []
    suffixes = lexicon("entity_org_suffixes")
    lo = start_tok
    for i in range(start_tok, end_tok):
        tok = doc[i]
        cut = (tok.text in ("-", "–", "—") and tok.whitespace_ and i > 0
               and doc[i - 1].whitespace_) or tok.text in ("(", ")", "\n") or tok.is_space or (
            tok.text == "," and label in ("GPE", "LOC", "FAC")) or (
            tok.lower_ in ("v", "v.", "vs", "vs.") and tok.is_lower) or (
            tok.pos_ == "CCONJ" and i > lo and doc[i - 1].text in suffixes)
        if cut:
            if i > lo:
                out.append((lo, i))
            lo = i + 1
    if end_tok > lo:
        out.append((lo, end_tok))
    return out


def _acceptable(text: str) -> bool:
    if not any(c.isalpha() for c in text):
        return False
    if not any(c.isupper() for c in text):
        return False
    if text in lexicon("entity_titles"):
        return False
    non_names = _folded("entity_non_names")
    words = [w for w in _WORD.findall(text.replace("’", "'")) if w.casefold() not in ("'s",)]
    if words and all(w.casefold().removesuffix("'s") in non_names for w in words):
        return False
    return not (len(text) <= 3 and text.endswith("."))


def _title_before(doc: Doc, start_tok: int) -> tuple[int, int] | None:
    """A title written just before a name ("Mr. Obama", "Prime Minister John Major")."""
    titles = lexicon("entity_titles")
    for n in _title_lengths():
        if start_tok - n >= 0:
            words = doc[start_tok - n:start_tok]
            if words.text in titles and not words[0].is_space:
                return words.start_char, words.end_char
    return None


def _is_subject(doc: Doc, start_tok: int, end_tok: int) -> bool:
    for tok in doc[start_tok:end_tok]:
        if tok.dep_ in ("nsubj", "nsubjpass") and not (start_tok <= tok.head.i < end_tok):
            return True
        if tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            return False
    return False


def _ner_cands(doc: Doc, starts: list[int], codes: list[int], authors: frozenset[str],
               sports: bool = False) -> list[_Cand]:
    out: list[_Cand] = []
    countries = lexicon("entity_countries")
    for ent in doc.ents:
        if ent.label_ not in _KEEP:
            continue
        idx = bisect.bisect_right(starts, ent.start_char) - 1
        if idx < 0 or codes[idx] != _BODY:
            continue
        s, e, role = _clean(doc, ent.start, ent.end)
        label = ent.label_
        for ps, pe in _pieces(doc, s, e, label):
            s2, e2, role2 = _clean(doc, ps, pe)
            if e2 <= s2:
                continue
            span = doc[s2:e2]
            txt = span.text
            if not _acceptable(txt) or txt.casefold() in authors:
                continue
            if role2 is None and not (ps == s and role is not None):
                role2 = _title_before(doc, s2)
            n_words = sum(1 for t in span if t.is_alpha)
            weight = 1.0
            if label == "PERSON" and n_words >= 2:
                weight = 3.0
            out.append(_Cand(span.start_char, span.end_char, label, weight, "ner",
                             role=role2 or (role if ps == s else None),
                             team=(_team_evidence(span.root) or (
                                 sports and label == "GPE" and txt not in countries
                                 and _team_role(span.root))) and not (
                                 s2 > 0 and doc[s2 - 1].pos_ == "NOUN" and doc[s2 - 1].is_lower
                             )))
    return out


def _team_evidence(tok: Token) -> bool:
    """Whether ``tok`` is the subject or object of a verb that sports reports use of teams
    ("Leicestershire beat Somerset")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "with", "against"):
        head = head.head
    elif tok.dep_ not in ("nsubj", "dobj", "conj"):
        return False
    if tok.dep_ == "conj":
        return head.dep_ in ("nsubj", "dobj") and head.head.lemma_ in lexicon("entity_team_verbs")
    return head.pos_ in ("VERB", "AUX") and head.lemma_ in lexicon("entity_team_verbs")


def _sports_report(segs: list[Segment], codes: list[int]) -> bool:
    """Whether the article reports sport: its headline opens with a sport ("SOCCER - ...")."""
    for seg, code in zip(segs, codes, strict=True):
        if code == _SKIP:
            continue
        head = re.split(r"(?<!\s)\s+[-–—:]\s+|:\s", seg.text, maxsplit=1)
        return len(head) == 2 and head[0].strip().casefold() in _folded("entity_sports")
    return False


def _team_role(tok: Token) -> bool:
    """Whether a place name is used as a team in a sports report: a subject, object or
    possessor, or after "for", "against", "over", "with", "from", "to", "by" (not "in"/"at")."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "conj"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in (
        "for", "against", "over", "with", "from", "to", "by", "than")


def _label_for_name(name: str, ner_labels: dict[tuple[int, int], str], start: int, end: int,
                    numbers_after: int = 0) -> str:
    """The type of a competitor named in a results or standings line."""
    if name in lexicon("entity_countries"):
        return "GPE"
    words = name.split()
    person = ner_labels.get((start, end)) == "PERSON"
    if _INITIAL_NAME.fullmatch(name) or (len(words) >= 2 and _is_first_name(words[0])) or (
        person and (len(words) == 1 or numbers_after < 4)
    ):
        return "PERSON"
    return "ORG"


def _is_tabular(line: str) -> bool:
    toks = line.split()
    if len(toks) < 2 or len(line) > 250:
        return False
    nums = sum(1 for t in toks if _NUMERIC.match(t))
    lower = sum(1 for t in toks if t[:1].islower() and t not in _CONNECTORS)
    return nums >= 1 and lower <= max(1, len(toks) // 6) and not line.rstrip().endswith(".")


def _rule_cands(doc: Doc, text: str, segs: list[Segment], codes: list[int],
                ner_labels: dict[tuple[int, int], str]) -> list[_Cand]:
    """Mentions found by rule: dateline places, results lines, initials, org suffixes."""
    out: list[_Cand] = []
    countries = lexicon("entity_countries")
    for seg, code in zip(segs, codes, strict=True):
        if code == _SKIP:
            continue
        base = seg.span.start
        if code == _DATELINE:
            m = _DATELINE_PLACE.match(seg.text)
            if m:
                out.append(_Cand(base + m.start("place"), base + m.end("place"), "GPE", 3.0,
                                 "dateline", region=_TITLE_LIKE))
            continue
        region = code
        for line_m in re.finditer(r"[^\n]+", seg.text):
            line = line_m.group()
            lbase = base + line_m.start()
            fx = _FIXTURE.match(line)
            if fx is not None:
                for g in ("a", "b"):
                    name = fx.group(g)
                    s, e = lbase + fx.start(g), lbase + fx.end(g)
                    if _acceptable(name):
                        out.append(_Cand(s, e, _label_for_name(name, ner_labels, s, e), 3.5,
                                         "table", region=region))
                continue
            if _is_tabular(line):
                for m in _SCORE_AFTER.finditer(line):
                    name = m.group("name")
                    if name[:1].isdigit() or not _acceptable(name):
                        continue
                    before = line[:m.start()].rstrip()
                    if before.endswith("("):
                        continue
                    s, e = lbase + m.start(), lbase + m.end()
                    after = line[m.end():].split()
                    n_after = next((i for i, t in enumerate(after) if not _NUMERIC.match(t)),
                                   len(after))
                    label = _label_for_name(name, ner_labels, s, e, n_after)
                    out.append(_Cand(s, e, label, 3.5, "table", region=region))
        if code != _BODY and _is_upper_line(seg.text):
            continue
        for m in _FIRST_NAME_RUN.finditer(seg.text):
            if _is_first_name(m.group("first")) and not (
                    m.group("last") in countries or m.group("last") in lexicon("entity_titles")):
                out.append(_Cand(base + m.start(), base + m.end(), "PERSON", 2.0, "first_name",
                                 region=code))
        for m in _INITIAL_NAME.finditer(seg.text):
            last = m.group().split()[-1].split(".")[-1]
            if last in _pairs("entity_demonyms") or last in countries:
                continue
            out.append(_Cand(base + m.start(), base + m.end(), "PERSON", 2.0, "initial",
                             region=code))
    return out


def _org_suffix_cands(doc: Doc, starts: list[int], codes: list[int]) -> list[_Cand]:
    """Capitalised runs ending in an organisation word ("Apic Yamada Corp")."""
    suffixes = lexicon("entity_org_suffixes")
    out: list[_Cand] = []
    for i, tok in enumerate(doc):
        if tok.text not in suffixes or i == 0:
            continue
        j = i
        while j > 0 and (doc[j - 1].text[:1].isupper() or (
                doc[j - 1].lower_ in ("of", "and", "&") and j - 1 > 0
                and doc[j - 2].text[:1].isupper())) and not doc[j - 1].is_sent_start:
            j -= 1
        if j > 0 and doc[j - 1].is_sent_start and doc[j - 1].text[:1].isupper() and not (
                doc[j - 1].is_stop):
            j -= 1
        if j == i:
            continue
        while j < i and (doc[j].lower_ in _DETERMINERS or doc[j].lower_ in ("of", "and")):
            j += 1
        span = doc[j:i + 1]
        idx = bisect.bisect_right(starts, span.start_char) - 1
        code = codes[idx] if idx >= 0 else _SKIP
        if j < i and code in (_BODY, _TITLE_LIKE) and _acceptable(span.text):
            out.append(_Cand(span.start_char, span.end_char, "ORG", 2.5, "suffix", region=code))
    return out


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """Keep, among overlapping mentions, the one with most weight (then the longest)."""
    ranked = sorted(cands, key=lambda c: (-c.weight, -(c.end - c.start), c.start))
    taken: list[tuple[int, int]] = []
    kept: list[_Cand] = []
    for c in ranked:
        i = bisect.bisect_left(taken, (c.start, c.end))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


# --------------------------------------------------------------------------- clusters


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.casefold() not in (
        "of", "and", "the", "for"))


def _cluster(text: str, cands: list[_Cand]) -> list[_Cluster]:
    keys: dict[str, int] = {}
    groups: list[list[_Cand]] = []
    for c in cands:
        k = _key(text[c.start:c.end])
        if k not in keys:
            keys[k] = len(groups)
            groups.append([])
        groups[keys[k]].append(c)
    uf = _Union(len(groups))
    key_list = list(keys)
    # surname -> full names of people
    full: dict[str, list[int]] = {}
    for k, gi in keys.items():
        words = k.split()
        person = sum(c.weight for c in groups[gi] if c.label == "PERSON")
        first = text[groups[gi][0].start:groups[gi][0].end].split()[0]
        if len(words) >= 2 and (person >= 2 or _is_first_name(first)):
            full.setdefault(words[-1], []).append(gi)
    for surname, fulls in full.items():
        # full names that share the first name (or its initial) are one person
        by_first: dict[str, list[int]] = {}
        for g in fulls:
            by_first.setdefault(key_list[g].split()[0].rstrip("."), []).append(g)
        spelled = [f for f in by_first if len(f) > 1]
        for f in [f for f in by_first if len(f) == 1]:
            initial_of = [n for n in spelled if n.startswith(f)]
            if len(initial_of) == 1:
                by_first[initial_of[0]] += by_first.pop(f)
        for same_first in by_first.values():
            for g in same_first[1:]:
                uf.union(same_first[0], g)
        single = keys.get(surname)
        if single is not None:
            # a bare surname is the person of that name mentioned most (then first), unless
            # a title says another gender ("Mr. Obama" is not "Michelle Obama")
            said = {_title_gender(text, c) for c in groups[single]} - {None}
            fits = [ms for f, ms in by_first.items()
                    if not said or first_name_gender(f.capitalize()) in (None, *said)]
            if fits:
                best = max(fits, key=lambda ms: (
                    sum(len(groups[g]) for g in ms), -min(groups[g][0].start for g in ms)))
                uf.union(best[0], single)
    # a bare first name of exactly one full name ("Hillary" / "Hillary Clinton")
    firsts: dict[str, set[int]] = {}
    for fulls in full.values():
        for g in fulls:
            firsts.setdefault(key_list[g].split()[0], set()).add(uf.find(g))
    for first, roots in firsts.items():
        single = keys.get(first)
        if single is not None and len(roots) == 1 and first not in full:
            uf.union(next(iter(roots)), single)
    # acronyms given with their expansion
    by_initials: dict[str, list[int]] = {}
    for gi in keys.values():
        name = text[groups[gi][0].start:groups[gi][0].end]
        if len(name.split()) >= 2:
            ini = _initials(name)
            if len(ini) >= 2:
                by_initials.setdefault(ini, []).append(gi)
    for gi in keys.values():
        name = text[groups[gi][0].start:groups[gi][0].end]
        if name.isupper() and name.isalpha() and 2 <= len(name) <= 6:
            hits = by_initials.get(name, [])
            if len(hits) == 1:
                uf.union(hits[0], gi)
    merged: dict[int, list[_Cand]] = {}
    for gi, members in enumerate(groups):
        merged.setdefault(uf.find(gi), []).extend(members)
    return [_Cluster(sorted(m, key=lambda c: c.start)) for _, m in sorted(merged.items())]


def _vote(text: str, cl: _Cluster) -> None:
    votes: defaultdict[str, float] = defaultdict(float)
    for c in cl.cands:
        votes[c.label] += c.weight
    names = [text[c.start:c.end] for c in cl.cands]
    countries, demonyms = lexicon("entity_countries"), _pairs("entity_demonyms")
    multi = any(len(text[c.start:c.end].split()) >= 2 and (
        c.label == "PERSON" or _is_first_name(text[c.start:c.end].split()[0])) for c in cl.cands)
    team = sum(1 for c in cl.cands if c.team)
    if team and not multi and not any(n in countries for n in names):
        votes["ORG"] += 1.0 + 2.0 * team
    for n in set(names):
        words = n.split()
        if n in countries:
            votes["GPE"] += 3.0
        elif n in demonyms or (n.endswith("s") and n[:-1] in demonyms):
            votes["NORP"] += 2.0
        elif len(words) >= 2 and _is_first_name(words[0]) and not n.isupper():
            votes["PERSON"] += 2.0
        elif len(words) >= 2 and words[-1] in lexicon("entity_org_suffixes"):
            votes["ORG"] += 1.5
    cl.type = max(votes, key=lambda k: votes[k]) if votes else "ORG"
    personal = any(len(n.split()) >= 2 and _is_first_name(n.split()[0])
                   and n.split()[-1] not in lexicon("entity_org_suffixes") for n in names)
    if cl.type != "NORP" and any(n in countries for n in names) and not personal:
        cl.type = "GPE"  # a country's name stays a place, whatever stray labels say
    elif personal and cl.type in ("ORG", "GPE", "LOC", "FAC"):
        cl.type = "PERSON"  # a full name with a known first name outweighs stray labels
    best = max(
        cl.cands,
        key=lambda c: (c.label == cl.type or cl.type != "PERSON",
                       len(text[c.start:c.end].split()), not text[c.start:c.end].isupper(),
                       -c.start),
    )
    cl.name = " ".join(text[best.start:best.end].split())


# --------------------------------------------------------------------------- propagation


def _occupied(cands: Iterable[_Cand]) -> list[tuple[int, int]]:
    return sorted((c.start, c.end) for c in cands)


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_left(taken, (s, e))
    if i > 0 and taken[i - 1][1] > s:
        return False
    return not (i < len(taken) and taken[i][0] < e)


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


def _propagate(doc: Doc, text: str, clusters: list[_Cluster], segs: list[Segment],
               codes: list[int], authors: frozenset[str]) -> None:
    """Find further occurrences of every entity's names (in titles, headings, ALL-CAPS lines
    and body text the model missed)."""
    forms: dict[str, int] = {}
    surfaces: set[str] = set()
    sizes = [len(cl.cands) for cl in clusters]
    stop = _folded("entity_non_names")
    for ci, cl in enumerate(clusters):
        names = {" ".join(text[c.start:c.end].split()) for c in cl.cands}
        if cl.type == "PERSON":
            names |= {n.split()[-1] for n in names if len(n.split()) >= 2}
        for n in names:
            k = n.casefold()
            if len(n) < 2 or k in stop or k in authors:
                continue
            surfaces.add(n)
            if k not in forms or sizes[forms[k]] < sizes[ci]:
                forms[k] = ci
    taken = _occupied(c for cl in clusters for c in cl.cands)
    added: list[tuple[int, _Cand]] = []
    new_clusters: dict[str, int] = {}
    exact = _FormFinder(forms) if forms else None
    countries, demonyms = lexicon("entity_countries"), _pairs("entity_demonyms")
    upper_countries = {c.casefold(): c for c in countries}
    upper_demonyms = {d.casefold(): d for d in demonyms}
    for seg, code in zip(segs, codes, strict=True):
        if code in (_SKIP, _DATELINE):
            continue
        upper = _is_upper_line(seg.text)
        base = seg.span.start
        found: list[tuple[int, int, int | None, str]] = []
        if exact is not None:
            for ms, me in exact.finditer(seg.text):
                form = seg.text[ms:me]
                if not upper and form not in surfaces and not (
                        form.isupper() and len(form) >= 3 and " " not in form):
                    continue
                hit = forms.get(form.casefold())
                if hit is not None:
                    found.append((base + ms, base + me, hit, ""))
        for m in _lexicon_pattern(upper).finditer(seg.text):
            f = m.group().casefold()
            if f in upper_countries:
                label = "GPE"
            elif f in upper_demonyms or (f.endswith("s") and f[:-1] in upper_demonyms):
                label = "NORP"
            else:
                continue
            found.append((base + m.start(), base + m.end(), None, label))
        for s, e, hit, label in found:
            if not _free(taken, s, e):
                continue
            if code == _BODY and not upper and not _plausible_name(doc, s, e):
                continue
            bisect.insort(taken, (s, e))
            region = _TITLE_LIKE if code == _TITLE_LIKE else _BODY
            if hit is None:
                cand = _Cand(s, e, label, 2.0, "lexicon", region=region)
                key = _key(text[s:e])
                if key in new_clusters:
                    clusters[new_clusters[key]].cands.append(cand)
                else:
                    new_clusters[key] = len(clusters)
                    clusters.append(_Cluster([cand]))
                    _vote(text, clusters[-1])
            else:
                added.append((hit, _Cand(s, e, clusters[hit].type, 0.0, "match",
                                         region=region)))
    for ci, cand in added:
        clusters[ci].cands.append(cand)
    for cl in clusters:
        cl.cands.sort(key=lambda c: c.start)


def _plausible_name(doc: Doc, s: int, e: int) -> bool:
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first = span[0]
    if len(span) == 1 and first.is_sent_start and first.pos_ not in ("PROPN",):
        return False
    return not (len(span) == 1 and first.is_stop)


# --------------------------------------------------------------------------- roles


def _premodifier(doc: Doc, start_tok: int, end_tok: int, sent_start: int = 0
                 ) -> tuple[int, int] | None:
    """The role words written just before a name ("Austrian analyst", "Surrey captain")."""
    titles = lexicon("entity_titles")
    lo = start_tok
    i = start_tok - 1
    while i >= sent_start:
        tok = doc[i]
        if tok.text == "-" and not tok.whitespace_ and i - 1 >= sent_start and (
                not doc[i - 1].whitespace_):
            lo = i - 1  # the first part of a hyphenated word ("all-rounder")
            i -= 2
            continue
        if tok.text not in _POSSESSIVE and (
                tok.pos_ not in ("NOUN", "ADJ", "PROPN", "NUM") or tok.ent_type_ == "PERSON"):
            break
        lo = i
        i -= 1
    while lo < start_tok and (doc[lo].text in _POSSESSIVE or doc[lo].text == "-"):
        lo += 1
    if lo == start_tok:
        return None
    last = doc[start_tok - 1]
    linked = start_tok <= last.head.i < end_tok or any(
        t.head.i == last.i for t in doc[start_tok:end_tok])
    words = doc[lo:start_tok]
    common = any((t.pos_ == "NOUN" and t.text.islower()) or t.text in titles for t in words)
    if not linked or not common:
        return None
    return words.start_char, words.end_char


def _appositive(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int] | None:
    """The appositive after a name ("Kirill Dmitriev, Russia's investment envoy ...")."""
    if end_tok >= len(doc) or doc[end_tok].text != ",":
        return None
    for tok in doc[start_tok:end_tok]:
        for child in tok.rights:
            if child.dep_ != "appos" or child.i <= end_tok:
                continue
            lo, hi = child.left_edge.i, child.right_edge.i + 1
            if doc[lo].lower_ not in _DETERMINERS and (
                    child.pos_ != "NOUN" or child.ent_type_ in ("GPE", "LOC", "PERSON", "DATE")):
                continue
            while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
                hi -= 1
            if lo <= end_tok or hi - lo > 25:
                continue
            return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    return None


def _roles(doc: Doc, text: str, cl: _Cluster, sent_toks: list[int]) -> None:
    seen: set[str] = set()
    for c in cl.cands:
        if c.source not in ("ner", "match", "first_name", "initial") or c.region != _BODY:
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        found: list[tuple[tuple[int, int] | None, str]] = []
        if cl.type in ("PERSON", "ORG"):
            bound = sent_toks[max(0, bisect.bisect_right(sent_toks, span.start) - 1)]
            pre = _premodifier(doc, span.start, span.end, bound)
            if c.role is not None and c.role[1] <= c.start and pre is not None and (
                    pre[0] < c.role[0] and pre[1] == c.role[1]):
                found.append((pre, "title"))  # "Israeli Foreign Minister"
            else:
                found.append((c.role, "title"))
                if c.role is None:
                    found.append((pre, "premodifier"))
        else:
            found.append((c.role, "title"))
        if cl.type in ("PERSON", "ORG"):
            end = span.end
            while end < len(doc) and doc[end].text in _POSSESSIVE:
                end += 1
            if cl.type == "PERSON":
                found.append((_appositive(doc, span.start, end), "appositive"))
        for r, how in found:
            if r is None:
                continue
            k = " ".join(text[r[0]:r[1]].split()).casefold()
            if k and k not in seen:
                seen.add(k)
                cl.roles.append((r[0], r[1], how))


# --------------------------------------------------------------------------- coreference


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


def _gender(text: str, cl: _Cluster) -> str | None:
    for c in cl.cands:
        g = _title_gender(text, c)
        if g is not None:
            return g
    for c in cl.cands:
        words = text[c.start:c.end].split()
        if len(words) >= 2:
            g = first_name_gender(words[0])
            if g is not None:
                return g
    return None


def _resolve_pronouns(doc: Doc, clusters: list[_Cluster], body: list[tuple[int, int]],
                      sent_starts: list[int]) -> None:
    """Link he/she/his/her to the nearest earlier compatible person, subjects first."""
    pronouns = _pairs("entity_pronouns")
    people = [(c.start, c.sent, c.subject, c.oblique, ci) for ci, cl in enumerate(clusters)
              if cl.type == "PERSON" for c in cl.cands if c.region == _BODY and c.sent >= 0]
    people.sort()
    if not people:
        return
    by_sent: dict[int, list[tuple[int, bool, int]]] = {}
    oblique: set[int] = set()
    for start, sent, subj, obl, ci in people:
        by_sent.setdefault(sent, []).append((start, subj, ci))
        if obl:
            oblique.add(start)
    for tok in doc:
        g = pronouns.get(tok.lower_)
        if g is None or tok.pos_ not in ("PRON", "DET"):
            continue
        i = bisect.bisect_right(body, (tok.idx, _FAR)) - 1
        if i < 0 or not (body[i][0] <= tok.idx < body[i][1]):
            continue
        sent_i = bisect.bisect_right(sent_starts, tok.i) - 1
        choice: tuple[int, float] | None = None
        for back in range(8):
            # in the pronoun's own sentence, a name inside a prepositional phrase is rarely
            # its antecedent ("During his tour of Midway, he paused")
            cands = [(s, subj, ci) for s, subj, ci in by_sent.get(sent_i - back, ())
                     if s < tok.idx and clusters[ci].gender in (None, g)
                     and not (back == 0 and s in oblique)]
            if not cands:
                continue
            distinct = {ci for _, _, ci in cands}
            subjects = [x for x in cands if x[1]]
            tier = subjects or cands
            known = [x for x in tier if clusters[x[2]].gender == g]
            pool = known or tier
            pick = pool[0] if subjects and back > 0 else pool[-1]
            conf = 0.9 if len(distinct) == 1 else (0.7 if subjects else 0.5)
            if clusters[pick[2]].gender != g:
                conf -= 0.2
            conf -= 0.05 * back
            choice = (pick[2], round(max(conf, 0.1), 2))
            break
        if choice is None:
            continue
        ci, conf = choice
        cl = clusters[ci]
        cl.extra.append((tok.idx, tok.idx + len(tok), MentionKind.PRONOUN, conf))
        if cl.gender is None and conf >= 0.6:
            cl.gender = g


def _role_head(doc: Doc, span: tuple[int, int]) -> str | None:
    """The head noun of a role ("envoy" of "U.S. envoy under President Donald Trump")."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or not len(words):
        return None
    root = words.root
    return root.lower_ if root.pos_ in ("NOUN", "PROPN") and root.is_alpha else None


def _resolve_nominals(doc: Doc, text: str, clusters: list[_Cluster],
                      body: list[tuple[int, int]]) -> None:
    """Link "the <role>" to the latest entity given that role."""
    heads: dict[str, list[int]] = {}
    titles = _folded("entity_titles")
    for ci, cl in enumerate(clusters):
        for start, end, how in cl.roles:
            h = _role_head(doc, (start, end))
            if h is None or len(h) <= 2 or ci in heads.get(h, []):
                continue
            if how == "appositive" and h not in titles and not h.endswith(_AGENTIVE):
                continue
            heads.setdefault(h, []).append(ci)
    if not heads:
        return
    firsts = {ci: min(c.start for c in clusters[ci].cands) for ids in heads.values()
              for ci in ids}
    for tok in doc:
        if tok.lower_ != "the" or tok.i + 1 >= len(doc):
            continue
        noun = doc[tok.i + 1]
        ids = heads.get(noun.lower_)
        if not ids or noun.pos_ not in ("NOUN", "PROPN") or not noun.text.islower():
            continue
        if noun.i + 1 < len(doc) and (doc[noun.i + 1].pos_ in ("NOUN", "PROPN")
                                      or doc[noun.i + 1].lower_ == "of"):
            continue
        i = bisect.bisect_right(body, (noun.idx, _FAR)) - 1
        if i < 0 or not (body[i][0] <= noun.idx < body[i][1]):
            continue
        before = [ci for ci in ids if firsts[ci] < tok.idx]
        if not before:
            continue
        ci = max(before, key=lambda x: max(c.start for c in clusters[x].cands
                                            if c.start < tok.idx))
        conf = 0.8 if len(before) == 1 else 0.6
        clusters[ci].extra.append((tok.idx, noun.idx + len(noun), MentionKind.NOMINAL, conf))


# --------------------------------------------------------------------------- the stage


def _sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start (the whole text is one sentence when the pipeline
    set no boundaries)."""
    try:
        return [s.start for s in doc.sents] or [0]
    except ValueError:
        return [0]


def extract_entities(
    doc: Doc, text: str, segments: Sequence[Segment], byline: Byline | None
) -> tuple[Entity, ...]:
    """Canonical entities of the article: clustered mentions, voted types, roles, resolved
    pronouns and nominals, and salience."""
    if not segments or not len(doc):
        return ()
    starts, codes, segs = _regions(text, segments)
    datelines = [s.span for s, code in zip(segs, codes, strict=True) if code == _DATELINE]
    authors = frozenset(
        a.name.casefold() for a in (byline.authors if byline else ())
        if len(a.name.split()) >= 2 and not any(d.overlaps(a.span) for d in datelines))
    ner = _ner_cands(doc, starts, codes, authors, _sports_report(segs, codes))
    ner_labels = {(c.start, c.end): c.label for c in ner}
    rules = _rule_cands(doc, text, segs, codes, ner_labels)
    rules += _org_suffix_cands(doc, starts, codes)
    cands = _resolve_overlaps(ner + rules)
    if not cands:
        return ()
    sent_toks = _sentence_starts(doc)
    sent_starts = [doc[i].idx for i in sent_toks]
    for c in cands:
        c.sent = bisect.bisect_right(sent_starts, c.start) - 1
    clusters = _cluster(text, cands)
    for cl in clusters:
        _vote(text, cl)
    _propagate(doc, text, clusters, segs, codes, authors)
    for cl in clusters:
        for c in cl.cands:
            if c.sent < 0:
                c.sent = bisect.bisect_right(sent_starts, c.start) - 1
            if cl.type == "PERSON" and c.region == _BODY:
                span = doc.char_span(c.start, c.end, alignment_mode="expand")
                if span is not None:
                    c.subject = _is_subject(doc, span.start, span.end)
                    c.oblique = span.root.dep_ == "pobj"
        _roles(doc, text, cl, sent_toks)
        cl.gender = _gender(text, cl) if cl.type == "PERSON" else None
    body = [(s.span.start, s.span.end)
            for s, code in zip(segs, codes, strict=True) if code == _BODY]
    _resolve_pronouns(doc, clusters, body, sent_toks)
    _resolve_nominals(doc, text, clusters, body)
    return _records(text, clusters, segs, codes)


def _records(text: str, clusters: list[_Cluster], segs: list[Segment], codes: list[int]
             ) -> tuple[Entity, ...]:
    title = next((s.span for s, code in zip(segs, codes, strict=True)
                  if s.kind is SegmentKind.TITLE), None)
    if title is None:
        title = next((s.span for s, code in zip(segs, codes, strict=True) if code != _SKIP), None)
    demonyms = _pairs("entity_demonyms")
    by_name: dict[str, int] = {}
    for ci, cl in enumerate(clusters):
        if cl.type in ("GPE", "LOC"):
            by_name.setdefault(cl.name.casefold(), ci)
    max_count = max((len(cl.cands) + len(cl.extra) for cl in clusters), default=1)
    n = max(1, len(text))
    drafts: list[tuple[float, int, Entity]] = []
    for ci, cl in enumerate(clusters):
        mentions = [
            Mention(span=Span.of(text, c.start, c.end), kind=MentionKind.NAME,
                    label=c.label if c.source in ("ner", "table", "initial", "suffix", "first_name",
                                                  "dateline", "lexicon") else None,
                    confidence=1.0 if c.label == cl.type or c.source == "match" else 0.8)
            for c in cl.cands
        ]
        mentions += [Mention(span=Span.of(text, s, e), kind=k, label=None, confidence=conf)
                     for s, e, k, conf in cl.extra]
        mentions.sort(key=lambda m: m.span.start)
        in_title = title is not None and any(title.contains(m.span) for m in mentions)
        first = mentions[0].span.start
        salience = round(0.6 * len(mentions) / max_count + 0.25 * (1 - first / n)
                         + 0.15 * in_title, 4)
        aliases = tuple(sorted({" ".join(text[c.start:c.end].split()) for c in cl.cands}
                               - {cl.name}))
        roles = tuple(Role(text=" ".join(text[s:e].split()), span=Span.of(text, s, e))
                      for s, e, _ in cl.roles)
        drafts.append((salience, ci, Entity(
            id="", name=cl.name, type=EntityType(cl.type), mentions=tuple(mentions),
            roles=roles, aliases=aliases, in_title=in_title, salience=salience)))
    drafts.sort(key=lambda d: (-d[0], d[2].mentions[0].span.start))
    ids = {ci: f"E{i}" for i, (_, ci, _) in enumerate(drafts, 1)}
    out: list[Entity] = []
    for _, ci, ent in drafts:
        related: tuple[str, ...] = ()
        if ent.type is EntityType.NORP:
            place = demonyms.get(ent.name) or demonyms.get(ent.name.rstrip("s"))
            if place is not None and place.casefold() in by_name:
                related = (ids[by_name[place.casefold()]],)
        out.append(Entity(id=ids[ci], name=ent.name, type=ent.type, mentions=ent.mentions,
                          roles=ent.roles, aliases=ent.aliases, in_title=ent.in_title,
                          salience=ent.salience, related=related))
    return tuple(out)


class EntityIndex:
    """Mentions of a tuple of entities sorted by start, for fast :func:`entity_at` look-ups."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._index = SpanIndex((m.span.start, m.span.end, ent)
                                for ent in entities for m in ent.mentions)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps ``[start, end)`` most (earliest on ties)."""
        best: tuple[int, int, Entity] | None = None
        for s, order, e, ent in self._index.overlapping(start, end):
            overlap = min(end, e) - max(start, s)
            if overlap > 0 and (best is None or overlap > best[0]
                                or (overlap == best[0] and order < best[1])):
                best = (overlap, order, ent)
        return best[2] if best else None


_INDEXES: dict[int, tuple[tuple[Entity, ...], EntityIndex]] = {}
_INDEXES_KEPT = 8


def entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps ``[start, end)`` most."""
    if not isinstance(entities, tuple):
        return EntityIndex(entities).at(start, end)
    held = _INDEXES.get(id(entities))
    if held is None or held[0] is not entities:
        held = (entities, EntityIndex(entities))
        if len(_INDEXES) >= _INDEXES_KEPT:
            _INDEXES.clear()
        _INDEXES[id(entities)] = held
    return held[1].at(start, end)
