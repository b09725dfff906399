"""Frame finders: one function for each kind of deadline phrasing, each returning the frames
it finds in one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsstruct.deadlines._base import (
    _PREP_BOUND,
    _UNSPECIFIC,
    _adjacent_times,
    _ahead,
    _conditional,
    _Context,
    _effective,
    _Frame,
    _grants_until,
    _has_lemma,
    _infinitive,
    _lex,
    _negated,
    _obliged,
    _subject,
    _time_of,
    _tok_range,
    _verb_duration,
    _verb_time,
)
from newsstruct.deadlines._classes import class_predicate
from newsstruct.deadlines._kinds import counted_from
from newsstruct.types import (
    Bound,
    TimeExpression,
    TimexType,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as DocSpan
    from spacy.tokens import Token


def _noun_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    nouns = _lex("deadline_nouns")
    out: list[_Frame] = []
    for tok in sent:
        if tok.lemma_.lower() not in nouns and tok.lower_ not in nouns:
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or (tok.pos_ == "PROPN" and tok.i == sent.start):
            continue
        # "the Friday expiry" is the end of a validity period, as "expires Friday" is
        bound = Bound.ON if _has_lemma(tok, _lex("deadline_expiry_nouns")) else Bound.BY
        if tok.dep_ == "pobj" and tok.head.lower_ in _PREP_BOUND:
            bound = _PREP_BOUND[tok.head.lower_]
        time = _noun_time(ctx, tok)
        if time is not None:
            first = ctx.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
            if first is not None and len(first) and first[0].i - 1 > tok.i and \
                    ctx.doc[first[0].i - 1].lower_ in ("until", "till", "to"):
                bound = Bound.UNTIL  # "extended its deadline until 9 a.m. Tuesday"
            out.append(_Frame(trigger=(tok.idx, tok.idx + len(tok)), due_tokens=_tok_range(
                ctx, time), bound=bound, head=tok, times=_adjacent_times(ctx, time), noun=tok,
                confidence=0.9, kind="noun"))
            continue
        # "a 72-hour ultimatum", "a 30-day deadline"
        for child in tok.children:
            dur = _time_of(ctx, child) if child.i < tok.i else None
            if dur is not None and dur.type is TimexType.DURATION:
                out.append(_Frame(trigger=(tok.idx, tok.idx + len(tok)),
                                  due_tokens=_tok_range(ctx, dur), bound=Bound.WITHIN,
                                  head=tok.head, duration=dur, noun=tok, confidence=0.8,
                                  kind="noun"))
                break
        else:
            dur = None
        if dur is not None:
            continue
        # "less than 48 hours before a deadline": the limit is measured from the clause's time
        if tok.dep_ == "pobj" and tok.head.lower_ in ("before", "after"):
            for child in tok.head.children:
                dur = _time_of(ctx, child)
                if dur is not None and dur.type is TimexType.DURATION and child.i < tok.head.i:
                    out.append(_Frame(
                        trigger=(tok.idx, tok.idx + len(tok)), due_tokens=_tok_range(ctx, dur),
                        bound=_PREP_BOUND[tok.head.lower_], head=tok.head.head, duration=dur,
                        noun=tok, confidence=0.85, kind="measured"))
                    break
    return out


def _dated(t: TimeExpression | None) -> TimeExpression | None:
    """``t`` unless it is a duration."""
    return t if t is not None and t.type is not TimexType.DURATION else None


def _noun_time(ctx: _Context, noun: Token) -> TimeExpression | None:
    """The time a limit noun names: in its own phrase, after of/at/on, or set as it."""
    return _phrase_time(ctx, noun) or _clause_time(ctx, noun)


def _phrase_time(ctx: _Context, noun: Token) -> TimeExpression | None:
    """A time in the limit noun's own phrase: "the Nov. 1 deadline", "a May 9
    close-of-business deadline", "a deadline of Tuesday", "the deadline at noon on Dec. 20"."""
    for left in noun.doc[noun.left_edge.i:noun.i]:
        # any pre-modifier, however deep ("a May 9 close-of-business deadline")
        if left.dep_ not in ("prep", "pobj", "det", "punct") and left.head.i > left.i:
            t = _dated(_time_of(ctx, left))
            if t is not None and t.span.end <= noun.idx:
                return t
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "on", "until", "for", "to"):
            for obj in child.children:
                t = _dated(_time_of(ctx, obj)) if obj.dep_ == "pobj" else None
                if t is not None:
                    return t
        if child.dep_ in ("appos", "npadvmod") and child.i > noun.i:
            t = _dated(_time_of(ctx, child))
            if t is not None:
                return t
    # "the filing deadline at noon on Dec. 20", whatever the parse attached "at noon" to
    nxt = noun.i + 1
    if nxt + 1 < len(noun.doc) and noun.doc[nxt].lower_ in ("at", "on", "of") and \
            noun.doc[nxt].sent == noun.sent:
        t = _dated(ctx.tok_time.get(nxt + 1))
        if t is not None and t.span.start == noun.doc[nxt + 1].idx:
            return t
    return None


