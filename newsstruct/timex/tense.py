"""Tense: the side of the anchor (past or future) the clause around a time points to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsstruct.data import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "going", "can", "may",
                         "might", "must", "should", "ca"})
_FUTURE_CUES = frozenset({"by", "until", "till", "next", "coming", "starting", "beginning",
                          "due", "deadline", "expires", "scheduled", "effective"})
_LIMIT_CUES = frozenset({"until", "till", "by"})
_ONSET_CUES = frozenset({"effective"})
#: Two words before a time that put it ahead ("as soon as Tuesday").
_SOON_CUES = frozenset({"soon as", "early as", "quickly as"})
_PAST_CUES = frozenset({"since", "last", "ago", "earlier"})
_FUTURE_HEADS = frozenset({"expect", "schedule", "plan", "set", "due", "likely", "go", "intend",
                           "hope", "want", "aim", "slate", "prepare", "ready", "seek", "try",
                           "agree", "promise", "vow", "threaten", "decide", "propose",
                           "scheduled", "expected", "planned"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "be"})


_SCHEDULE_VERBS = frozenset({"schedule", "plan", "slate", "postpone", "delay"})
#: Verbs that set a time when followed by "for" ("set for Friday", "fixed for May 3").
_SET_FOR_VERBS = frozenset({"set", "fix", "schedule", "slate", "plan", "book", "reschedule"})


#: A direction: the occurrence nearest the anchor, on either side (a plan told in the past).
_NEAREST = 2
#: The most steps any walk up the parse takes (a parse is a tree, but its depth is unbounded).
_MAX_HEAD_STEPS = 8


def _verb_tense(tok: Token, through_noun: bool = False, time_i: int = -1) -> int:
    """-1, 0, +1 or ``_NEAREST``: the time the verb ``tok`` points to, from its tense and
    auxiliaries.

    An infinitive ("to meet") takes the time of the verb that governs it, found by an
    iterative walk up the parse that stops at the root and after a few steps. ``time_i`` is
    the index of the time expression: a plan told in the past ("planned a rally on Saturday")
    points to the nearest day only for a time after the verb ("On Friday, they planned").
    """
    for _ in range(_MAX_HEAD_STEPS):
        if time_i > tok.i and _sets_a_noun(tok):
            # "a summit set for April", "a service planned for Saturday was canceled": the
            # time set lies ahead of the clause that holds the noun, nearest in a past one
            return 1 if _clause_tense(tok.head) >= 0 else _NEAREST
        if tok.lemma_.lower() in _SCHEDULE_VERBS and (tok.tag_ != "VBD" or time_i > tok.i):
            return 1 if tok.tag_ != "VBD" else _NEAREST
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        lowers = {a.lower_ for a in auxes}
        if lowers & _FUTURE_AUX:
            return 1
        if "to" not in lowers:
            return _finite_tense(tok, auxes, lowers, through_noun)
        head = tok.head
        if head.i == tok.i:
            return 0
        if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
            return _planned_tense(head)
        if head.pos_ not in ("VERB", "AUX", "ADJ"):
            return 0
        tok, through_noun = head, False
    return 0


def _sets_a_noun(tok: Token) -> bool:
    """A participle that sets a time for the noun it follows ("a summit set for April", "a
    service planned for Saturday"), in a clause of its own."""
    lemma = tok.lemma_.lower()
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.head.i != tok.head.i and (
        lemma in _SCHEDULE_VERBS
        or (lemma in _SET_FOR_VERBS and any(c.lower_ == "for" for c in tok.children)))


def _clause_tense(tok: Token) -> int:
    """The tense of the verb that governs the noun ``tok`` (0 when none does)."""
    for _ in range(_MAX_HEAD_STEPS):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return _verb_tense(tok)
    return 0


def _planned_tense(head: Token) -> int:
    """The time a plan points to ("is due to expire" ahead): a plan told in the past perfect
    ("had been due to expire") lies behind; one told in the simple past ("was due to",
    "planned to") may lie on either side, so the nearest day is meant (``_NEAREST``)."""
    words = [head]
    if head.dep_ in ("acomp", "attr") and head.head.i != head.i:
        words.append(head.head)  # "due" in "had been due": the tense is on the copula
    forms = {w.lower_ for w in words} | {c.lower_ for w in words for c in w.children
                                         if c.dep_ in ("aux", "auxpass", "cop")}
    if "had" in forms:
        return -1
    if forms & {"was", "were"} or any(w.tag_ == "VBD" for w in words):
        return _NEAREST
    return 1


def _finite_tense(tok: Token, auxes: list[Token], lowers: set[str], through_noun: bool) -> int:
    if any(a.tag_ == "VBD" or a.lower_ in ("had", "was", "were", "did") for a in auxes):
        return -1
    if lowers & {"has", "have", "'ve"}:
        return -1
    if tok.tag_ == "VBD":
        return -1
    if tok.tag_ == "VBN":
        if lowers & _PRESENT_AUX and tok.lemma_.lower() in _FUTURE_HEADS:
            return 1
        return -1 if not lowers & _PRESENT_AUX else 0
    if tok.tag_ == "VBG":
        return 1 if lowers & _PRESENT_AUX and not through_noun else 0
    if tok.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP")
                                 for c in tok.children):
        return -1  # "weakness hurt the index": a singular subject makes the form a past
    if tok.tag_ in ("VBZ", "VBP"):
        if through_noun or tok.lemma_.lower() in ("say", "tell", "report", "announce",
                                                   "confirm", "follow"):
            return 0
        return 1
    return 0


def _tense(doc: Doc | None, text: str, start: int, end: int) -> int:
    """-1 when the clause holding ``text[start:end]`` speaks of the past, +1 of the future."""
    before = text[max(0, start - 20):start].lower().split()
    prev = before[-1] if before else ""
    if prev in _PAST_CUES:
        return -1
    if prev in _ONSET_CUES:
        return 1  # "effective Feb. 1": the next such day, whatever the tense
    verdict = 0
    perfect = False  # "until Thursday, they had not called him": the limit lies behind
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is not None:
        tok = span.root
        # a time limit ("a Friday deadline") lies ahead in a present-tense clause, where
        # another noun ("Friday's meeting shows") leaves the time open
        limit = tok.head.i != tok.i and tok.head.lemma_.lower() in lexicon(
            "timex_deadline_nouns")
        through_noun = text[end:end + 2] in ("'s", "’s") and not limit
        if tok.dep_ == "compound" and tok.head.i >= span.end and not limit \
                and tok.head.pos_ in ("NOUN", "PROPN"):
            return 0  # "a June agreement", "November transactions": the tense is the noun's
        for _ in range(_MAX_HEAD_STEPS):
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
            tok = tok.head
            through_noun = through_noun or (tok.pos_ in ("NOUN", "PROPN") and tok.i >= span.end
                                            and not limit)
        if tok.pos_ in ("VERB", "AUX"):
            verdict = _verb_tense(tok, through_noun, span.start)
            if prev == "for" and tok.lemma_.lower() in _SET_FOR_VERBS and not _sets_a_noun(tok):
                # "the vote, set for Friday": a time something is set for (a participle that
                # sets a noun's time was read by the noun's clause)
                verdict = 1
            perfect = any(c.lower_ == "had" for c in tok.children if c.dep_ == "aux")
    if (prev in _FUTURE_CUES or " ".join(before[-2:]) in _SOON_CUES) and verdict >= 0:
        return 1
    if prev in _LIMIT_CUES and verdict < 0 and span is not None and not perfect and not any(
            t.lower_ == "had" for t in span.sent if t.i < span.start):
        return 1
    return verdict
