"""Deadlines: who must do what by when, and what follows if not, built on the time stage.

A deadline frame starts from a cue in one sentence of the content:

* a noun that names a limit ("deadline", "ultimatum", "cutoff") with a time attached to it
  ("the Nov. 1 deadline", "a deadline of Tuesday", "set Friday as the deadline", "a 72-hour
  ultimatum") or measured from it ("less than 48 hours before a deadline");
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
  whose time the sentence does not give ("30 hours before the filing deadline").

The due value comes from the time stage's records (``TimeExpression.value``): glued
expressions join ("noon" + "on Dec. 20"), "midnight" of a named day is its end (T24:00), and a
date whose year or week the text leaves open is read as a limit is meant (see ``_value``).
A limit given as a duration counts from the time of its clause ("arrived on Wednesday, less
than 48 hours before a deadline"), else, for "within ..." and granted spans, from the
article's time. Roles are read off the dependency parse: the setter is the agent of "set" or
the subject of the verb that imposes the limit, the party the one obliged ("for Russia to
...", the subject of "must"/"has until", the receiver of "gave ... until"), the demand the
obliged clause, the consequence what follows "or", "or else" or "otherwise".
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from newsstruct.calendar import (
    PARTS_OF_DAY,
    Interval,
    add_months,
    month_regex,
    span,
    weekday_regex,
)
from newsstruct.data import lexicon
from newsstruct.entities import entity_at
from newsstruct.types import (
    Bound,
    Deadline,
    DeadlineStatus,
    Entity,
    Granularity,
    Segment,
    SegmentKind,
    Slot,
    Span,
    TimeExpression,
    TimexType,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan

__all__ = ["extract_deadlines", "timex_interval"]

_BODY = frozenset({SegmentKind.STANDFIRST, SegmentKind.PARAGRAPH, SegmentKind.CAPTION,
                   SegmentKind.HEADING, SegmentKind.TITLE})
_PREP_BOUND = {"by": Bound.BY, "before": Bound.BEFORE, "until": Bound.UNTIL,
               "till": Bound.UNTIL, "within": Bound.WITHIN, "after": Bound.AFTER,
               "on": Bound.ON}
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_NP_LEFT = frozenset({"det", "compound", "amod", "poss", "nmod", "nummod", "quantmod",
                      "case", "cc", "conj", "flat", "predet", "prep", "pobj", "punct"})
_CLOCKED = frozenset({Granularity.DAY, Granularity.HOUR, Granularity.MINUTE})
_UNSPECIFIC = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_DURATION_VALUE = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<mi>\d+(?:\.\d+)?)M)?)?$"
)
_TIME_OF_DAY = re.compile(
    rf"T(?P<hh>\d{{2}})(?::(?P<mm>\d{{2}}))?|T(?P<pod>{'|'.join(PARTS_OF_DAY)})")
_WEEKDAY = re.compile(rf"\b{weekday_regex()}\b", re.IGNORECASE)
_MONTH = re.compile(rf"\b{month_regex()}", re.IGNORECASE)
# a year, or a word that fixes the week or year relative to the article ("last Thursday")
_EXPLICIT = re.compile(
    r"\b\d{4}\b|['’]\d{2}\b|\b(?:last|next|this|past|previous|coming|ago|later|earlier|"
    r"yesterday|today|tomorrow|tonight|week|year)\b",
    re.IGNORECASE,
)
_WEEKDAY_OR_DATE = re.compile(
    rf"{_WEEKDAY.pattern}|\b{month_regex()}\s*\d|\d{{1,2}}/\d{{1,2}}|\btoday\b|\btomorrow\b|"
    r"\btonight\b",
    re.IGNORECASE,
)


def _lex(name: str) -> frozenset[str]:
    return lexicon(name)


# --------------------------------------------------------------------------- TIMEX3 values


def timex_interval(value: str | None) -> Interval | None:
    """The interval ``[start, end)`` a calendar TIMEX3 value denotes, and its granularity: the
    calendar's :func:`~newsstruct.calendar.span` (kept under this name)."""
    return span(value)


def _add_duration(start: dt.datetime, value: str, sign: int = 1) -> dt.datetime | None:
    m = _DURATION_VALUE.match(value)
    if m is None or not any(m.groupdict().values()):
        return None
    out = start
    months = 12 * float(m["Y"] or 0) + float(m["M"] or 0)
    if months:
        out = add_months(out, sign * int(months))
    days = 7 * float(m["W"] or 0) + float(m["D"] or 0)
    return out + sign * dt.timedelta(days=days, hours=float(m["h"] or 0),
                                     minutes=float(m["mi"] or 0))


