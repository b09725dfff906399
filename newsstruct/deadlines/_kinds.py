"""Frame finders for the limits news states without a limit noun or a limiting preposition under
an obligation: scheduled acts owed, offers and terms that run out, imposed goals, spans whose
length is left open, and spans counted from an event ("six months before the election")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsstruct.calendar import span
from newsstruct.deadlines._base import (
    _CLOCKED,
    _adjacent_times,
    _ahead,
    _calendar_time,
    _Context,
    _Frame,
    _has_lemma,
    _infinitive,
    _lex,
    _negated,
    _time_of,
    _tok_range,
    _verb_time,
)
from newsstruct.deadlines._values import _forward
from newsstruct.types import Bound, TimeExpression

_SPAN_PREPS = {"before": Bound.BEFORE, "after": Bound.AFTER, "ahead": Bound.BEFORE}

if TYPE_CHECKING:
    from spacy.tokens import Span as DocSpan
    from spacy.tokens import Token

#: Words that put an act on a schedule ("scheduled to", "slated to", "set to", "due to").
_SCHEDULERS = frozenset({"schedule", "scheduled", "slate", "slated", "set", "due"})
#: Units of a span whose length the text leaves open ("only weeks to ...").
_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def _owed_act(verb: Token) -> bool:
    """"pay", "file", "make a payment", "submit its report": an act owed by a set time."""
    if _has_lemma(verb, _lex("deadline_due_acts")):
        return True
    deliverables = _lex("deadline_due_nouns")
    return verb.lemma_.lower() in ("make", "submit", "deliver", "file") and any(
        c.dep_ == "dobj" and _has_lemma(c, deliverables) for c in verb.children
    )


def scheduled_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """"the next test comes on Tuesday, when the company is scheduled to make a $200 million
    payment": an act owed (a payment, a filing) put on a schedule with its time."""
    out: list[_Frame] = []
    for tok in sent:
        if tok.lower_ not in _SCHEDULERS or _negated(tok):
            continue
        act = next((c for c in tok.children if c.dep_ == "xcomp" and _infinitive(c)), None)
        if act is None or not _owed_act(act):
            continue
        found = _verb_time(ctx, act) or _verb_time(ctx, tok)
        time = _calendar_time(found[0]) if found is not None else None
        if time is None and tok.dep_ == "relcl":
            # "Tuesday, when the company is scheduled to pay"
            time = _calendar_time(_time_of(ctx, tok.head))
        if time is None:
            continue
        out.append(_Frame(trigger=(tok.idx, tok.idx + len(tok)),
                          due_tokens=_tok_range(ctx, time), bound=Bound.ON, head=act,
                          times=_adjacent_times(ctx, time), confidence=0.7, kind="scheduled"))
    return out


def _day_or_finer(time: TimeExpression) -> bool:
    iv = span(time.value)
    return iv is not None and iv.granularity in _CLOCKED


def offer_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """"Through Dec. 31, new members get free entry", "the discount runs until Sunday": an offer
    or a term that lasts to a day still ahead (a day, not a month), said in the present or
    future."""
    offers = _lex("deadline_offer_words")
    out: list[_Frame] = []
    for tok in sent:
        if tok.lower_ not in ("through", "until", "till", "thru") or tok.dep_ != "prep":
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        time = _calendar_time(_time_of(ctx, obj)) if obj is not None else None
        verb = tok.head
        if time is None or not _day_or_finer(time) or not _ahead(ctx, time) or \
                verb.pos_ not in ("VERB", "AUX") or _negated(verb) or not _forward(verb):
            continue  # an offer runs out on a day ("until this month" is a narrative span)
        inside = {t.i for t in tok.subtree}
        if not any(_has_lemma(t, offers) for t in verb.subtree if t.i not in inside):
            continue
        out.append(_Frame(trigger=(tok.idx, tok.idx + len(tok)),
                          due_tokens=_tok_range(ctx, time), bound=Bound.UNTIL, head=verb,
                          times=_adjacent_times(ctx, time), confidence=0.65, kind="offer"))
    return out


def goal_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """"its court-ordered goal of releasing 40,000 pages by the end of the year": a goal that
    an imposing modifier makes binding, with the time in its phrase."""
    imposed = _lex("deadline_imposed_words")
    out: list[_Frame] = []
    for tok in sent:
        if tok.pos_ != "NOUN" or not _has_lemma(tok, _lex("deadline_goal_nouns")):
            continue
        mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound")
                and (_has_lemma(c, imposed) or c.text.lower() in imposed)]
        if not mods:
            continue
        for prep in tok.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in ("by", "before") or prep.i < tok.i:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            time = _calendar_time(_time_of(ctx, obj)) if obj is not None else None
            if time is None:
                continue
            first = min(m.left_edge.i for m in mods)
            out.append(_Frame(trigger=(ctx.doc[first].idx, tok.idx + len(tok)),
                              due_tokens=_tok_range(ctx, time), bound=Bound.BY, head=tok,
                              times=_adjacent_times(ctx, time), confidence=0.7, kind="goal"))
            break
    return out


def vague_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """"have only weeks to make their case or face defeat": a span granted for an act whose
    length the text leaves open; it has no due value."""
    out: list[_Frame] = []
    for tok in sent:
        if tok.lemma_.lower() not in ("have", "give", "get") or tok.pos_ not in ("VERB", "AUX") \
                or tok.dep_ == "aux" or tok.tag_ in ("VBD", "VBN") or _negated(tok):
            continue
        for obj in tok.children:
            if obj.dep_ != "dobj" or obj.tag_ != "NNS" or obj.lemma_.lower() not in _UNITS or \
                    any(c.dep_ == "nummod" for c in obj.children) or obj.i in ctx.tok_time:
                continue
            act = next((c for c in [*obj.children, *tok.children]
                        if c.dep_ in ("relcl", "acl", "xcomp") and c.i > obj.i
                        and _infinitive(c)), None)
            if act is None:
                continue
            left = obj.left_edge
            out.append(_Frame(trigger=(tok.idx, tok.idx + len(tok)),
                              due_tokens=(left.idx, obj.idx + len(obj)), bound=Bound.WITHIN,
                              head=tok, confidence=0.5, kind="grant", vague=True))
    return out


def counted_from(ctx: _Context, span_toks: list[Token]) -> tuple[
        Token, Bound, TimeExpression | None, tuple[int, int]] | None:
    """What a duration counts from when the text names it: "six months before the election"
    (an event), "30 days after Jan. 1" (a date). Returns the preposition, its direction, the
    date (``None`` for an event) and the character range of the event or date."""
    inside = {t.i for t in span_toks}
    preps = [c for t in span_toks for c in t.children if c.dep_ == "prep" and c.i not in inside]
    preps += [t.head for t in span_toks if t.dep_ == "npadvmod" and t.head.dep_ == "prep"]
    for prep in preps:
        if prep.lower_ not in _SPAN_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        sub = list(obj.subtree)
        rng = (sub[0].idx, sub[-1].idx + len(sub[-1]))
        time = _calendar_time(_time_of(ctx, obj))
        if time is not None:
            return prep, _SPAN_PREPS[prep.lower_], time, rng
        if _has_lemma(obj, _lex("deadline_event_nouns")) and obj.ent_type_ not in ("DATE", "TIME"):
            return prep, _SPAN_PREPS[prep.lower_], None, rng
    return None
