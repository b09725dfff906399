"""Entity linking, the step after NER: mentions grouped into entities, types voted, further
mentions found by name.

:func:`link_mentions` runs it. Mentions with the same name are one entity; a name of two words
or more joins the one longer name it starts or ends ("Ann Roe" / "Mary Ann Roe"); a bare
surname goes, mention by mention, to the most salient full name with that surname reachable at
that point (:func:`_link_surname`: written before, often, in the title or lede, recently, not
as someone's relative), so that namesakes stay apart; an acronym joins its expansion and a
place written short its full name. The canonical name is the fullest name that opens with a
given name; the type is a vote over the mentions and the lexicons.
"""


from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsstruct.data import lexicon
from newsstruct.types import (
    Segment,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

from newsstruct.entities._common import (
    _BODY,
    _DATELINE,
    _SKIP,
    _TITLE_LIKE,
    _Cand,
    _Cluster,
    _folded,
    _is_first_name,
    _pairs,
    _title_gender,
    first_name_gender,
)
from newsstruct.entities.mentions import _is_upper_line
from newsstruct.entities.patterns import _FormFinder, _Hit, _place_hits, outside

# --------------------------------------------------------------------------- clusters

#: Weights of the features that rank the full names a bare surname may refer to.
W_FULL_MENTIONS = 1.0  # each earlier mention of the full name (a group of one first name)
#: Generational suffixes after a surname ("Joseph R. Biden, Jr.").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
W_TITLE_OR_LEDE = 1.5  # the full name is in the title or the first paragraph
W_RECENT = 2.0  # the full name was last written at most RECENT_SENTENCES sentences before
RECENT_SENTENCES = 3
W_REACHABLE = 4.0  # the full name was written before the surname (not only after it)
W_RELATIVE = -3.0  # the full name was introduced as a relative ("his wife, Ann Smith")
_RELATIVE_BEFORE = re.compile(r"\b(?:(?i:his|her|their|whose)|[A-Z][\w'’-]+['’]s?)\s+"
                              r"(?:(?:late|former|eldest|youngest|older|younger|only|twin)\s+)?"
                              r"(?P<noun>[\w-]+)\s*,?\s*$")


def _relative(text: str, c: _Cand) -> bool:
    """Whether a name is written as someone's relative ("his son, Paul Reed")."""
    m = _RELATIVE_BEFORE.search(text[max(0, c.start - 40):c.start])
    return m is not None and m.group("noun").casefold() in lexicon("entity_relation_nouns")

#: A place name written in capitals only (a dateline's "LOS ANGELES"), title-cased as canonical.
_CAPS_NAME = re.compile(r"[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]+)*")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’]*")


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


def link_mentions(doc: Doc, text: str, cands: list[_Cand], segs: list[Segment],
                  codes: list[int], authors: frozenset[str], lede_end: int,
                  credits: list[tuple[int, int]]) -> list[_Cluster]:
    """Entities from mentions: clusters, canonical names and types by vote, then every further
    occurrence of an entity's names; mentions inside ``credits`` (photo credits) are dropped."""
    clusters = _cluster(text, cands, lede_end)
    for cl in clusters:
        _vote(text, cl)
    _propagate(doc, text, clusters, segs, codes, authors)
    for cl in clusters:
        cl.cands = outside(cl.cands, credits)
    return [cl for cl in clusters if cl.cands]


def _cluster(text: str, cands: list[_Cand], lede_end: int = 0) -> list[_Cluster]:
    """Mentions grouped into entities: same name, name parts of one full name, a bare surname
    linked mention by mention (:func:`_link_surname`), acronyms, places written short."""
    keys, groups = _same_name_groups(text, cands)
    uf = _Union(len(groups))
    names = [text[g[0].start:g[0].end] for g in groups]
    full = _full_names(text, keys, groups)
    for surname, fulls in full.items():
        by_first = _by_first_name(list(keys), fulls)
        for same_first in by_first.values():
            for g in same_first[1:]:
                uf.union(same_first[0], g)
        single = keys.get(surname)
        if single is not None:
            _link_surname(text, groups, single, by_first, lede_end, uf)
    _join_name_parts(groups, keys, uf)
    _join_first_names(keys, full, uf)
    _join_acronyms(keys, names, uf)
    _join_place_abbreviations(text, keys, groups, uf)
    merged: dict[int, list[_Cand]] = {}
    for gi, members in enumerate(groups):
        if members:
            merged.setdefault(uf.find(gi), []).extend(members)
    return [_Cluster(sorted(m, key=lambda c: c.start)) for _, m in sorted(merged.items())]


