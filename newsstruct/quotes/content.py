"""Content boundaries: what a cue reports (its complement, the rest of a sentence it stands
aside from, its object, the object of its preposition) and where that content ends."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsstruct.quotes.cues import (
    _CUE_PREPOSITIONS,
    _SPEECH_NOUNS,
    _TIME_ENTS,
    CUE_OBJECT_LEMMAS,
    SPEECH_LEMMAS,
    _tok_span,
)
from newsstruct.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_COMP_DEPS = frozenset({"ccomp", "xcomp"})
_OBJ_DEPS = frozenset({"dobj", "oprd", "ccomp", "xcomp", "attr"})


def _content_from(text: str, cue: Token, deps: frozenset[str],
                  comps: list[Token] | None = None) -> Span | None:
    if comps is None:
        comps = [c for c in cue.children if c.dep_ in deps]
    if not comps:
        return None
    before = [c for c in comps if c.i < cue.i]
    after = [c for c in comps if c.i > cue.i]
    side = after if after else before
    if after and before:
        side = after if sum(len(list(c.subtree)) for c in after) >= sum(
            len(list(c.subtree)) for c in before) else before
    # "A, but B, the source added": everything from the first complement to the last
    lo = min(t.i for c in side for t in c.subtree)
    hi = max(t.i for c in side for t in c.subtree)
    if side is after:
        hi = _cut_tail(cue.doc, lo, hi)
    return _tok_span(text, cue.doc[lo : hi + 1])


def _cut_tail(doc: Doc, lo: int, hi: int) -> int:
    """The last token of reported content running from ``lo`` to ``hi``: a clause after a
    semicolon is the writer's again, and so is a trailing comment set off by a comma or dash
    (:func:`_writers_tail`) and a second report of the speaker's ("said A and warned B")."""
    for k in range(lo + 1, hi + 1):
        if doc[k].text == ";":
            return k - 1
        if doc[k].text in _TAIL_PUNCT and k < hi and _writers_tail(doc[k + 1], hi):
            return k - 1
        if doc[k].dep_ == "cc" and k < hi and _second_report(doc[k + 1], lo):
            return k - 1
    return hi


#: Dashes that open an aside of the writer's after a reported noun phrase.
_DASHES = frozenset({"—", "–", "--", "―"})
#: Punctuation that sets off a trailing comment from what was said.
_TAIL_PUNCT = frozenset({",", "—", "–", "--"})
#: Subordinators of a concession or contrast (", although ...").
_CONTRAST_MARKS = frozenset({"although", "though", "whereas"})


def _phrase_at(tok: Token) -> Token:
    """The largest phrase that starts at ``tok``: its highest ancestor with ``tok`` as left
    edge."""
    head = tok
    while head.head.i != head.i and head.head.left_edge.i == tok.i:
        head = head.head
    return head


def _writers_tail(first: Token, hi: int) -> bool:
    """Whether the phrase opening at ``first``, right after a comma or dash, runs to the end
    of the content and is the writer's comment on it: a participle with no subject of its own
    (", contradicting the police's claim", ", citing the poll") or a clause of concession
    (", although he refused"). A relative clause (", which ...") is no such sign: it is as
    often part of what was said."""
    head = _phrase_at(first)
    if head.right_edge.i < hi - 1:
        return False
    if head.tag_ == "VBG" and head.dep_ in ("advcl", "acl", "xcomp", "conj"):
        return head is first and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    return head.dep_ == "advcl" and first.lower_ in _CONTRAST_MARKS