def _format(moment: dt.datetime, granularity: Granularity) -> str:
    if granularity in (Granularity.MINUTE, Granularity.HOUR, Granularity.SECOND):
        return moment.strftime("%Y-%m-%dT%H:%M")
    if granularity is Granularity.MONTH:
        return moment.strftime("%Y-%m")
    if granularity is Granularity.YEAR:
        return moment.strftime("%Y")
    return moment.date().isoformat()


# --------------------------------------------------------------------------- the frame


@attrs.define
class _Frame:
    """A deadline under construction."""

    trigger: tuple[int, int] | None
    due_tokens: tuple[int, int]
    bound: Bound
    head: Token
    times: tuple[TimeExpression, ...] = ()
    duration: TimeExpression | None = None
    event: bool = False
    noun: Token | None = None
    confidence: float = 0.8
    kind: str = "prep"
    adopted: Token | None = None


@attrs.define
class _Context:
    """What the rules of one article share."""

    doc: Doc
    text: str
    entities: Sequence[Entity]
    reference: dt.datetime
    anchor: dt.datetime
    tok_time: dict[int, TimeExpression]


def _time_tokens(doc: Doc, times: Sequence[TimeExpression]) -> dict[int, TimeExpression]:
    out: dict[int, TimeExpression] = {}
    for t in times:
        span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            out.setdefault(tok.i, t)
    return out


def _time_of(ctx: _Context, tok: Token) -> TimeExpression | None:
    """The time expression a token (typically the object of a preposition) belongs to."""
    t = ctx.tok_time.get(tok.i)
    if t is not None:
        return t
    for child in tok.children:
        if child.dep_ in ("compound", "nummod", "amod", "npadvmod", "poss") and \
                child.i in ctx.tok_time:
            return ctx.tok_time[child.i]
    return None


def _adjacent_times(ctx: _Context, first: TimeExpression) -> tuple[TimeExpression, ...]:
    """``first`` and the time expressions glued to it ("noon" + "on Dec. 20", "9 a.m." +
    "Friday"), which together name one moment."""
    # "Saturday noon": a day right before the time found
    before = ctx.doc.char_span(first.span.start, first.span.end, alignment_mode="expand")
    if before is not None and len(before) and before[0].i > 0:
        prev = ctx.tok_time.get(before[0].i - 1)
        if prev is not None and prev is not first and prev.type is not TimexType.DURATION and \
                re.fullmatch(r"[\s,]*(?:on|of|at)?\s*", ctx.text[prev.span.end:first.span.start]):
            first = prev
    out = [first]
    end = first.span.end
    while True:
        gap = re.match(r"[\s,]*(?:on|of|at)?\s*", ctx.text[end:end + 8])
        nxt_start = end + (gap.end() if gap else 0)
        nxt = None
        tok = ctx.doc.char_span(nxt_start, nxt_start + 1, alignment_mode="expand")
        if tok is not None and len(tok) and tok[0].i in ctx.tok_time:
            cand = ctx.tok_time[tok[0].i]
            if cand.span.start == nxt_start and cand not in out:
                nxt = cand
        if nxt is None or nxt.type is TimexType.DURATION or len(out) == 3:
            return tuple(out)
        out.append(nxt)
        end = nxt.span.end


def _combine(times: Sequence[TimeExpression]) -> tuple[str | None, TimeExpression | None]:
    """One TIMEX3 value for glued expressions: a day and a time of day ("noon" + "Dec. 20",
    "9 a.m. EST" + "Tuesday") join into a datetime; the day named in the text wins over the
    day a bare clock time was anchored on, and "midnight" of a named day is its end (T24:00)."""
    day: str | None = None
    clock: str | None = None
    midnight = named_day = False
    best: TimeExpression | None = None
    other: str | None = None
    for t in times:
        v = t.value
        if not v or v in _UNSPECIFIC:
            continue
        m = _TIME_OF_DAY.search(v)
        if m is not None:
            clock = clock or v[m.start() + 1:]
            midnight = midnight or "midnight" in t.span.text.lower()
            if day is None and re.match(r"^\d{4}-\d{2}-\d{2}T", v):
                day = v[:10]
                best = best or t
                named_day = named_day or bool(_WEEKDAY_OR_DATE.search(t.span.text))
            continue
        iv = timex_interval(v)
        if iv is not None and iv.granularity is Granularity.DAY:
            if best is None or best.value is None or "T" in best.value:
                day, best = v, t
        elif other is None:
            other, best = v, best or t
    if day is not None and clock is not None:
        if midnight and clock.startswith("00:00") and (named_day or len(times) > 1):
            return f"{day}T24:00", best
        return f"{day}T{clock}", best
    if day is not None:
        return day, best
    return other, best