def _same_name_groups(text: str, cands: list[_Cand]) -> tuple[dict[str, int], list[list[_Cand]]]:
    """Mentions grouped by their name (folded): the index of each name's group, and the groups
    in order of first mention."""
    keys: dict[str, int] = {}
    groups: list[list[_Cand]] = []
    for c in cands:
        k = _key(text[c.start:c.end])
        if k not in keys:
            keys[k] = len(groups)
            groups.append([])
        groups[keys[k]].append(c)
    return keys, groups


def _full_names(text: str, keys: dict[str, int],
                groups: list[list[_Cand]]) -> dict[str, list[int]]:
    """Surname -> the groups of the people's full names that end with it (a generational
    suffix aside): names of two words or more labelled a person or opening with a first name."""
    full: dict[str, list[int]] = {}
    for k, gi in keys.items():
        words = k.split()
        person = sum(c.weight for c in groups[gi] if c.label == "PERSON")
        first = text[groups[gi][0].start:groups[gi][0].end].split()[0]
        while len(words) > 2 and words[-1].strip(".,") in _SUFFIXES:
            words = words[:-1]
        if len(words) >= 2 and (person >= 2 or _is_first_name(first)):
            full.setdefault(words[-1].strip(","), []).append(gi)
    return full


def _by_first_name(key_list: list[str], fulls: list[int]) -> dict[str, list[int]]:
    """Full names of one surname grouped by first name: a short form counts as its given
    name ("Bill" / "William") and an initial joins the one first name it can abbreviate."""
    by_first: dict[str, list[int]] = {}
    forms = {k.casefold(): v.casefold() for k, v in _pairs("entity_short_given_names").items()}
    for g in fulls:
        first = key_list[g].split()[0].rstrip(".")
        by_first.setdefault(forms.get(first, first), []).append(g)
    spelled = [f for f in by_first if len(f) > 1]
    for f in [f for f in by_first if len(f) == 1]:
        initial_of = [n for n in spelled if n.startswith(f)]
        if len(initial_of) == 1:
            by_first[initial_of[0]] += by_first.pop(f)
    return by_first


def _join_first_names(keys: dict[str, int], full: dict[str, list[int]], uf: _Union) -> None:
    """A bare first name of exactly one full name ("Hillary" / "Hillary Clinton")."""
    key_list = list(keys)
    firsts: dict[str, set[int]] = {}
    for fulls in full.values():
        for g in fulls:
            firsts.setdefault(key_list[g].split()[0], set()).add(uf.find(g))
    for first, roots in firsts.items():
        single = keys.get(first)
        if single is not None and len(roots) == 1 and first not in full:
            uf.union(next(iter(roots)), single)


def _join_acronyms(keys: dict[str, int], names: list[str], uf: _Union) -> None:
    """An acronym in capitals joins the one name of two words or more it abbreviates."""
    by_initials: dict[str, list[int]] = {}
    for gi in keys.values():
        name = names[gi]
        if len(name.split()) >= 2:
            ini = _initials(name)
            if len(ini) >= 2:
                by_initials.setdefault(ini, []).append(gi)
    for gi in keys.values():
        name = names[gi]
        if name.isupper() and name.isalpha() and 2 <= len(name) <= 6:
            hits = by_initials.get(name, [])
            if len(hits) == 1:
                uf.union(hits[0], gi)


def _join_place_abbreviations(text: str, keys: dict[str, int], groups: list[list[_Cand]],
                              uf: _Union) -> None:
    """A place written short and written out ("N.Y." / "New York"); a short form in capitals
    only counts when written exactly so."""
    for short, full_name in _pairs("entity_place_abbreviations").items():
        a, b = keys.get(_key(short)), keys.get(_key(full_name))
        if a is not None and b is not None and (short != short.upper() or any(
                text[c.start:c.end] == short for c in groups[a])):
            uf.union(a, b)