def _clause_time(ctx: _Context, noun: Token) -> TimeExpression | None:
    """A time the clause equates with the limit noun: an apposition ("by the close of business
    yesterday, a deadline StatesWest had set"), "set Nov. 10 as the deadline", a predicate
    ("the deadline is Friday", "June 1 is the deadline to apply") or a new end ("extended its
    deadline until 9 a.m.")."""
    comma = noun.left_edge.i - 1
    if comma - 1 >= noun.sent.start and noun.doc[comma].text == ",":
        t = _dated(ctx.tok_time.get(comma - 1))
        if t is not None:
            return t
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        for child in head.head.children:
            if child.dep_ in ("dobj", "npadvmod", "oprd") and child.i < head.i:
                t = _time_of(ctx, child)
                if t is not None:
                    return t
    if noun.dep_ == "attr" and head.lemma_.lower() == "be":
        for child in head.children:
            if child.i < noun.i and child.dep_ in ("nsubj", "npadvmod"):
                return _dated(_time_of(ctx, child))
        return None
    if noun.dep_ not in ("nsubj", "dobj", "nsubjpass"):
        return None
    for child in head.children:
        if child.i <= noun.i:
            continue
        if child.dep_ in ("attr", "npadvmod"):
            t = _dated(_time_of(ctx, child))
            if t is not None:
                return t
        if child.dep_ == "prep" and child.lower_ in ("until", "to", "till"):
            for obj in child.children:
                t = _dated(_time_of(ctx, obj)) if obj.dep_ == "pobj" else None
                if t is not None:
                    return t
    return None


def _expiry_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    verbs = _lex("deadline_expiry_verbs")
    out: list[_Frame] = []
    for tok in sent:
        runs_out = tok.lemma_.lower() == "run" and any(
            c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
        ) and not any(c.lower_ == "of" for c in tok.children)
        if not (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs) and not runs_out:
            continue
        found = _verb_time(ctx, tok)
        duration = None if found is not None else _verb_duration(ctx, tok)
        if found is None and duration is None:
            continue
        start = tok.idx
        left = tok.doc[max(tok.i - 2, sent.start):tok.i]
        if len(left) == 2 and left[1].lower_ == "to" and left[0].lower_ in (
            "set", "due", "scheduled", "slated"
        ):
            start = left[0].idx
        end = tok.idx + len(tok)
        if runs_out:
            prt = next(c for c in tok.children if c.dep_ == "prt")
            end = prt.idx + len(prt)
        if found is not None:
            time, bound = found
            out.append(_Frame(trigger=(start, end), due_tokens=_tok_range(ctx, time),
                              bound=bound, head=tok, times=_adjacent_times(ctx, time),
                              confidence=0.8, kind="expiry"))
        elif duration is not None:
            out.append(_Frame(trigger=(start, end), due_tokens=_tok_range(ctx, duration),
                              bound=Bound.ON, head=tok, duration=duration, confidence=0.7,
                              kind="expiry"))
    return out