# --------------------------------------------------------------------------- rules


def _has_lemma(tok: Token, names: Iterable[str]) -> bool:
    return tok.lemma_.lower() in names or tok.lower_ in names


def _obliged(verb: Token) -> bool:
    """Whether a verb's clause states an obligation (must, has to, a directive, fail to)."""
    obligation = _lex("deadline_obligation")
    directives = _lex("deadline_directive_verbs")
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in ("must", "shall"):
                return True
        if tok.dep_ == "xcomp" and _has_lemma(tok.head, obligation) and any(
            c.lower_ == "to" for c in tok.children
        ):
            return True
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "acl") and _has_lemma(tok.head, directives) \
                and (_infinitive(tok) or _mandative(tok)):
            return True
        if tok.dep_ == "ccomp" and _has_lemma(tok.head, _lex("deadline_mandative_verbs")) \
                and _mandative(tok, plain_present=True):
            return True  # "recommends all adults get a vaccine by October": a subjunctive
        if tok.dep_ in ("acl", "relcl") and _has_lemma(tok.head, _lex("deadline_nouns")):
            return True
        if tok.dep_ == "ROOT" and tok.tag_ == "VB" and tok.i == tok.sent.start:
            return True
        if tok.dep_ != "conj":
            return False
        tok = tok.head
    return False


def _infinitive(verb: Token) -> bool:
    """"to respond", "for Russia to agree"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _mandative(verb: Token, *, plain_present: bool = False) -> bool:
    """A that-clause that states what must happen: a subjunctive ("that Iraq withdraw") or a
    clause under must/should/shall ("that he must be returned"). With ``plain_present`` a
    plural present ("that they leave", tagged VBP) counts too: under a verb of demand the
    subjunctive has that form."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("must", "should", "shall") for a in auxes):
        return True
    has_subject = any(c.dep_ in _SUBJ for c in verb.children) or (plain_present and any(
        c.dep_ == "dobj" and c.i < verb.i for c in verb.head.children
    ))  # "recommends all adults get ...", its subject parsed as the object of "recommends"
    finite_aux = any(a.tag_ in ("MD", "VBZ", "VBD", "VBP") for a in auxes)
    return has_subject and not finite_aux and (
        verb.tag_ == "VB" or (verb.tag_ == "VBP" and plain_present)
        or (verb.tag_ == "VBN" and any(a.lower_ == "be" for a in auxes))
    )


def _grants_until(verb: Token, until: Token) -> bool:
    """"had until Nov. 1", "gave Merieux until mid-November", "given until Friday": a verb of
    having or granting right before "until" (only its objects in between)."""
    if verb.lemma_.lower() not in ("have", "give", "get", "grant") or verb.i >= until.i:
        return False
    between = verb.doc[verb.i + 1:until.i]
    objects = {t.i for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")
               for t in c.subtree}
    return all(t.i in objects or t.dep_ == "det" for t in between)


def _effective(verb: Token) -> bool:
    """"take effect", "come into force", "become effective", "become law": the date a rule
    starts to apply, not a limit on anyone."""
    nouns = _lex("deadline_effect_nouns")
    for child in verb.children:
        if child.dep_ in ("dobj", "acomp", "attr", "oprd") and child.lower_ in nouns:
            return True
        if child.dep_ == "prep" and child.lower_ == "into" and any(
            g.lower_ in nouns for g in child.children
        ):
            return True
    return False


def _conditional(verb: Token) -> bool:
    """A present-tense condition ("if they sign up ... by March 31"): a limit on what earns
    the main clause's outcome."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBP", "VBZ", "VB") and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
    )


def _ahead(ctx: _Context, time: TimeExpression) -> bool:
    """Whether a dated time lies after the article's own time."""
    iv = timex_interval(time.value)
    return iv is not None and iv[1] > ctx.anchor


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for c in tok.head.children if c.i < tok.i
    )


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