def _given_first(name: str) -> bool:
    """Whether a name of two words or more opens with a given name or an initial (not with an
    epithet: "Crooked Hillary Clinton")."""
    words = name.split()
    return len(words) >= 2 and (_is_first_name(words[0]) or (
        len(words[0]) <= 3 and words[0].endswith(".")))


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
        if n in lexicon("entity_organisations"):
            votes["ORG"] += 4.0
        elif n in countries or n in lexicon("entity_capitals"):
            votes["GPE"] += 3.0
        elif n in demonyms or (n.endswith("s") and n[:-1] in demonyms):
            votes["NORP"] += 2.0
        elif len(words) >= 2 and _is_first_name(words[0]) and not n.isupper():
            votes["PERSON"] += 2.0
        elif len(words) >= 2 and words[-1] in lexicon("entity_org_suffixes"):
            votes["ORG"] += 1.5 if _is_first_name(words[0]) else 3.5
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
                       cl.type != "PERSON" or _given_first(text[c.start:c.end]),
                       len(text[c.start:c.end].split()), not text[c.start:c.end].isupper(),
                       -c.start),
    )
    cl.name = " ".join(text[best.start:best.end].split())
    if cl.type in ("GPE", "LOC") and _CAPS_NAME.fullmatch(cl.name):
        cl.name = _CAPS_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), cl.name)


# --------------------------------------------------------------------------- propagation


def _occupied(cands: Iterable[_Cand]) -> list[tuple[int, int]]:
    return sorted((c.start, c.end) for c in cands)


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_left(taken, (s, e))
    if i > 0 and taken[i - 1][1] > s:
        return False
    return not (i < len(taken) and taken[i][0] < e)


def _propagate(doc: Doc, text: str, clusters: list[_Cluster], segs: list[Segment],
               codes: list[int], authors: frozenset[str]) -> None:
    """Find further occurrences of every entity's names (in titles, headings, ALL-CAPS lines
    and body text the model missed)."""
    forms, surfaces = _entity_forms(text, clusters, authors)
    taken = _occupied(c for cl in clusters for c in cl.cands)
    added: list[tuple[int, _Cand]] = []
    new_clusters: dict[str, int] = {}
    exact = _FormFinder(forms) if forms else None
    for seg, code in zip(segs, codes, strict=True):
        if code in (_SKIP, _DATELINE):
            continue
        upper = _is_upper_line(seg.text)
        found = _form_hits(seg, upper, exact, forms, surfaces) + _place_hits(seg, upper)
        for s, e, hit, label in found:
            if not _free(taken, s, e):
                continue
            if code == _BODY and not upper and not _plausible_name(doc, s, e):
                continue
            bisect.insort(taken, (s, e))
            region = _TITLE_LIKE if code == _TITLE_LIKE else _BODY
            if hit is None:
                _add_place(text, clusters, new_clusters, _Cand(s, e, label, 2.0, "lexicon",
                                                               region=region))
            else:
                added.append((hit, _Cand(s, e, clusters[hit].type, 0.0, "match",
                                         region=region)))
    for ci, cand in added:
        clusters[ci].cands.append(cand)
    for cl in clusters:
        cl.cands.sort(key=lambda c: c.start)


def _entity_forms(text: str, clusters: list[_Cluster],
                  authors: frozenset[str]) -> tuple[dict[str, int], set[str]]:
    """The names to look for (folded -> the largest entity written so) and their surfaces
    as written: every mention's name and a person's surname, less non-names and authors."""
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
    return forms, surfaces


def _form_hits(seg: Segment, upper: bool, exact: _FormFinder | None, forms: dict[str, int],
               surfaces: set[str]) -> list[_Hit]:
    """Occurrences of entities' names in a segment: as written (any case on an ALL-CAPS
    line, or a single word of three capitals or more), with the entity each names."""
    found: list[_Hit] = []
    if exact is None:
        return found
    base = seg.span.start
    for ms, me in exact.finditer(seg.text):
        form = seg.text[ms:me]
        if not upper and form not in surfaces and not (
                form.isupper() and len(form) >= 3 and " " not in form):
            continue
        hit = forms.get(form.casefold())
        if hit is not None:
            found.append((base + ms, base + me, hit, ""))
    return found


