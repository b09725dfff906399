"""Pronouns and nominals ("the president") linked to entities."""


from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from newsstruct.types import (
    MentionKind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

from newsstruct.entities._common import (
    _AGENTIVE,
    _BODY,
    _FAR,
    _Cluster,
    _folded,
    _pairs,
    _title_gender,
    first_name_gender,
)

# --------------------------------------------------------------------------- coreference



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
            if how in ("appositive", "coordination") and h not in titles and not h.endswith(
                    _AGENTIVE):
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