def _noun_time(ctx: _Context, noun: Token) -> TimeExpression | None:
    """The time a limit noun names: in its own phrase, after of/at/on, or set as it."""
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss",
                                                "nummod"):
            t = _time_of(ctx, child)
            if t is not None and t.type is not TimexType.DURATION:
                return t
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "on", "until", "for", "to"):
            for obj in child.children:
                t = _time_of(ctx, obj) if obj.dep_ == "pobj" else None
                if t is not None and t.type is not TimexType.DURATION:
                    return t
        if child.dep_ in ("appos", "npadvmod") and child.i > noun.i:
            t = _time_of(ctx, child)
            if t is not None and t.type is not TimexType.DURATION:
                return t
    # "the filing deadline at noon on Dec. 20", whatever the parse attached "at noon" to
    nxt = noun.i + 1
    if nxt + 1 < len(noun.doc) and noun.doc[nxt].lower_ in ("at", "on", "of") and \
            noun.doc[nxt].sent == noun.sent:
        t = ctx.tok_time.get(nxt + 1)
        if t is not None and t.type is not TimexType.DURATION and \
                t.span.start == noun.doc[nxt + 1].idx:
            return t
    # "by the close of business yesterday, a deadline StatesWest had set": an apposition
    comma = noun.left_edge.i - 1
    if comma - 1 >= noun.sent.start and noun.doc[comma].text == ",":
        t = ctx.tok_time.get(comma - 1)
        if t is not None and t.type is not TimexType.DURATION:
            return t
    head = noun.head
    # "set Nov. 10 as the deadline"
    if noun.dep_ == "pobj" and head.lower_ == "as":
        verb = head.head
        for child in verb.children:
            if child.dep_ in ("dobj", "npadvmod", "oprd") and child.i < head.i:
                t = _time_of(ctx, child)
                if t is not None:
                    return t
    # "the deadline is Friday"; "extended its deadline until 9 a.m."
    if noun.dep_ in ("nsubj", "dobj", "nsubjpass"):
        for child in head.children:
            if child.i <= noun.i:
                continue
            if child.dep_ in ("attr", "npadvmod"):
                t = _time_of(ctx, child)
                if t is not None and t.type is not TimexType.DURATION:
                    return t
            if child.dep_ == "prep" and child.lower_ in ("until", "to", "till"):
                for obj in child.children:
                    t = _time_of(ctx, obj) if obj.dep_ == "pobj" else None
                    if t is not None and t.type is not TimexType.DURATION:
                        return t
    return None


def _tok_range(ctx: _Context, t: TimeExpression) -> tuple[int, int]:
    glued = _adjacent_times(ctx, t)
    return glued[0].span.start, glued[-1].span.end


def _verb_time(ctx: _Context, verb: Token) -> tuple[TimeExpression, Bound] | None:
    """A time attached to a verb (bare, or after on/at/in/by/until)."""
    for child in verb.children:
        if child.i <= verb.i:
            continue
        if child.dep_ in ("npadvmod", "tmod", "dobj", "attr"):
            t = _time_of(ctx, child)
            if t is not None and t.type is not TimexType.DURATION:
                return t, Bound.ON
        if child.dep_ == "prep" and child.lower_ in ("on", "at", "in", "by", "until", "before"):
            for obj in child.children:
                t = _time_of(ctx, obj) if obj.dep_ == "pobj" else None
                if t is not None and t.type is not TimexType.DURATION:
                    return t, _PREP_BOUND.get(child.lower_, Bound.ON)
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
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ not in ("until", "till", "to", "through"):
                continue
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