def _add_place(text: str, clusters: list[_Cluster], new_clusters: dict[str, int],
               cand: _Cand) -> None:
    """A country or demonym found by the lexicon joins the entity found so before, or starts
    a new one (typed by vote)."""
    key = _key(text[cand.start:cand.end])
    if key in new_clusters:
        clusters[new_clusters[key]].cands.append(cand)
    else:
        new_clusters[key] = len(clusters)
        clusters.append(_Cluster([cand]))
        _vote(text, clusters[-1])


def _plausible_name(doc: Doc, s: int, e: int) -> bool:
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first = span[0]
    if len(span) == 1 and first.is_sent_start and first.pos_ not in ("PROPN",):
        return False
    return not (len(span) == 1 and first.is_stop)


def _link_surname(text: str, groups: list[list[_Cand]], single: int,
                  by_first: dict[str, list[int]], lede_end: int, uf: _Union) -> None:
    """Link each mention of a bare surname to the most salient full name with that surname at
    that point: reachable (written before), mentioned often, in the title or lede, recent (the
full name, or the surname just given to it, a few sentences before).
    A title of the other gender ("Mr." for "Michelle Obama") rules a full name out. When one
    full name is the only candidate, the surname's group joins it; otherwise the mentions are
    shared out, so that namesakes ("Tom Reed", "his son, Paul Reed") stay apart."""
    people = [sorted((c for g in gs for c in groups[g]), key=lambda c: c.start)
              for gs in by_first.values()]
    firsts = list(by_first)
    genders = [first_name_gender(f.capitalize()) for f in firsts]
    if len(people) == 1 and not any(
            _title_gender(text, c) not in (None, genders[0]) for c in groups[single]
            if genders[0] is not None):
        uf.union(by_first[firsts[0]][0], single)
        return
    starts = [[m.start for m in ms] for ms in people]
    fixed = [W_TITLE_OR_LEDE * any(m.region == _TITLE_LIKE or m.start < lede_end for m in ms)
             + W_RELATIVE * _relative(text, ms[0]) - 1e-6 * ms[0].start for ms in people]
    chosen: dict[int, list[_Cand]] = {}
    last_sent = [-RECENT_SENTENCES - 1] * len(people)  # of a surname already given to each
    for c in sorted(groups[single], key=lambda c: c.start):
        said = _title_gender(text, c)
        best: tuple[float, int] | None = None
        for i, ms in enumerate(people):
            if said is not None and genders[i] not in (None, said):
                continue
            n_before = bisect.bisect_left(starts[i], c.start)
            # recent: the full name, or the surname given to it, written a few sentences before
            latest = max(ms[n_before - 1].sent if n_before else -RECENT_SENTENCES - 1,
                         last_sent[i])
            recent = n_before and 0 <= c.sent - latest <= RECENT_SENTENCES
            score = (fixed[i] + W_FULL_MENTIONS * n_before + W_REACHABLE * bool(n_before)
                     + W_RECENT * bool(recent))
            if best is None or score > best[0]:
                best = (score, i)
        if best is not None:
            chosen.setdefault(best[1], []).append(c)
            last_sent[best[1]] = c.sent
    if len(chosen) == 1:
        uf.union(by_first[firsts[next(iter(chosen))]][0], single)
        return
    moved = {id(c) for ms in chosen.values() for c in ms}
    for i, ms in chosen.items():
        groups[by_first[firsts[i]][0]].extend(ms)
    groups[single] = [c for c in groups[single] if id(c) not in moved]


def _name_words(key: str) -> tuple[str, ...]:
    return tuple(w for w in (w.strip(".,") for w in key.split()) if w)


def _join_name_parts(groups: list[list[_Cand]], keys: dict[str, int], uf: _Union) -> None:
    """A person's name of two or more words that starts or ends exactly one longer person
    name is that person ("Ann Roe" / "Mary Ann Roe", "Park Soo" / "Park Soo Min",
    "Joseph R. Biden" / "Joseph R. Biden, Jr.")."""
    people = {k: _name_words(k) for k, gi in keys.items()
              if groups[gi] and sum(c.weight for c in groups[gi] if c.label == "PERSON") >= 2}
    longer: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for k, words in people.items():
        for n in range(2, len(words)):
            longer[words[:n]].add(keys[k])
            longer[words[-n:]].add(keys[k])
    for k, words in people.items():
        hits = {uf.find(g) for g in longer.get(words, ())}
        if len(hits) == 1:
            uf.union(next(iter(hits)), keys[k])