def _extension_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """"extended its offer until 5 p.m. EST Nov. 9", "the bid was extended to Nov. 16": a
    limit (an offer, a right, a grace period) moved to a new end, said of its verb."""
    verbs = _lex("deadline_extension_words")
    limits = _lex("deadline_extendable_nouns") | _lex("deadline_nouns")
    out: list[_Frame] = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in verbs or _negated(tok):
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not any(_has_lemma(o, limits) for o in objs):
            continue
        preps = [c for c in tok.children
                 if c.dep_ == "prep" and c.lower_ in ("until", "till", "to", "through")]
        for child in preps + _until_inside(tok, min(o.i for o in objs)):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            time = _time_of(ctx, obj) if obj is not None else None
            if time is None or time.type is TimexType.DURATION or time.value in _UNSPECIFIC \
                    or not time.value:
                continue
            out.append(_Frame(trigger=(tok.idx, tok.idx + len(tok)),
                              due_tokens=_tok_range(ctx, time), bound=Bound.UNTIL, head=tok,
                              times=_adjacent_times(ctx, time), confidence=0.75,
                              kind="extension"))
            break
    return out


#: Links inside a noun phrase and its modifiers, through which an "until" after a long object
#: still belongs to the verb that moves the limit.
_PHRASE_LINKS = frozenset({"prep", "pobj", "pcomp", "relcl", "acl", "dobj", "appos"})


def _until_inside(verb: Token, after: int) -> list[Token]:
    """"extended its deadline for accepting tendered shares until November 26": an "until"
    the parse attached inside the object or another phrase of the verb (a modifier, a
    relative clause) rather than to the verb; not one of another clause (a conjunct, a
    complement)."""
    out: list[Token] = []
    for tok in verb.subtree:
        if tok.i <= after or tok.lower_ not in ("until", "till") or tok.head.i == verb.i:
            continue
        up = tok
        while up.i != verb.i and up.dep_ in _PHRASE_LINKS and up.head.i != up.i:
            up = up.head
        if up.i == verb.i:
            out.append(tok)
    return out


def _due_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """"The notes will be due on Nov. 1, 2004": "due" said of a deliverable."""
    deliverables = _lex("deadline_due_nouns")
    out: list[_Frame] = []
    for tok in sent:
        if tok.lower_ != "due" or tok.i + 1 >= len(ctx.doc):
            continue
        after = ctx.doc[tok.i + 1]
        if after.lower_ == "to" and tok.i + 2 < len(ctx.doc) and \
                ctx.doc[tok.i + 2].tag_ == "VB":
            continue  # "due to be held", "due to start": a schedule ("due to expire" is a verb cue)
        subject = _subject(tok.head) if tok.dep_ in ("acomp", "attr") else None
        if subject is None and tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            subject = tok.head
        if subject is not None and subject.tag_ in ("WDT", "WP") and \
                tok.head.dep_ == "relcl":
            subject = tok.head.head
        if subject is None or subject.lemma_.lower() not in deliverables:
            continue
        found = _verb_time(ctx, tok)
        if found is None:
            nxt = ctx.doc[tok.i + 1]
            t = _time_of(ctx, nxt)
            found = (t, Bound.ON) if t is not None else None
        if found is None and tok.dep_ == "acomp":
            found = _verb_time(ctx, tok.head)
        if found is None:
            # "November 5, the day the proposals were due": the day the clause qualifies
            holder = tok.head if tok.dep_ == "acomp" else tok
            if holder.dep_ == "relcl":
                noun = holder.head
                t = _time_of(ctx, noun) or (
                    _time_of(ctx, noun.head) if noun.dep_ == "appos" else None
                )
                found = (t, Bound.ON) if t is not None else None
        if found is None or found[0].type is TimexType.DURATION:
            continue
        time, bound = found
        out.append(_Frame(trigger=(tok.idx, tok.idx + len(tok)), due_tokens=_tok_range(
            ctx, time), bound=bound, head=tok, times=_adjacent_times(ctx, time),
            confidence=0.8, kind="due"))
    return out