def _verb_duration(ctx: _Context, verb: Token) -> TimeExpression | None:
    """"expires in less than six months": a duration after in/within."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "within") and child.i > verb.i:
            for obj in child.children:
                t = _time_of(ctx, obj) if obj.dep_ == "pobj" else None
                if t is not None and t.type is TimexType.DURATION:
                    return t
    return None


def _subject(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in _SUBJ:
            return child
    return None


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


def _prep_frames(ctx: _Context, sent: DocSpan) -> list[_Frame]:
    """by / until / before / within / no later than / has until, in an obligation."""
    events = _lex("deadline_event_nouns")
    out: list[_Frame] = []
    for tok in sent:
        low = tok.lower_
        trigger_start = tok.idx
        if low == "than" and tok.i >= 2 and ctx.doc[tok.i - 1].lower_ == "later" and \
                ctx.doc[tok.i - 2].lower_ in ("no", "not"):
            bound, trigger_start = Bound.BY, ctx.doc[tok.i - 2].idx
        elif low in ("by", "until", "till", "before", "within"):
            bound = _PREP_BOUND[low]
        else:
            continue
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if not objs and tok.i + 1 < sent.end:
            objs = [ctx.doc[tok.i + 1]]
        time = _time_of(ctx, objs[0]) if objs else None
        event = False
        if time is None:
            if not objs or bound not in (Bound.BEFORE, Bound.BY, Bound.UNTIL):
                continue
            obj = objs[0]
            if obj.lemma_.lower() not in events or obj.ent_type_ in ("DATE", "TIME"):
                continue
            event = True
        elif time.value in _UNSPECIFIC or not time.value or \
                (bound is Bound.WITHIN) != (time.type is TimexType.DURATION):
            continue
        head = tok.head
        if head.dep_ == "prep" or tok.dep_ in ("pcomp", "pobj") or (
            low == "than" and head.lower_ == "later"
        ):
            head = head.head
        if sent[-1].text == "?" or (tok.i + 1 < len(ctx.doc) and any(
            t.text == "?" for t in ctx.doc[tok.i:min(sent.end, tok.i + 8)]
        )):
            continue  # a question asks for a limit, it does not state one
        has_until = low in ("until", "till") and _grants_until(head, tok)
        if not has_until:
            if bound is Bound.UNTIL or head.dep_ == "aux" or _negated(head) or _effective(head):
                continue
            if not _obliged(head) and not (
                time is not None and _conditional(head) and _ahead(ctx, time)
            ):
                continue
        if event:
            obj = objs[0]
            sub = list(obj.subtree)
            due = (sub[0].idx, sub[-1].idx + len(sub[-1]))
            out.append(_Frame(trigger=(trigger_start, tok.idx + len(tok)), due_tokens=due,
                              bound=bound, head=head, event=True, confidence=0.6))
            continue
        assert time is not None
        if time.type is TimexType.DURATION:
            out.append(_Frame(trigger=(trigger_start, tok.idx + len(tok)),
                              due_tokens=_tok_range(ctx, time), bound=bound, head=head,
                              duration=time, confidence=0.7))
        else:
            out.append(_Frame(trigger=(trigger_start, tok.idx + len(tok)),
                              due_tokens=_tok_range(ctx, time), bound=bound, head=head,
                              times=_adjacent_times(ctx, time),
                              confidence=0.8 if has_until else 0.7))
    return out


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


# --------------------------------------------------------------------------- roles


def _np(ctx: _Context, tok: Token) -> tuple[int, int]:
    """Character range of a noun phrase headed by ``tok`` (pre-modifiers and name parts)."""
    start = tok
    for left in reversed(list(tok.lefts)):
        if left.dep_ in _NP_LEFT - {"punct", "prep", "pobj"}:
            start = left if left.i < start.i else start
            for sub in left.subtree:
                if sub.i < start.i:
                    start = sub
    end = tok
    for right in tok.rights:
        if right.dep_ in ("compound", "flat", "nummod") or (
            right.ent_iob_ == "I" and right.i == end.i + 1
        ):
            end = right
    stop = end.idx + len(end)
    if end.ent_iob_ in ("B", "I"):
        # a name the parse splits ("The Centers for Disease Control") ends where it ends
        doc = tok.doc
        first = end.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        last = end.i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        if doc[first].idx >= start.idx:
            stop = max(stop, doc[last].idx + len(doc[last]))
    # "Messrs. Drabinsky and Gottlieb": every conjunct must act
    if any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in tok.rights):
        for right in tok.rights:
            if right.dep_ == "conj" and right.pos_ in ("PROPN", "NOUN", "PRON"):
                stop = max(stop, _np(ctx, right)[1])
    return start.idx, stop



def _span(text: str, start: int, end: int) -> Span:
    """The span ``text[start:end]`` without white space at either end (token ranges may
    take in a trailing line break)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span.of(text, start, end)

def _trimmed(ctx: _Context, rng: tuple[int, int]) -> Span:
    """A slot's span without trailing punctuation, nor white space at either end."""
    start, end = rng
    while end > start and ctx.text[end - 1] in " ,.;:":
        end -= 1
    return _span(ctx.text, start, end)


def _slot(ctx: _Context, rng: tuple[int, int], head: Token | None = None) -> Slot:
    span = _trimmed(ctx, rng)
    lo, hi = (head.idx, head.idx + len(head)) if head is not None else (rng[0], span.end)
    ent = entity_at(ctx.entities, lo, hi)
    return Slot(span=span, entity=ent.id if ent else None, name=ent.name if ent else None)


def _clause_slot(ctx: _Context, rng: tuple[int, int]) -> Slot:
    """A slot that holds a clause (demand, consequence): a span, no entity."""
    return Slot(span=_trimmed(ctx, rng))


def _agent(verb: Token) -> Token | None:
    """The active subject or by-agent of a verb (a relative pronoun stands for the noun
    its clause qualifies)."""
    found = _agent_of(verb)
    if found is not None and found.tag_ in ("WDT", "WP") and found.head.dep_ == "relcl":
        return found.head.head
    return found


def _agent_of(verb: Token) -> Token | None:
    tok = verb
    for _ in range(5):
        for child in tok.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        if tok.dep_ in ("acl",) and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        if tok.dep_ in ("ROOT",) or tok.head is tok:
            return None
        tok = tok.head
    return None


