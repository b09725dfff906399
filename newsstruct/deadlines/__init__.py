"""Deadlines: who must do what by when, and what follows if not, built on the time stage.

A deadline frame starts from a cue in one sentence of the content:

* a noun that names a limit ("deadline", "ultimatum", "cutoff") with a time attached to it
  ("the Nov. 1 deadline", "a May 9 close-of-business deadline", "a deadline of Tuesday", "June
  1 is the deadline", "set Friday as the deadline", "a 72-hour ultimatum") or measured from it
  ("less than 48 hours before a deadline");
* a verb of expiry with a time ("the rights expire Nov. 21", "set to expire in February",
  "the truce runs out on Sunday");
* "due" said of a deliverable ("proposals were due to NASA on November 5"), not of a schedule
  ("due to be held next Tuesday") or a security's maturity ("bonds due 1993");
* a time granted for an act ("has until Nov. 1 to submit", "gave Putin 50 days to reach a
  deal"), "no later than", "the last day to";
* a limit moved to a new end ("extended its offer until 5 p.m. EST Nov. 9", "the bid was
  extended to Nov. 16"), where what is extended names a limit (an offer, a right, a visa);
* a limiting preposition (by, before, within) whose object is a time expression (or an event
  such as "the election"), only where the clause states an obligation: under "must", "has
  to", "due to" ("due to be completed by 1999"), a directive verb ("asked it to respond by
  Oct. 31", "demanding that Iraq withdraw within a week", "recommends all adults get a
  vaccine by October"), a limit noun, "fail to", or a present condition ("if they sign up by
  March 31"). Goals, forecasts and narrative ("aims to ... by 2030", "until recently", "before
  the convention" told as past) are not deadlines, nor is a span measured from a deadline
  whose time the sentence does not give ("30 hours before the filing deadline"); a span
  counted from an event or a date ("no later than six months before the election");
* an act owed on a schedule ("is scheduled to make a $200 million payment" on a day), an offer
  or term that runs to a day ahead ("Through Dec. 31, new members get free entry"), a goal made
  binding ("its court-ordered goal of ... by the end of the year"), a span left open ("have
  only weeks to make their case").

The due value comes from the time stage's records (``TimeExpression.value``): glued
expressions join ("noon" + "on Dec. 20"), "midnight" of a named day is its end (T24:00), and a
date whose year or week the text leaves open is read as a limit is meant (see ``_value``).
A limit given as a duration counts from the time of its clause ("arrived on Wednesday, less
than 48 hours before a deadline"); one set by a verb told in the past counts from the time of
that event where the sentence before names it ("at 10:30 p.m. Tuesday. It also ordered doctors
to return to work within 48 hours"), else it has no due value and the verb is its
``event_anchor``; one stated in the present ("has 14 days", "must ... within a week") counts
from the article's time.

Roles are read off the dependency parse: the setter is the agent of "set" or the subject of
the verb that imposes the limit, the party the one obliged ("for Russia to ...", the subject of
"must"/"has until", the receiver of "gave ... until"), the demand the obliged clause, the
consequence what follows "or", "or else" or "otherwise".
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsstruct.deadlines._base import _BODY, _Context, _Frame, _lex, _time_tokens, timex_interval
from newsstruct.deadlines._frames import (
    _due_frames,
    _expiry_frames,
    _extension_frames,
    _grant_frames,
    _last_day_frames,
    _noun_frames,
    _prep_frames,
)
from newsstruct.deadlines._kinds import goal_frames, offer_frames, scheduled_frames, vague_frames
from newsstruct.deadlines._roles import _roles, _span
from newsstruct.deadlines._values import _clause_anchor, _resolve, _status, past_setter
from newsstruct.types import Deadline, Entity, Segment, Span, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as DocSpan


__all__ = ["extract_deadlines", "timex_interval"]

#: The frame finders, one for each kind of phrasing, in the order their frames are kept when
#: two of them read the same due time.
_FINDERS: tuple[Callable[[_Context, DocSpan], list[_Frame]], ...] = (
    _noun_frames,
    _expiry_frames,
    _due_frames,
    _last_day_frames,
    _grant_frames,
    vague_frames,
    _extension_frames,
    goal_frames,
    scheduled_frames,
    _prep_frames,
    offer_frames,
)


# --------------------------------------------------------------------------- entry point


def extract_deadlines(
    doc: Doc,
    text: str,
    segments: Sequence[Segment],
    times: Sequence[TimeExpression],
    entities: Sequence[Entity],
    reference: dt.datetime,
    anchor: dt.datetime | None = None,
) -> tuple[Deadline, ...]:
    """Deadline frames of the article's content segments.

    ``anchor`` is the time relative expressions were resolved against (the published time);
    limits measured as durations with no dated clause count from it (default: ``reference``).
    """
    body = sorted((s.span for s in segments if s.kind in _BODY), key=lambda s: s.start)
    starts = [s.start for s in body]
    ctx = _Context(doc=doc, text=text, entities=entities, reference=reference,
                   anchor=anchor or reference, tok_time=_time_tokens(doc, times))
    out: list[Deadline] = []
    for sent in doc.sents:
        i = bisect.bisect_right(starts, sent.start_char) - 1
        if i < 0 or body[i].end < sent.start_char or sent.text.isspace():
            continue
        frames = [f for finder in _FINDERS for f in finder(ctx, sent)]
        kept: list[_Frame] = []
        for frame in frames:
            if frame.kind == "measured" and _clause_anchor(ctx, frame) is None:
                # "30 hours before the filing deadline" with no dated clause: the deadline's
                # time is not given, and a bare duration is no due time
                continue
            if any(k.due_tokens[0] < frame.due_tokens[1] and frame.due_tokens[0] <
                   k.due_tokens[1] for k in kept):
                continue
            kept.append(frame)
        dateless = [t for t in sent if t.lemma_.lower() in _lex("deadline_nouns")
                    and t.pos_ == "NOUN" and not any(k.noun is t for k in kept)]
        for frame in kept:
            if frame.kind in ("prep", "grant") and dateless:
                # "an ultimatum ... demanding that Iraq withdraw within a week"
                frame.adopted = dateless[0]
                frame.trigger = (dateless[0].idx, dateless[0].idx + len(dateless[0]))
            out.append(_deadline(ctx, sent, frame))
    return tuple(out)


def _event_anchor(ctx: _Context, frame: _Frame, value: str | None) -> Span | None:
    """The event a limit counts from, when its due value rests on it: the event named ("six
    months before the election"), or the verb that set a span at a time the text does not give
    ("gave Putin 50 days")."""
    if frame.anchor_tokens is not None:
        return _span(ctx, *frame.anchor_tokens)
    setter = past_setter(frame) if value is None else None
    return _span(ctx, setter.idx, setter.idx + len(setter)) if setter is not None else None


def _deadline(ctx: _Context, sent: DocSpan, frame: _Frame) -> Deadline:
    value, start, end, time_id = _resolve(ctx, frame)
    roles = _roles(ctx, sent, frame)
    due = _span(ctx, *frame.due_tokens)
    duration = frame.duration
    return Deadline(
        trigger=_span(ctx, *frame.trigger) if frame.trigger else None,
        due=due,
        due_value=value,
        bound=frame.bound,
        due_time=time_id,
        due_start=start,
        due_end=end,
        duration=duration.span if duration is not None else None,
        duration_value=duration.value if duration is not None else None,
        set_by=roles["set_by"],
        party=roles["party"],
        demand=roles["demand"],
        consequence=roles["consequence"],
        event_anchor=_event_anchor(ctx, frame, value),
        status=_status(ctx, sent, frame, start, end),
        confidence=frame.confidence,
    )