def _clause_content(text: str, cue: Token, sent: Iterable[Token]) -> Span | None:
    """The reported clause of a cue of saying: its complement, or the rest of the sentence
    when the cue and its speaker stand aside from it ("A, he said, B"; "A, the source
    added")."""
    comps = [c for c in cue.children if c.dep_ in _COMP_DEPS]
    marked = [c for c in comps if c.i > cue.i and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if marked:
        # a "that" clause after the cue is what it reports, whatever stands before it
        # ("A (her campaign later disclosed that she has pneumonia)")
        return _content_from(text, cue, _COMP_DEPS, marked)
    if cue.dep_ == "parataxis":
        if any(c.i < cue.i for c in comps):
            # "A, he said, and B": the clause the parser hangs on the cue is what was said
            return _tok_span(text, [t for c in comps if c.i < cue.i for t in c.subtree])
        clause = _clause_of(cue.head)
        region = sent if clause.dep_ == "ROOT" else clause.subtree
        skip = _interruption(cue)
        return _tok_span(text, [t for t in region if t.i not in skip])
    if not comps:
        bare = _bare_clause(cue) or _hearer_clause(cue)
        if bare is not None:
            lo = min(t.i for t in bare.subtree)
            hi = _cut_tail(cue.doc, lo, max(t.i for t in bare.subtree))
            return _tok_span(text, cue.doc[lo : hi + 1])
        return _statement_content(text, cue) or _fronted(text, cue, sent)
    if cue.dep_ == "conj" and cue.head.i < cue.i and all(c.i < cue.i for c in comps):
        # "A, but B, another source said": the parser hangs the cue on A, the report is both
        sent_toks = list(sent)
        keep = {t.i for c in comps for t in c.subtree}
        block = [t for t in cue.subtree if t.i not in keep and not t.is_punct]
        lo = min(t.i for t in block)
        tail = [t for t in sent_toks if t.i > max(t.i for t in block) and not t.is_punct]
        if not tail and lo > min(keep) and min(keep) > sent_toks[0].i:
            return _tok_span(text, [t for t in sent_toks if t.i < lo])
    nxt = cue.i + 1
    while nxt < len(cue.doc) and cue.doc[nxt].dep_ == "prt":
        nxt += 1
    if nxt < len(cue.doc) and cue.doc[nxt].text == ":" and any(c.i > cue.i for c in comps):
        # "A, Kall said: “B”": what follows the colon is what was said
        comps = [c for c in comps if c.i > cue.i]
        return _tok_span(text, [t for c in comps for t in c.subtree])
    if cue.dep_ == "ROOT":
        keep = {t.i for c in comps for t in c.subtree}
        block = [t for t in cue.subtree if t.i not in keep and not t.is_punct]
        lo, hi = min(t.i for t in block), max(t.i for t in block)
        rest = [t for t in sent if (t.i < lo or t.i > hi) and not t.is_punct]
        if rest and len(rest) <= len(keep) + 2:
            last = max(t.i for t in sent)
            if rest[0].i > hi:
                last = _cut_tail(cue.doc, rest[0].i, last)
            return _tok_span(text, [t for t in sent if (t.i < lo or t.i > hi) and t.i <= last])
    return _content_from(text, cue, _COMP_DEPS)


#: Dependents of a cue that are clauses of the speaker's own, not part of what the cue reports.
_OWN_CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "xcomp", "parataxis"})


