"""Roles: titles, pre-modifiers and appositives of a named entity."""


from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from newsstruct.data import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

from newsstruct.entities._common import (
    _BODY,
    _DETERMINERS,
    _POSSESSIVE,
    _Cluster,
)

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