def _reported(tok: Token) -> Token:
    """"Dow Jones said it extended ...": a subject pronoun of a reported clause stands for
    the speaker named as the reporting verb's subject."""
    if tok.lower_ not in ("it", "they") or tok.dep_ != "nsubj":
        return tok
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ("say", "announce", "state"):
        return tok
    speaker = _subject(clause.head)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN"):
        return tok
    return speaker


def _setter(ctx: _Context, frame: _Frame) -> Token | None:
    setters = _lex("deadline_setter_verbs") | _lex("deadline_directive_verbs")
    if frame.kind in ("expiry", "due", "last_day"):
        return None
    noun = frame.noun or frame.adopted
    if noun is not None:
        for child in noun.children:
            if child.dep_ == "acl" and _has_lemma(child, setters):
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return obj
            # "a deadline StatesWest had set"
            if child.dep_ == "relcl" and _has_lemma(child, setters):
                subj = _subject(child)
                if subj is not None and subj.tag_ not in ("WDT", "WP"):
                    return subj
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "as":
            verb = verb.head
        if noun.dep_ in ("dobj", "dative", "pobj", "nsubjpass") and _has_lemma(verb, setters) \
                and not any(c.dep_ == "prt" for c in verb.children):
            found = _agent(verb)
            if found is not None:
                return found
        if frame.noun is not None:
            return None
    tok = frame.head
    for _ in range(4):
        governed = tok.dep_ in ("xcomp", "ccomp", "acl", "conj") or (
            tok.dep_ == "advcl" and _infinitive(tok)
        )
        head = tok.head
        if governed and head.pos_ in ("VERB", "AUX") and _has_lemma(head, setters) \
                and not any(c.dep_ == "prt" for c in head.children):
            return _agent(head)
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "acl") or tok.head is tok:
            break
        tok = tok.head
    return None


def _infinitive_after(ctx: _Context, sent: DocSpan, after: int) -> Token | None:
    """The first "for X to VERB" / "to VERB" clause starting within a few words after a noun."""
    for tok in sent:
        if tok.i <= after or tok.i > after + 12:
            continue
        if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            return tok
    return None


def _holds_limit(ctx: _Context, prep: Token, due: tuple[int, int]) -> bool:
    """Whether a prepositional phrase states the limit ("by Jan. 14", "by the close of
    business" before "yesterday") rather than part of what is demanded."""
    if any(due[0] <= t.idx < due[1] for t in prep.subtree):
        return True
    if prep.lower_ not in _PREP_BOUND:
        return False
    end = prep.right_edge.idx + len(prep.right_edge)
    return any(t.i in ctx.tok_time for t in prep.subtree) or 0 <= due[0] - end <= 2


def _demand_range(ctx: _Context, verb: Token, due: tuple[int, int]) -> tuple[int, int] | None:
    """The obliged clause: the verb's phrase without its subject, "to", the limit and
    the "or ..." consequence."""
    drop: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass", "punct") and \
                child.i < verb.i and child.lower_ not in ("be",):
            drop.update(t.i for t in child.subtree)
        if child.dep_ in ("cc", "conj") and child.i > verb.i:
            drop.update(t.i for t in child.subtree)
        if child.dep_ in ("prep", "agent") and _holds_limit(ctx, child, due):
            drop.update(t.i for t in child.subtree)
        if child.dep_ in ("npadvmod", "advmod") and any(
            due[0] <= t.idx < due[1] for t in child.subtree
        ):
            drop.update(t.i for t in child.subtree)
    keep = [t for t in verb.subtree if t.i not in drop]
    # the kept part must be contiguous from the verb on
    keep = [t for t in keep if t.i >= verb.i or t.dep_ in ("auxpass",) or t.lower_ == "be"]
    if not keep:
        return None
    run = [keep[0]]
    for t in keep[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    while run and (run[-1].is_punct or run[-1].lower_ in ("or", "and", "but")):
        run.pop()
    if not run:
        return None
    return run[0].idx, run[-1].idx + len(run[-1])


def _consequence_cue(ctx: _Context, sent: DocSpan, verb: Token | None, tok: Token) -> bool:
    """"otherwise", "or else", or an "or" that joins a second verb to the demand ("agree to a
    deal or face new sanctions")."""
    if tok.lower_ == "otherwise":
        return True
    if tok.lower_ != "or":
        return False
    if tok.i + 1 < sent.end and ctx.doc[tok.i + 1].lower_ == "else":
        return True
    if verb is not None and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                                and c.left_edge.i > tok.i for c in verb.children):
        return True
    # "... to pass a spending bill or the government will shut down"
    nxt = [t for t in ctx.doc[tok.i + 1:min(sent.end, tok.i + 6)]
           if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    return bool(nxt) and nxt[0].dep_ == "conj" and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in nxt[0].children
    )


