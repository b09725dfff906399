"""Roles: titles, pre-modifiers and appositives of a named entity.

A role is a prenominal title ("Gov.", "Austrian analyst") or an appositive noun phrase whose
head is a title, an occupation, a relation or a kind of organisation or place ("a 65-year-old
clinical psychologist", "his campaign manager"): at most :data:`MAX_ROLE_WORDS` words, never a
clause, an honorific ("Mr.") or a page label ("Media caption").
"""


from __future__ import annotations

import bisect
from functools import cache
from typing import TYPE_CHECKING

from newsstruct.data import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

from newsstruct.entities._common import (
    _BODY,
    _DETERMINERS,
    _POSSESSIVE,
    _Cluster,
)

# --------------------------------------------------------------------------- roles

#: The longest role, in words.
MAX_ROLE_WORDS = 8
#: Role heads that are agent nouns by their ending ("economist", "politician").
_AGENT_ENDINGS = ("ist", "ian")
#: Tags of a finite or bare verb: a phrase holding one is a clause, not a role.
_CLAUSE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "MD"})
_NOT_IN_ROLE = frozenset('"“”()[];:')


@cache
def _role_heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon("entity_role_nouns")) | frozenset(
        t.casefold().rstrip(".") for t in lexicon("entity_titles") if " " not in t)


def is_role(words: Span, how: str) -> bool:
    """Whether ``words`` can be a role given as ``how`` (title, premodifier, appositive)."""
    text = " ".join(words.text.split())
    if text in lexicon("entity_honorifics") or text.casefold() in lexicon("entity_page_labels"):
        return False
    if how in ("title", "coordination"):  # a coordination's parts are checked one by one
        return True
    if sum(1 for t in words if t.is_alpha) > MAX_ROLE_WORDS:
        return False
    if any(t.tag_ in _CLAUSE_TAGS or t.text in _NOT_IN_ROLE for t in words):
        return False
    head = words[-1] if how == "premodifier" else words.root  # a pre-modifier ends in its head
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    i = head.i
    while i - 2 >= words.start and words.doc[i - 1].text == "-" and not (
            words.doc[i - 1].whitespace_ or words.doc[i - 2].whitespace_):
        i -= 2  # a hyphenated head ("all-rounder")
    word = words.doc[i:head.i + 1].text.lower().rstrip(".")
    return word in _role_heads() or (word.endswith(_AGENT_ENDINGS) and len(word) > 5)


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
        if tok.text not in _POSSESSIVE and tok.pos_ not in ("NOUN", "ADJ", "PROPN", "NUM"):
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
    common = any((t.pos_ == "NOUN" and t.text.islower()) or t.text in titles
                 or t.lower_ in _role_heads() for t in words)
    if not linked or not common:
        return None
    return words.start_char, words.end_char


def _appositives(doc: Doc, start_tok: int, end_tok: int) -> list[tuple[tuple[int, int], str]]:
    """The appositive after a name. A coordination of two roles is kept whole ("Russia's
    investment envoy and chief of the nation's sovereign wealth fund", each part at most
    :data:`MAX_ROLE_WORDS` words); otherwise its parts that are roles are kept."""
    found = _appositive(doc, start_tok, end_tok)
    span = None if found is None else doc.char_span(found[0], found[1], alignment_mode="expand")
    if found is None or span is None:
        return []
    root = span.root
    conj = next((c for c in root.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                 and c.i < span.end), None)
    cc = next((c for c in root.rights if c.dep_ == "cc" and conj is not None and c.i < conj.i),
              None)
    if conj is None or cc is None:
        return [(found, "appositive")]
    first = doc[span.start:cc.i]
    while len(first) and (first[-1].is_punct or first[-1].is_space):
        first = first[:-1]
    parts = [p for p in (first, doc[conj.left_edge.i:span.end]) if len(p)]
    kept = [p for p in parts if is_role(p, "appositive")]
    if len(kept) == len(parts) == 2:
        return [(found, "coordination")]
    return [((p.start_char, p.end_char), "appositive") for p in kept]


def _appositive(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int] | None:
    """The appositive after a name ("Kirill Dmitriev, Russia's investment envoy ...", also
    after a party-state tag: "G.K. Butterfield (D-N.C.), head of ...")."""
    if end_tok + 1 < len(doc) and doc[end_tok].text == "(":
        close = next((t.i for t in doc[end_tok:min(len(doc), end_tok + 8)] if t.text == ")"),
                     None)
        if close is not None:
            end_tok = close + 1
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
                found += _appositives(doc, span.start, end)
        for r, how in found:
            if r is None:
                continue
            words = doc.char_span(r[0], r[1], alignment_mode="expand")
            if words is None or not len(words) or not is_role(words, how):
                continue
            k = " ".join(text[r[0]:r[1]].split()).casefold()
            if k and k not in seen:
                seen.add(k)
                cl.roles.append((r[0], r[1], how))