def _clause_of(tok: Token) -> Token:
    """The clause ``tok`` stands in: ``tok`` itself if it is a verb, else its nearest verbal
    ancestor ("The difference now, he told me, is that ..." hangs the cue on the subject)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _interruption(cue: Token) -> set[int]:
    """The token indices of a reporting clause that interrupts what it reports ("A, he told me
    on Friday, B"): from its speaker, or the cue if the speaker follows it, to the comma or
    dash that closes it. Whatever the parse hangs on the cue beyond those bounds is part of
    the report ("Though A, he said, B"; "A, experts say, including B"), except a clause of
    the speaker's own (", adding that ...")."""
    doc = cue.doc
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    lo = min(cue.i, subj.left_edge.i) if subj is not None else cue.i
    hi = max(cue.i, subj.right_edge.i) if subj is not None else cue.i
    while lo > 0 and doc[lo - 1].head.i == cue.i and doc[lo - 1].dep_ == "advmod":
        lo -= 1  # "A, he later said, B"
    below = {t.i for t in cue.subtree}
    while (hi + 1 in below and doc[hi + 1].text not in _TAIL_PUNCT
           and doc[hi + 1].text not in (".", ";", ":")):
        hi += 1
    skip = set(range(lo, hi + 1))
    for c in cue.children:
        if c.i > hi and c.dep_ in _OWN_CLAUSE_DEPS:
            skip |= {t.i for t in c.subtree}
    return skip


#: Dependents that complete a clause's verb (a relative clause lacks the one it refers to).
_COMPLETE_DEPS = frozenset({"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd"})


def _hearer_clause(cue: Token) -> Token | None:
    """``told a meeting of leaders that few people understood ...``, ``yelling to the
    officers that ...``: a "that" clause with its own subject that the parse hangs on the
    hearer, as if a relative clause, is what was said to them."""
    if cue.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    hearers = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    hearers += [p for c in cue.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > cue.i
                for p in c.children if p.dep_ == "pobj"]
    for hearer in hearers:
        for clause in hearer.subtree:
            if clause.dep_ in ("relcl", "acl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i < clause.i
                    for m in clause.children) and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and any(
                    c.dep_ in _COMPLETE_DEPS for c in clause.children):
                # with its own complement: "the threat that a presidency would constitute"
                # lacks one, and is a relative clause after all
                return clause
    return None


def _second_report(first: Token, lo: int) -> bool:
    """Whether the conjunct opening at ``first`` (after "and") is a second verb of saying with
    no subject of its own, coordinated inside the content starting at ``lo`` ("said he would
    order a review and warned against hackers"): a report of its own, not part of the first."""
    verb = first.head if first.dep_ == "advmod" and first.head.i > first.i else first
    return (verb.dep_ == "conj" and verb.head.i >= lo and verb.tag_ in _FINITE
            and (verb.lemma_.lower() in SPEECH_LEMMAS or verb.lemma_.lower() in CUE_OBJECT_LEMMAS)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _bare_clause(cue: Token) -> Token | None:
    """``said after the convention he would not accept it``: a clause with its own subject and
    no subordinator after a verb of saying, parsed as an adverbial, is what was said."""
    if cue.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    for c in cue.children:
        if c.dep_ == "advcl" and c.i > cue.i and c.pos_ in ("VERB", "AUX") and any(
                x.dep_ in ("nsubj", "nsubjpass") for x in c.children) and not any(
                x.dep_ == "mark" or (x.dep_ == "advmod" and x.lower_ in _ADVERBIAL_OPENERS)
                for x in c.children):
            return c
    return None


#: Words that open an adverbial clause rather than a report ("said when he ...").
_ADVERBIAL_OPENERS = frozenset({"when", "while", "as", "where", "whenever", "after", "before",
                                "since", "until", "because", "if", "once", "though"})
#: Dependents of a cue that are its circumstances, not what was said ("In March, he said.").
_CIRCUMSTANCE_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "mark", "cc", "intj"})


def _fronted(text: str, cue: Token, sent: Iterable[Token]) -> Span | None:
    """``People like Scott, he said.``: a sentence-final reporting clause with nothing after it
    but its circumstances reports what comes before its comma."""
    if cue.dep_ != "ROOT" or cue.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subj is None:
        return None
    first = min(t.i for t in subj.subtree)
    toks = list(sent)
    before = [t for t in toks if t.i < first]
    after = [t for t in toks if t.i > cue.i and not t.is_punct]
    if len(before) < 4 or before[-1].text != "," or len(after) > 6:
        return None
    lead = before[0]
    while lead.head.i != cue.i and lead.head.i != lead.i:
        lead = lead.head
    if lead.head.i == cue.i and lead.dep_ in _CIRCUMSTANCE_DEPS:
        return None  # "In March, he said."
    return _tok_span(text, before)


def _statement_content(text: str, cue: Token) -> Span | None:
    """``said in a statement that X``, parsed with X hanging from the noun of speech: X."""
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.i < cue.i:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in _SPEECH_NOUNS:
                continue
            for clause in noun.children:
                if clause.dep_ in ("acl", "ccomp") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    return _tok_span(text, clause.subtree)
    return None