def _consequence(ctx: _Context, sent: DocSpan, verb: Token | None) -> tuple[int, int] | None:
    """What follows if the demand is not met: "or face ...", "or else ...", "otherwise ..."."""
    cue: Token | None = None
    for tok in sent:
        if verb is not None and tok.i <= verb.i:
            continue
        if _consequence_cue(ctx, sent, verb, tok):
            cue = tok
            break
    if cue is None:
        return None
    start = cue.i + 1
    while start < sent.end and (ctx.doc[start].is_punct or ctx.doc[start].lower_ == "else"):
        start += 1
    head = next((t for t in ctx.doc[start:sent.end] if t.pos_ == "VERB"), None) or next(
        (t for t in ctx.doc[start:sent.end] if t.pos_ == "AUX"), None)
    end = (head.right_edge.i if head is not None else sent.end - 1)
    end = max(end, start)
    while end > start and ctx.doc[end].is_punct:
        end -= 1
    if start >= sent.end:
        return None
    # a reporting clause after a comma ("..., the envoy said") is not part of it
    for k in range(start, end + 1):
        if ctx.doc[k].text in (",", ";", "—", "–") and k > start:
            rest = ctx.doc[k + 1:end + 1]
            if any(t.lemma_.lower() in _lex("cue_verbs") for t in rest):
                end = k - 1
                break
    return ctx.doc[start].idx, ctx.doc[end].idx + len(ctx.doc[end])


def _roles(ctx: _Context, sent: DocSpan, frame: _Frame) -> dict[str, Slot | None]:
    set_by = party = demand = None
    setter = _setter(ctx, frame)
    if setter is not None:
        setter = _reported(setter)
        set_by = _slot(ctx, _np(ctx, setter), setter)
    verb: Token | None = None
    if frame.noun is not None:
        noun = frame.noun
        verb = _infinitive_after(ctx, sent, noun.i)
        if verb is not None:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and any(c.dep_ == "mark" and c.lower_ == "for"
                                        for c in verb.children):
                party = _slot(ctx, _np(ctx, subj), subj)
        else:
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == "for":
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        sub = list(obj.subtree)
                        demand = _clause_slot(ctx, (sub[0].idx, sub[-1].idx + len(sub[-1])))
        if verb is None and demand is None and noun.dep_ in ("npadvmod", "appos") and \
                noun.head.pos_ in ("VERB", "AUX"):
            # "didn't respond to its offer by the close of business yesterday, a deadline ..."
            verb = noun.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.tag_ not in ("WDT", "WP"):
                party = _slot(ctx, _np(ctx, subj), subj)
        if party is None and noun.dep_ in ("dobj",):
            # "gave Saddam Hussein a final deadline"; "Hamas was given a 72-hour ultimatum"
            dative = next((c for c in noun.head.children if c.dep_ == "dative"), None) or next(
                (c for c in noun.head.children if c.dep_ == "nsubjpass"
                 and noun.head.lemma_.lower() in ("give", "grant", "issue", "hand")), None)
            if dative is not None:
                party = _slot(ctx, _np(ctx, dative), dative)
    elif frame.kind == "extension":
        giver = _agent(frame.head)
        if giver is not None and giver.dep_ != "nsubjpass":
            giver = _reported(giver)
            set_by = _slot(ctx, _np(ctx, giver), giver)
    elif frame.head.pos_ in ("VERB", "AUX") and frame.head.lemma_.lower() not in \
            _lex("deadline_expiry_verbs"):
        verb = frame.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "ccomp":
            # "recommends all adults get ...", the subject parsed as the upper verb's object
            subj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i),
                        None)
        if subj is None and verb.dep_ == "xcomp":
            # object control ("asked it to respond"), else subject control ("fails to file")
            subj = next((c for c in verb.head.children if c.dep_ in ("dobj", "dative")), None) \
                or next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.dep_ != "nsubjpass" and subj.tag_ not in ("WDT", "WP"):
            party = _slot(ctx, _np(ctx, subj), subj)
        if verb.lemma_.lower() in ("give", "grant"):
            # "gave Merieux until mid-November to submit ...": the giver sets it
            receiver = next((c for c in verb.children if c.dep_ in ("dative", "dobj", "iobj")
                             and not any(frame.due_tokens[0] <= t.idx < frame.due_tokens[1]
                                         for t in c.subtree)), None) or next(
                (c for c in verb.children if c.dep_ == "nsubjpass"), None)
            giver = _agent(verb)
            if giver is not None:
                set_by = _slot(ctx, _np(ctx, giver), giver)
            party = _slot(ctx, _np(ctx, receiver), receiver) if receiver is not None else None
        if verb.lemma_.lower() in ("have", "give", "get", "grant"):
            verb = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "relcl", "acl")
                         and any(g.lower_ == "to" for g in c.children)), None) or next(
                (c for t in verb.children for c in t.children
                 if c.dep_ in ("relcl", "acl") and any(g.lower_ == "to" for g in c.children)),
                None)
    if verb is not None and demand is None:
        rng = _demand_range(ctx, verb, frame.due_tokens)
        if rng is not None:
            demand = _clause_slot(ctx, rng)
    cons = _consequence(ctx, sent, verb)
    consequence = _clause_slot(ctx, cons) if cons is not None else None
    return {"set_by": set_by, "party": party, "demand": demand, "consequence": consequence}