def _prep_cue(ctx: _Context, tok: Token) -> tuple[Bound, int] | None:
    """The bound a limiting preposition states and where its cue starts ("no later than")."""
    low = tok.lower_
    if low == "than" and tok.i >= 2 and ctx.doc[tok.i - 1].lower_ == "later" and \
            ctx.doc[tok.i - 2].lower_ in ("no", "not"):
        return Bound.BY, ctx.doc[tok.i - 2].idx
    if low in ("by", "until", "till", "before", "within"):
        return _PREP_BOUND[low], tok.idx
    return None


def _prep_head(tok: Token) -> Token:
    """The word a limiting preposition bounds: its verb for "no later than six months ..."."""
    head = tok.head
    if head.dep_ == "prep" or tok.dep_ in ("pcomp", "pobj") or (
        tok.lower_ == "than" and head.lower_ == "later"
    ):
        head = head.head
    if tok.lower_ == "than":
        for _ in range(5):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
    return head


def _asks(ctx: _Context, sent: DocSpan, tok: Token) -> bool:
    """A question asks for a limit, it does not state one."""
    return sent[-1].text == "?" or any(
        t.text == "?" for t in ctx.doc[tok.i:min(sent.end, tok.i + 8)]
    )


def _prep_licensed(ctx: _Context, tok: Token, head: Token, bound: Bound,
                   time: TimeExpression | None) -> tuple[bool, bool]:
    """Whether the clause states the limit as one (an obligation, a present condition, a time
    granted "until"), and whether it is a grant ("had until Nov. 1")."""
    if tok.lower_ in ("until", "till") and _grants_until(head, tok):
        return True, True
    if bound is Bound.UNTIL or head.dep_ == "aux" or _negated(head) or _effective(head):
        return False, False
    if _obliged(head):
        return True, False
    dated = time is not None and time.type is not TimexType.DURATION
    return dated and time is not None and _conditional(head) and _ahead(ctx, time), False


def _prep_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """by / until / before / within / no later than / has until, in an obligation."""
    events = _lex("deadline_event_nouns")
    out: list[_Frame] = []
    for tok in sent:
        cue = _prep_cue(ctx, tok)
        if cue is None:
            continue
        bound, trigger_start = cue
        trigger = (trigger_start, tok.idx + len(tok))
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if not objs and tok.i + 1 < sent.end:
            objs = [ctx.doc[tok.i + 1]]
        time = _time_of(ctx, objs[0]) if objs else None
        counted = None
        if time is None:
            obj = objs[0] if objs else None
            if obj is None or bound not in (Bound.BEFORE, Bound.BY, Bound.UNTIL) or \
                    obj.lemma_.lower() not in events or obj.ent_type_ in ("DATE", "TIME"):
                continue
        elif time.value in _UNSPECIFIC or not time.value:
            continue
        elif time.type is TimexType.DURATION and bound is not Bound.WITHIN:
            counted = counted_from(ctx, _tokens(ctx, time))
            if counted is None:
                continue  # "by two weeks" counts from nothing the text names
        elif bound is Bound.WITHIN and time.type is not TimexType.DURATION:
            continue
        head = _prep_head(tok)
        if _asks(ctx, sent, tok):
            continue
        licensed, has_until = _prep_licensed(ctx, tok, head, bound, time)
        pred = None if licensed else class_predicate(
            head, bound, ahead=time is not None and _ahead(ctx, time))
        if not licensed and pred is None:
            continue
        if time is None:
            sub = list(objs[0].subtree)
            due = (sub[0].idx, sub[-1].idx + len(sub[-1]))
            out.append(_Frame(trigger=trigger, due_tokens=due, bound=bound, head=head,
                              event=True, anchor_tokens=due, confidence=0.6))
        elif counted is not None:
            out.append(_counted_frame(ctx, trigger, bound, head, time, counted))
        elif time.type is TimexType.DURATION:
            out.append(_Frame(trigger=trigger, due_tokens=_tok_range(ctx, time), bound=bound,
                              head=head, duration=time, confidence=0.7))
        else:
            out.append(_Frame(trigger=trigger, due_tokens=_tok_range(ctx, time), bound=bound,
                              head=head, times=_adjacent_times(ctx, time),
                              confidence=0.8 if has_until else 0.7))
        if pred is not None:
            out[-1].predicate, out[-1].predicate_roles = pred.token, pred.cls.roles.value
    return out