def _aside(text: str, cue: Token) -> Span | None:
    """The attribution itself: the cue with its speaker and modifiers, without what it
    reports ("Trump said during a rally in Kenansville")."""
    skip = {t.i for c in cue.children if c.dep_ in _COMP_DEPS for t in c.subtree}
    toks = [t for t in cue.subtree if t.i not in skip]
    return _tok_span(text, [t for t in toks if abs(t.i - cue.i) <= 12])


def _object_content(text: str, cue: Token) -> Span | None:
    """``described X as Y``, ``called X a Y``: the object with what is said of it."""
    comps = [c for c in cue.children if c.dep_ in _OBJ_DEPS and c.i > cue.i]
    if not comps:
        return None
    comps += [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("as", "to", "of", "for")
              and c.i > cue.i]
    lo = min(t.i for c in comps for t in c.subtree)
    hi = max(t.i for c in comps for t in c.subtree)
    if lo == hi and cue.doc[lo].pos_ == "PRON":
        # "defended itself", "denied it": a bare pronoun reports nothing
        return None
    hi = _run_on(cue, hi)
    return _tok_span(text, cue.doc[lo : _cut_relative(cue.doc, lo, hi) + 1])


#: Dependents of a cue after its object that go on describing what was said ("described crass
#: behavior by Trump behind the scenes", "railed against super PACs, including the one ...").
_RUN_ON_DEPS = frozenset({"prep", "npadvmod", "conj"})
#: Prepositions that give the occasion of saying when hung on the cue ("denounced the
#: annexation in an on-air diatribe", "at last week's forum", "according to"): the writer's.
_SETTING_PREPS = frozenset({"in", "at", "on", "according"})


def _run_on(cue: Token, end: int) -> int:
    """The last token of a reported object that ends at ``end``, carried on over what the
    parse hangs on the cue right after it: phrases ("called it a common ailment during
    grueling bids"), and conjuncts ("mentioned refinancing student loans and forcing
    universities to ...") unless they are a clause of their own ("cited A and said B", "A but
    has been met with opposition"). A phrase of the occasion ("in a ruling released Thursday",
    "at the forum") or the medium ("via a statement") is the writer's."""
    doc = cue.doc
    for c in sorted((c for c in cue.children if c.i > end), key=lambda c: c.i):
        if c.dep_ in ("cc", "punct"):
            continue
        gap = doc[end + 1 : c.left_edge.i]
        if any(t.text != "," and not (t.dep_ == "cc" and t.head.i == cue.i) for t in gap) or (
                c.dep_ not in _RUN_ON_DEPS):
            break
        if c.dep_ == "conj" and (c.tag_ in _FINITE or c.lemma_.lower() in SPEECH_LEMMAS or any(
                x.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for x in c.children)):
            break
        if c.dep_ == "prep" and (c.lower_ in _SETTING_PREPS or any(
                p.lemma_.lower() in _SPEECH_NOUNS for p in c.children)):
            break
        end = c.right_edge.i
    return end


def _cut_relative(doc: Doc, lo: int, hi: int) -> int:
    """The last token of a reported noun phrase running from ``lo`` to ``hi`` without a
    trailing non-restrictive relative clause or an aside after a dash: "acknowledged the
    reality of climate change, which makes him an outlier" reports "the reality of climate
    change", "dismissed Estonia as being in the “suburbs” — a metaphor for ..." reports what
    comes before the dash; the rest is the writer's."""
    for k in range(lo + 1, hi):
        nxt = doc[k + 1]
        if (doc[k].text == "," and nxt.lower_ in ("which", "who", "whom", "whose")
                and nxt.head.dep_ == "relcl" and nxt.head.right_edge.i >= hi - 1):
            return k - 1
        if doc[k].text in _DASHES:
            return k - 1
    return hi


def _prep_content(text: str, cue: Token) -> Span | None:
    """``called for X``, ``complained about X``: the object of the cue's preposition."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in _CUE_PREPOSITIONS and child.i > cue.i:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and obj.ent_type_ not in _TIME_ENTS:
                    lo, hi = obj.left_edge.i, _run_on(cue, obj.right_edge.i)
                    return _tok_span(text, cue.doc[lo : _cut_relative(cue.doc, lo, hi) + 1])
    return None
