"""Cue verbs and the quote stage's lexicons, the reading of a cue found in the parse
(:class:`_Attribution`), and the token spans of its cue, speaker and subject."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from newsstruct.data import lexicon
from newsstruct.quotes.marks import _OPENERS
from newsstruct.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Lemmas of verbs that are acts, not cues of speech ("attacked", "ordered"), whatever follows.
NOT_SPEECH_LEMMAS: frozenset[str] = lexicon("cue_not_speech")
#: Lemmas of verbs whose clause complement is speech or evidence ("said that ...").
SPEECH_LEMMAS: frozenset[str] = lexicon("cue_verbs") - NOT_SPEECH_LEMMAS
#: Lemmas of verbs whose clause complement is a belief or intention ("believe", "want"); their
#: infinitive ("plans to", "is expected to") is an intention, not a report.
THOUGHT_LEMMAS: frozenset[str] = lexicon("cue_thought_verbs") - NOT_SPEECH_LEMMAS
#: Every lemma whose clause complement is reported speech or thought.
CUE_LEMMAS: frozenset[str] = SPEECH_LEMMAS | THOUGHT_LEMMAS
#: Lemmas of verbs that attribute quoted words only ("chanted “What curfew?”").
QUOTE_CUE_LEMMAS: frozenset[str] = lexicon("cue_quote_verbs")
#: Lemmas of verbs whose object is what was said or meant ("cited the poll").
CUE_OBJECT_LEMMAS: frozenset[str] = lexicon("cue_object_verbs") - NOT_SPEECH_LEMMAS
#: Prepositions whose object is what a cue verb reports ("called for", "warned about").
_CUE_PREPOSITIONS: frozenset[str] = lexicon("cue_prepositions")
#: Nouns of saying whose "that" clause is reported when the noun names its source ("X's claim").
_REPORT_NOUNS: frozenset[str] = lexicon("quote_report_nouns")
#: Adjectives whose clause is what their subject believes or fears ("afraid that ...").
_THOUGHT_ADJECTIVES: frozenset[str] = lexicon("quote_thought_adjectives")
#: Verbs whose infinitive is an act not done ("plans to call on", "declined to comment on").
_UNREALISED: frozenset[str] = lexicon("quote_unrealised_verbs")
#: Words that end a "Label:" prefix without naming a speaker ("Update:", "Watch:").
_LABEL_STOPWORDS: frozenset[str] = lexicon("quote_label_stopwords")
#: Words that make a "Label:" paragraph a note of the publication's ("Editor's note:").
_NOTE_WORDS: frozenset[str] = lexicon("quote_note_words")
#: Words that open a clause of the writer's right after a quote ("..." when ...).
_CLAUSE_OPENERS: frozenset[str] = lexicon("quote_clause_openers")
#: Role nouns that make a "Label:" a speaker ("Moderator:", "The spokesman:").
_SPEAKER_ROLES: frozenset[str] = lexicon("quote_speaker_roles")
#: Verbs whose clause opened by "as" reports the clause it modifies ("as police have said").
_AS_VERBS: frozenset[str] = lexicon("quote_as_verbs")
#: Nouns of speech that introduce a quoted paragraph from the line before ("comment:").
_SPEECH_NOUNS: frozenset[str] = lexicon("quote_speech_nouns")
_TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_CLOSING_TOKENS = frozenset({"”", '"', "''", "»"})
_TRIM = " \t\n\r\u00a0,;:—–-"
_RELATIVE = frozenset({"who", "which", "that", "whom"})


@attrs.define
class _Attribution:
    cue: Span
    content: Span
    speaker: Span | None
    speaker_head: Span | None
    strong: bool
    loose: bool = False
    aside: Span | None = None
    via: str = "clause"
    used: bool = False
    fragments: list[Span] = attrs.field(factory=list)


def _tok_span(text: str, toks: Iterable[Token]) -> Span | None:
    kept = sorted((t for t in toks if not t.is_space), key=lambda t: t.i)
    while kept and kept[-1].is_punct and not (
        kept[-1].text == ")" and any(t.text == "(" for t in kept)  # "Cummings (D-Md.)"
    ):
        kept.pop()
    while kept and kept[0].is_punct and kept[0].text not in _OPENERS:
        kept.pop(0)
    lo = hi = None
    for t in kept:
        if t.is_space:
            continue
        s, e = t.idx, t.idx + len(t.text)
        lo = s if lo is None or s < lo else lo
        hi = e if hi is None or e > hi else hi
    if lo is None or hi is None:
        return None
    return _trim(text, lo, hi)


def _trim(text: str, lo: int, hi: int) -> Span | None:
    while lo < hi and text[lo] in _TRIM:
        lo += 1
    while hi > lo and text[hi - 1] in _TRIM:
        hi -= 1
    if hi > lo and text[hi - 1] in _OPENERS:
        hi -= 1
        while hi > lo and text[hi - 1] in _TRIM:
            hi -= 1
    return Span.of(text, lo, hi) if hi > lo else None


def _speaker_tokens(tok: Token, cue: Token | None = None) -> list[Token]:
    """The speaker phrase headed by ``tok``, without its relative clauses and without the
    participle that holds the ``cue`` ("the other side knowing that ...": "the other side")."""
    skip: set[int] = set()
    for child in tok.children:
        if child.dep_ == "relcl" or (
                cue is not None and child.dep_ == "acl" and child.tag_ == "VBG"
                and child.left_edge.i <= cue.i <= child.right_edge.i):
            skip.update(t.i for t in child.subtree)
    toks = [t for t in tok.subtree if t.i not in skip]
    while toks and toks[-1].is_punct and not (
        toks[-1].text == ")" and any(t.text == "(" for t in toks)
    ):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def _subject(tok: Token) -> Token | None:
    """The subject of ``tok``, of the clause it hangs from ("..., saying"), or the agent of a
    passive."""
    cur: Token | None = tok
    for step in range(5):
        if cur is None:
            return None
        subjects = [c for c in cur.children if not c.is_punct and (
            c.dep_ in ("nsubj", "csubj") or (step and c.dep_ == "nsubjpass"))]
        if len(subjects) > 1:
            # the parser may give a quote before the cue as a second subject: "“My
            # reaction, that was outrageous,” the strategist said": past a closing mark,
            # the subject nearest the cue is the speaker
            at, lo = cur.i, min(c.i for c in subjects)
            if any(t.text in _CLOSING_TOKENS for t in cur.doc[lo:at]):
                return min(subjects, key=lambda c: abs(c.i - at))
        if subjects:
            return subjects[0]
        for child in cur.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if not step and cur.pos_ == "NOUN":
            # "Trump claims that ..." read as a noun phrase
            return next((c for c in cur.children if c.dep_ in ("compound", "poss")), None)
        if (not step and cur.dep_ in ("conj", "advcl") and cur.head.dep_ == "ccomp"
                and cur.head.head.lemma_.lower() in CUE_LEMMAS and cur.head.head.i < cur.i):
            # "said he would order a review and warned against ...", "said A, citing B": a
            # second report hung on the first one's clause is the first speaker's
            cur = cur.head.head
            continue
        if cur.dep_ == "xcomp" and cur.head.i != cur.i:
            # "pushed Stumpf to admit that ...": the object of the verb speaks
            obj = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i
                        and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
            if obj is not None:
                return obj
        if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and cur.head.i != cur.i:
            if cur.dep_ == "ccomp" and cur.head.lemma_.lower() not in CUE_LEMMAS:
                return None
            cur = cur.head
            continue
        if (cur.dep_ == "pcomp" and cur.head.dep_ == "prep"
                and cur.head.head.pos_ in ("VERB", "AUX")):
            cur = cur.head.head  # "..., before saying"
            continue
        if cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
            # "the official who said", "a statement saying"; a statement or a news conference
            # is the medium of whoever issued or held it
            medium = cur.head
            if cur.dep_ == "acl" and medium.lemma_.lower() in _SPEECH_NOUNS | _MEDIA_NOUNS:
                return _issuer(medium) or medium
            return medium
        return None
    return None


#: Occasions of speech whose participle reports what their holder said ("a news conference
#: announcing that ...").
_MEDIA_NOUNS = frozenset({"conference", "briefing", "interview", "letter", "series", "ad"})


def _issuer(noun: Token) -> Token | None:
    """The subject of the verb whose object holds ``noun`` ("the Council issued a statement",
    "Trump sent a series of tweets", "she said at a news conference")."""
    cur = noun
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
            cur = cur.head.head
        elif cur.dep_ in ("dobj", "attr") or cur.pos_ in ("VERB", "AUX"):
            verb = cur if cur.pos_ in ("VERB", "AUX") else cur.head
            return next((c for c in verb.children if c.dep_ == "nsubj"), None)
        else:
            return None
    return None


def _speaker(text: str, tok: Token | None, cue: Token | None = None
             ) -> tuple[Span | None, Span | None]:
    if tok is None:
        return None, None
    head = tok
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        head = tok.head.head  # "Trump, who said": the span is "who", its head Trump
        if tok.lower_ == "that":
            # "a letter that says", "a problem that demands": the thing itself is the source
            tok = head
    span = _tok_span(text, _speaker_tokens(tok, cue))
    return span, Span.of(text, head.idx, head.idx + len(head.text))


def _cue_span(text: str, tok: Token) -> Span:
    toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    return _tok_span(text, toks) or Span.of(text, tok.idx, tok.idx + len(tok.text))


def noun_holder(noun: Token) -> Token | None:
    """The subject of the verb a noun of saying is the object of ("Democrats persisted in
    arguments that ...", "she made the argument that ...", "X made the comment")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None