def _tokens(ctx: _Context, t: TimeExpression) -> list[Token]:
    span = ctx.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _counted_frame(ctx: _Context, trigger: tuple[int, int], bound: Bound, head: Token,
                   duration: TimeExpression,
                   counted: tuple[Token, Bound, TimeExpression | None, tuple[int, int]]) -> _Frame:
    """"no later than six months before the election": a span counted from an event (no due
    value, the event recorded) or from a date (the date moved by the span)."""
    _, direction, date, rng = counted
    due = (duration.span.start, rng[1])
    shift = -1 if direction is Bound.BEFORE else 1
    if date is None:
        return _Frame(trigger=trigger, due_tokens=due, bound=bound, head=head, event=True,
                      duration=duration, anchor_tokens=rng, confidence=0.6, kind="counted")
    return _Frame(trigger=trigger, due_tokens=due, bound=bound, head=head,
                  times=_adjacent_times(ctx, date), duration=duration, anchor_tokens=rng,
                  confidence=0.65, kind="counted", shift=shift)


def _grant_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """"gave Putin 50 days to reach a deal", "has 30 days to respond": a span of time granted
    for an act."""
    out: list[_Frame] = []
    for tok in sent:
        if tok.lemma_.lower() not in ("give", "grant", "have", "get") or \
                tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "aux":
            continue
        for obj in tok.children:
            if obj.dep_ != "dobj":
                continue
            dur = _time_of(ctx, obj)
            if dur is None or dur.type is not TimexType.DURATION:
                continue
            act = next((c for c in [*obj.children, *tok.children]
                        if c.dep_ in ("relcl", "acl", "xcomp", "advcl") and c.i > obj.i
                        and _infinitive(c)), None)
            if act is None or _negated(tok):
                continue
            if tok.lemma_.lower() in ("have", "get") and (tok.tag_ in ("VBD", "VBN") or any(
                c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children
            )):
                continue  # "had two days to prepare": a span told in the past, not a limit ahead
            out.append(_Frame(trigger=(tok.idx, tok.idx + len(tok)),
                              due_tokens=_tok_range(ctx, dur), bound=Bound.WITHIN, head=tok,
                              duration=dur, confidence=0.7, kind="grant"))
    return out


def _last_day_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """"The last day to register is Oct. 10"."""
    out: list[_Frame] = []
    for tok in sent:
        if tok.lemma_.lower() not in ("day", "date") or not any(
            c.lower_ in ("last", "final") for c in tok.children
        ):
            continue
        if not any(
            (c.dep_ in ("acl", "relcl") and any(g.lower_ == "to" for g in c.children))
            or (c.dep_ == "prep" and c.lower_ == "for")
            for c in tok.children
        ):
            continue
        time = None
        if tok.dep_ in ("nsubj", "attr"):
            for child in tok.head.children:
                if child.i != tok.i and child.dep_ in ("attr", "nsubj", "npadvmod"):
                    time = _time_of(ctx, child)
                    if time is not None:
                        break
        if time is None or time.type is TimexType.DURATION:
            continue
        first = min(c.i for c in tok.children if c.lower_ in ("last", "final"))
        out.append(_Frame(trigger=(ctx.doc[first].idx, tok.idx + len(tok)),
                          due_tokens=_tok_range(ctx, time), bound=Bound.BY, head=tok,
                          times=_adjacent_times(ctx, time), confidence=0.8, kind="last_day"))
    return out


