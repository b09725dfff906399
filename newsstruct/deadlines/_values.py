"""Due values and status: the TIMEX3 value a frame rests on, where a relative limit counts
from, and whether the limit is upcoming, passed, met, extended or expired."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.calendar import (
    add_months,
)
from newsstruct.deadlines._base import (
    _CLOCKED,
    _EXPLICIT,
    _MONTH,
    _WEEKDAY,
    _add_duration,
    _adjacent_times,
    _combine,
    _Context,
    _format,
    _Frame,
    _has_lemma,
    _lex,
    _negated,
    timex_interval,
)
from newsstruct.types import (
    Bound,
    DeadlineStatus,
    Granularity,
    TimeExpression,
    TimexType,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as DocSpan
    from spacy.tokens import Token

# --------------------------------------------------------------------------- values and status


#: How long before the article's time a limit moved to a new end may still be told as ending.
_MOVED_BACK = dt.timedelta(days=60)


def _value(ctx: _Context, times: Sequence[TimeExpression],
           governor: Token | None, *, moved: bool = False) -> tuple[str | None,
                                                                  TimeExpression | None]:
    """The value of glued time expressions, where the text leaves the year or the week open.

    A date with no year ("Nov. 10", "February") is the occurrence nearest the article's time:
    news states limits within months of when it is written, whatever the tense of the report.
    A bare weekday ("Tuesday", "midnight Friday") is the next one on or after the article's
    time when the limit is stated in the present or future ("must reply by Friday", "runs out
    on Sunday", "has given them until Tuesday"), else the one nearest to it ("had set a
    deadline of Tuesday"). A limit ``moved`` to a new end ("extended its deadline until
    November 26") lies ahead of the move, which the article reports soon after: its date is
    the first occurrence no more than ``_MOVED_BACK`` before the article's time."""
    value, best = _combine(times)
    if value is None or not times:
        return value, best
    said = " ".join(t.span.text for t in times)
    if _EXPLICIT.search(said):
        return value, best
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(.*)$", value)
    if m is None:
        return value, best
    year, month, rest = int(m[1]), int(m[2]), m[4]
    anchor = ctx.anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    forward = governor is not None and _forward(governor)
    try:
        if m[3] is not None and _WEEKDAY.search(said) and not _MONTH.search(said):
            day = dt.date(year, month, int(m[3]))
            if forward:
                day += dt.timedelta(days=(day.weekday() - anchor.weekday()) % 7
                                    - (day - anchor.date()).days)
            else:
                day += dt.timedelta(days=7 * round((anchor.date() - day).days / 7))
            return f"{day.isoformat()}{rest}", best
        if _MONTH.search(said):
            def start(y: int) -> dt.datetime:
                return dt.datetime(y, month, int(m[3]) if m[3] else 1)

            def end(y: int) -> dt.datetime:
                return start(y) + dt.timedelta(days=1) if m[3] else add_months(start(y), 1)

            years = (anchor.year - 1, anchor.year, anchor.year + 1)
            year = min(years, key=lambda y: abs((start(y) + (end(y) - start(y)) / 2
                                                 - anchor).total_seconds()))
            if moved:
                year = next(y for y in years if end(y) > anchor - _MOVED_BACK)
            return f"{year:04d}-{month:02d}{'-' + m[3] if m[3] else ''}{rest}", best
    except ValueError:
        pass
    return value, best


def _forward(verb: Token) -> bool:
    """Whether the clause of ``verb`` states its limit as still ahead: present or future tense,
    a modal, an imperative or a present perfect ("has given"); not a past report."""
    tok = verb
    for _ in range(3):
        finite = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to"]
        finite = finite[:1] or [tok]
        word = finite[0]
        if word is tok and tok.tag_ == "VBD" and tok.lemma_.lower() in _lex(
            "deadline_setter_verbs"
        ) and not _past_perfect_chain(tok):
            return True  # "set a deadline of Saturday": a limit set now falls ahead
        if word.tag_ in ("VBD",) or word.lower_ in ("had", "was", "were", "did"):
            return False
        if word.tag_ in ("VBZ", "VBP", "MD") or (word is tok and tok.tag_ == "VB"
                                                  and tok.dep_ == "ROOT"):
            return True
        if tok.dep_ in ("xcomp", "acl", "relcl", "pcomp", "conj", "ccomp") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False


def _past_perfect_chain(verb: Token) -> bool:
    """Whether a conjoined verb shares a past perfect ("had ruled ... and set")."""
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("conj", "ccomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
            return True
    return False


def _governor(frame: _Frame) -> Token | None:
    """The verb whose clause states the limit."""
    tok = frame.adopted or frame.noun or frame.head
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _clause_anchor(ctx: _Context, frame: _Frame) -> tuple[dt.datetime, Granularity] | None:
    """The time a duration-measured limit counts from: a "starting ..." time, else the dated
    time of the sentence nearest the duration ("arrived on Wednesday, less than 48 hours before
    a deadline"), else (for "within ...") the article's time."""
    assert frame.duration is not None
    sent = frame.head.sent
    own = {t.i for t in frame.noun.subtree} if frame.noun is not None else set()
    where = ctx.doc.char_span(frame.duration.span.start, frame.duration.span.end,
                              alignment_mode="expand")
    at = where[0].i if where is not None and len(where) else frame.head.i
    # "within a week" counts from a time of its own clause or the clauses governing it
    scope = set(range(sent.start, sent.end))
    if frame.kind != "measured":
        scope = set()
        for gov in [frame.head, *frame.head.ancestors][:5]:
            for child in gov.children:
                if child.dep_ == "advcl" and child.lemma_.lower() in ("start", "begin"):
                    scope.update(t.i for t in child.subtree)
                elif child.dep_ in ("npadvmod", "tmod", "prep", "pobj"):
                    scope.update(t.i for t in child.subtree if t.i - child.i <= 3)
    found: list[tuple[int, dt.datetime, Granularity]] = []
    for tok in sent:
        if tok.i not in scope:
            continue
        t = ctx.tok_time.get(tok.i)
        if t is None or t.type is TimexType.DURATION or t is frame.duration or tok.i in own:
            continue
        if tok.idx != t.span.start:
            continue
        value, _ = _value(ctx, _adjacent_times(ctx, t), _governor_of(tok))
        iv = timex_interval(value)
        if iv is None or iv.granularity not in _CLOCKED:
            continue
        starting = any(a.lemma_.lower() in ("start", "begin") for a in tok.ancestors
                       if a.i > at and a.sent == sent)
        found.append((-1 if starting else abs(tok.i - at), iv.start, iv.granularity))
    if found:
        _, start, gran = min(found, key=lambda f: f[0])
        return start, gran
    if frame.kind == "measured":
        return None  # "30 hours before the filing deadline" in a sentence with no date
    if past_setter(frame) is not None:
        # set at a time told in the past: counted from that time where the text gives it
        return _earlier_time(ctx, sent)
    return ctx.anchor.replace(hour=0, minute=0, second=0, microsecond=0), Granularity.DAY


def past_setter(frame: _Frame) -> Token | None:
    """The verb that set a span-measured limit, when it is told in the simple past ("ordered
    doctors to return to work within 48 hours", "gave Putin 50 days"): the limit counts from
    that event, not from the article's time."""
    if frame.duration is None or frame.kind not in ("prep", "grant"):
        return None
    setters = _lex("deadline_directive_verbs") | _lex("deadline_setter_verbs")
    tok = frame.head
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") and (_has_lemma(tok, setters) or (tok is frame.head
                                            and frame.kind == "grant")):
            past = tok.tag_ == "VBD" or (tok.tag_ == "VBN" and any(
                c.dep_ == "auxpass" and c.tag_ == "VBD" for c in tok.children))
            return tok if past else None
        if tok.dep_ not in ("xcomp", "ccomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _earlier_time(ctx: _Context, sent: DocSpan) -> tuple[dt.datetime, Granularity] | None:
    """The last time of day or day named in the sentence before, in the same paragraph ("a
    state of emergency proclaimed at 10:30 p.m. Tuesday. It also ordered ...")."""
    if sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    if "\n\n" in ctx.text[prev.end_char:sent.start_char]:
        return None
    found: tuple[dt.datetime, Granularity] | None = None
    for tok in prev:
        t = ctx.tok_time.get(tok.i)
        if t is None or t.type is TimexType.DURATION or tok.idx != t.span.start:
            continue
        value, _ = _value(ctx, _adjacent_times(ctx, t), _governor_of(tok))
        iv = timex_interval(value)
        if iv is not None and iv.granularity in _CLOCKED:
            found = (iv.start, iv.granularity)
    return found


def _governor_of(tok: Token) -> Token | None:
    for a in [tok, *tok.ancestors][:6]:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return None


def _resolve(ctx: _Context, frame: _Frame) -> tuple[str | None, dt.datetime | None,
                                                     dt.datetime | None, str | None]:
    """due value, due_start, due_end and the id of the time record the value rests on."""
    if frame.event or frame.vague:
        return None, None, None, frame.duration.id if frame.duration else None
    if frame.kind == "counted" and frame.duration is not None:
        return _resolve_counted(ctx, frame, frame.duration)
    if frame.duration is not None:
        return _resolve_span(ctx, frame, frame.duration)
    governor = _governor(frame)
    moved = governor is not None and _has_lemma(governor, _lex("deadline_extension_words"))
    value, best = _value(ctx, frame.times, governor, moved=moved)
    iv = timex_interval(value)
    if iv is None:
        return value, None, None, best.id if best else None
    return value, iv[0], iv[1], best.id if best else None


def _resolve_span(ctx: _Context, frame: _Frame, duration: TimeExpression) -> tuple[
        str | None, dt.datetime | None, dt.datetime | None, str | None]:
    """A limit given as a span: counted from the time of its clause or of the event that set
    it ("within 48 hours" after an order given "at 10:30 p.m. Tuesday")."""
    dur = duration.value
    anchor = _clause_anchor(ctx, frame)
    if not dur or anchor is None or not dur.startswith("P"):
        return None, None, None, duration.id
    start, gran = anchor
    if frame.kind == "measured" and frame.bound is Bound.AFTER:
        # "two days after the deadline": the limit lies that long before the clause's time
        back = _add_duration(start, dur, -1)
        if back is None:
            return None, None, None, duration.id
        counted = _format(back, gran)
        iv = timex_interval(counted)
        return counted, iv[0] if iv else back, iv[1] if iv else back, duration.id
    end = _add_duration(start, dur)
    if end is None:
        return None, None, None, duration.id
    counted = _format(end, gran)
    iv = timex_interval(counted)
    return counted, start, iv[1] if iv else end, duration.id


def _resolve_counted(ctx: _Context, frame: _Frame, duration: TimeExpression) -> tuple[
        str | None, dt.datetime | None, dt.datetime | None, str | None]:
    """"30 days after Jan. 1", "two weeks before March 3": the date moved by the span."""
    value, best = _value(ctx, frame.times, _governor(frame))
    iv = timex_interval(value)
    if iv is None or not duration.value or iv.granularity not in _CLOCKED:
        return None, None, None, duration.id
    moved = _add_duration(iv.start, duration.value, frame.shift)
    if moved is None:
        return None, None, None, duration.id
    counted = _format(moved, iv.granularity)
    out = timex_interval(counted)
    return counted, out[0] if out else moved, out[1] if out else moved, \
        best.id if best else duration.id


def _expired(frame: _Frame) -> bool:
    """Whether the text says the limit ran out: a verb of expiry told in the past ("the lease
    expired in August"), a limit missed ("missed the March 1 deadline") or gone by ("the
    deadline passed")."""
    lapse = _lex("deadline_lapse_verbs")
    if frame.kind == "expiry":
        verb = frame.head
        return verb.tag_ == "VBD" and not _negated(verb)
    noun = frame.noun
    if noun is None:
        return False
    verb = noun.head
    told_past = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                          for c in verb.children)
    if not told_past or _negated(verb) or not _has_lemma(verb, lapse):
        return False
    return noun.dep_ == "dobj" or noun.dep_ == "nsubj"


def _status(ctx: _Context, sent: DocSpan, frame: _Frame,
            start: dt.datetime | None, end: dt.datetime | None) -> DeadlineStatus:
    if _expired(frame):
        return DeadlineStatus.EXPIRED
    extension = _lex("deadline_extension_words")
    if any(t.lemma_.lower() in extension or t.lower_ in extension for t in sent):
        return DeadlineStatus.EXTENDED
    noun = frame.noun
    if noun is not None:
        # "met the deadline"; "tendered 99.3% of the shares by the Tuesday deadline"
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ in ("by", "before"):
            verb = verb.head
        done = verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBD", "VBN", "VBG") and \
            not _negated(verb) and not any(c.dep_ == "aux" and c.tag_ == "MD"
                                           for c in verb.children)
        if done and ((noun.dep_ == "dobj" and verb.lemma_.lower() in ("meet", "beat", "make"))
                     or (noun.dep_ == "pobj" and noun.head.lower_ == "by"
                         and frame.duration is None and end is not None
                         and end <= ctx.reference)):
            return DeadlineStatus.MET
    if end is None:
        return DeadlineStatus.UNKNOWN
    if end <= ctx.reference:
        return DeadlineStatus.PASSED
    return DeadlineStatus.UPCOMING
