"""The cue of a quote with no reported clause around it: a cue or "― Name" right after the
quote, a cue right before it, or a cue or noun of speech on the line before."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.quotes.cues import (
    _CLAUSE_OPENERS,
    _SPEECH_NOUNS,
    _TIME_ENTS,
    CUE_LEMMAS,
    QUOTE_CUE_LEMMAS,
    _cue_span,
    _speaker,
    _subject,
    noun_holder,
)
from newsstruct.quotes.marks import _OPENING
from newsstruct.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NEXT_WORD = re.compile(r"[”\"'’»,\s]*(\w+)")
_DASH_NAME = re.compile(
    r"[”»\"' \t\u00a0,.]*([―—–]|--)[ \t\u00a0]*([A-Z][^\n―—–]{1,80}?)[ \t\u00a0.]*(?:\n|$)"
)
_WORD = re.compile(r"\w")


def _nearby(doc: Doc, text: str, starts: Sequence[int], q: Span,
            sent_bounds: Sequence[tuple[int, int]], sent_starts: Sequence[int],
            blocks: Sequence[Span], blk: int) -> tuple[Span, Span | None, Span | None] | None:
    """A speech cue right after the quote, right before it, or on the line before."""
    block = blocks[blk]
    tail = text[q.end : block.end]
    dash = _DASH_NAME.match(tail)
    if dash is not None:
        cue = Span.of(text, q.end + dash.start(1), q.end + dash.end(1))
        speaker = Span.of(text, q.end + dash.start(2), q.end + dash.end(2))
        return cue, speaker, speaker
    word = _WORD.search(text, q.end, block.end)
    if word is not None:
        si = bisect_right(sent_starts, word.start()) - 1
        s_end = min(sent_bounds[si][1], block.end) if si >= 0 else block.end
        nxt = _OPENING.search(text, q.end + 1, s_end)
        found = _cue_between(doc, text, starts, q.end, nxt.start() if nxt else s_end,
                             first_clause=True)
        if found is not None:
            return found
    si = bisect_right(sent_starts, q.start) - 1
    if si >= 0:
        s_start = max(sent_bounds[si][0], block.start)
        lead = text[s_start : q.start].rstrip(" \t\u00a0\"“„«'‘")
        if not lead.strip() and si > 0 and sent_bounds[si - 1][0] >= block.start:
            s_start = sent_bounds[si - 1][0]
            lead = text[s_start : q.start].rstrip(" \t\u00a0\"“„«'‘")
        if lead.strip() and (lead[-1:] in ":," or _cue_right_before(doc, starts, q)):
            found = _cue_between(doc, text, starts, s_start, q.start, last=True)
            if found is not None:
                return found
    if q.start - 1 <= block.start and blk > 0:
        prev = blocks[blk - 1]
        if text[prev.start : prev.end].rstrip().endswith(":"):
            si = bisect_right(sent_starts, prev.end - 1) - 1
            s_start = max(sent_bounds[si][0], prev.start) if si >= 0 else prev.start
            return _cue_between(doc, text, starts, s_start, prev.end, last=True, nouns=True)
    return None


def _cue_between(doc: Doc, text: str, starts: Sequence[int], lo: int, hi: int,
                 last: bool = False, nouns: bool = False, first_clause: bool = False
                 ) -> tuple[Span, Span | None, Span | None] | None:
    """The cue, speaker and speaker head of the first (``last``: the last) cue verb between
    ``lo`` and ``hi``; with ``nouns``, a noun of speech counts too ("made the following
    comment:", "this statement by Trump:"); with ``first_clause``, only in the first clause
    (“A,” Blige sings to Clinton before asking her: "asking" is not the cue of A)."""
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    toks = list(doc[i:j])
    if last:
        toks.reverse()
    for tok in toks:
        lemma = tok.lemma_.lower()
        if (first_clause and tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "conj", "parataxis")
                and lemma not in CUE_LEMMAS and lemma not in QUOTE_CUE_LEMMAS):
            return None
        if nouns and tok.pos_ == "NOUN" and tok.lemma_.lower() in _SPEECH_NOUNS:
            gov = tok.head.head if tok.dep_ == "pobj" else tok.head
            if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in CUE_LEMMAS:
                continue  # "said in a statement:": the verb is the cue
            subj = _noun_speaker(tok)
            if subj is not None and i <= subj.i < j:
                speaker, head = _speaker(text, subj)
                return _cue_span(text, tok), speaker, head
        if tok.pos_ in ("VERB", "AUX") and (lemma in CUE_LEMMAS or lemma in QUOTE_CUE_LEMMAS):
            subj = _subject(tok)
            if subj is None or not i <= subj.i < j:
                subj = _name_near(doc, tok, i, j)
            speaker, head = _speaker(text, subj)
            return _cue_span(text, tok), speaker, head
    return None


def _writer_after(text: str, end: int) -> bool:
    """Whether a clause of the writer's opens right after the quote ending at ``end``
    ("“That makes me smart,” when Clinton blasted him")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in _CLAUSE_OPENERS


def _cue_right_before(doc: Doc, starts: Sequence[int], q: Span) -> bool:
    """Whether a cue verb stands right before the quote's opening mark (``chanted “What
    curfew?”``, ``singing "It's Our Time."``), a comma or colon apart at most."""
    k = bisect_left(starts, q.start) - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space) and doc[k].text not in ".!?":
        k -= 1
    return k >= 0 and doc[k].pos_ == "VERB" and (doc[k].lemma_.lower() in CUE_LEMMAS
                                                 or doc[k].lemma_.lower() in QUOTE_CUE_LEMMAS)


def _noun_speaker(noun: Token) -> Token | None:
    """Who a noun of speech belongs to: "a statement by X", "X's statement", "X made the
    comment"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return noun_holder(noun)


def _name_near(doc: Doc, cue: Token, i: int, j: int) -> Token | None:
    """The nearest name or pronoun after the cue (``said Jordan``), else before it."""
    for rng in (range(cue.i + 1, j), range(cue.i - 1, i - 1, -1)):
        for k in rng:
            tok = doc[k]
            if tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
                return tok
            if tok.pos_ == "PROPN" and tok.ent_type_ not in _TIME_ENTS:
                while (tok.dep_ in ("compound", "flat") and i <= tok.head.i < j
                       and tok.head.pos_ == "PROPN"):
                    tok = tok.head
                return tok
    return None