# --------------------------------------------------------------------------- values and status


def _value(ctx: _Context, times: Sequence[TimeExpression],
           governor: Token | None) -> tuple[str | None, TimeExpression | None]:
    """The value of glued time expressions, where the text leaves the year or the week open.

    A date with no year ("Nov. 10", "February") is the occurrence nearest the article's time:
    news states limits within months of when it is written, whatever the tense of the report.
    A bare weekday ("Tuesday", "midnight Friday") is the next one on or after the article's
    time when the limit is stated in the present or future ("must reply by Friday", "runs out
    on Sunday", "has given them until Tuesday"), else the one nearest to it ("had set a
    deadline of Tuesday")."""
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
        if tok.dep_ in ("xcomp", "acl", "relcl", "pcomp", "conj", "ccomp") and tok.head is not tok:
            tok = tok.head
            continue
        return False
    return False


def _past_perfect_chain(verb: Token) -> bool:
    """Whether a conjoined verb shares a past perfect ("had ruled ... and set")."""
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("conj", "ccomp") or tok.head is tok:
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
        if tok.head is tok:
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
    return ctx.anchor.replace(hour=0, minute=0, second=0, microsecond=0), Granularity.DAY


def _governor_of(tok: Token) -> Token | None:
    for a in [tok, *tok.ancestors][:6]:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return None


def _resolve(ctx: _Context, frame: _Frame) -> tuple[str | None, dt.datetime | None,
                                                     dt.datetime | None, str | None]:
    """due value, due_start, due_end and the id of the time record the value rests on."""
    if frame.event:
        return None, None, None, None
    if frame.duration is not None:
        dur = frame.duration.value
        anchor = _clause_anchor(ctx, frame)
        if not dur or anchor is None or not dur.startswith("P"):
            return None, None, None, frame.duration.id
        start, gran = anchor
        if frame.kind == "measured" and frame.bound is Bound.AFTER:
            # "two days after the deadline": the limit lies that long before the clause's time
            back = _add_duration(start, dur, -1)
            if back is None:
                return None, None, None, frame.duration.id
            counted = _format(back, gran)
            iv = timex_interval(counted)
            return counted, iv[0] if iv else back, iv[1] if iv else back, frame.duration.id
        end = _add_duration(start, dur)
        if end is None:
            return None, None, None, frame.duration.id
        counted = _format(end, gran)
        iv = timex_interval(counted)
        return counted, start, iv[1] if iv else end, frame.duration.id
    value, best = _value(ctx, frame.times, _governor(frame))
    iv = timex_interval(value)
    if iv is None:
        return value, None, None, best.id if best else None
    return value, iv[0], iv[1], best.id if best else None


def _status(ctx: _Context, sent: DocSpan, frame: _Frame,
            start: dt.datetime | None, end: dt.datetime | None) -> DeadlineStatus:
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
        frames = (_noun_frames(ctx, sent) + _expiry_frames(ctx, sent) + _due_frames(ctx, sent)
                  + _last_day_frames(ctx, sent) + _grant_frames(ctx, sent)
                  + _extension_frames(ctx, sent) + _prep_frames(ctx, sent))
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


def _deadline(ctx: _Context, sent: DocSpan, frame: _Frame) -> Deadline:
    value, start, end, time_id = _resolve(ctx, frame)
    roles = _roles(ctx, sent, frame)
    due = _span(ctx.text, *frame.due_tokens)
    duration = frame.duration
    return Deadline(
        trigger=_span(ctx.text, *frame.trigger) if frame.trigger else None,
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
        event_anchor=due if frame.event else None,
        status=_status(ctx, sent, frame, start, end),
        confidence=frame.confidence,
    )
