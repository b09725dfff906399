"""Shared parts of the deadline stage: lexicons, the frame record, time look-ups and the
clause tests (obligation, mandative, condition) the frame finders use."""

from __future__ import annotations

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
from newsstruct.types import (
    Bound,
    Entity,
    Granularity,
    SegmentKind,
    TimeExpression,
    TimexType,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token





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
    #: the event a limit counts from when it has no date ("six months before the election"),
    #: or the verb that set a relative limit at a time the text does not give
    anchor_tokens: tuple[int, int] | None = None
    #: a span whose length the text leaves open ("only weeks to make their case")
    vague: bool = False
    #: for a span counted from a date: -1 before it, +1 after it
    shift: int = 0
    #: the class predicate the bound is attached to ("agreed", "calls for"), and how it fills
    #: the roles (a ``Roles`` value of ``_classes``)
    predicate: Token | None = None
    predicate_roles: str | None = None


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


def _calendar_time(t: TimeExpression | None) -> TimeExpression | None:
    """``t`` when it names a calendar time (not a duration, not a vague reference)."""
    if t is None or t.type is TimexType.DURATION or not t.value or t.value in _UNSPECIFIC:
        return None
    return t


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
        if _committed(tok, obligation):
            return True
        if tok.dep_ != "conj":
            return False
        tok = tok.head
    return False


def _committed(verb: Token, obligation: frozenset[str]) -> bool:
    """"is committed to concluding the process", "is obliged to ...": a gerund or verb after the
    "to" of an obligation word."""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.lower_ == "to" and prep.head.i != prep.i and \
        _has_lemma(prep.head, obligation) and verb.tag_ in ("VBG", "VB")


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
    """"had until Nov. 1", "gave Merieux until mid-November", "given until Friday", "have now
    until early May": a verb of having or granting right before "until" (only its objects
    and adverbs in between)."""
    if verb.lemma_.lower() not in ("have", "give", "get", "grant") or verb.i >= until.i:
        return False
    between = verb.doc[verb.i + 1:until.i]
    objects = {t.i for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")
               for t in c.subtree}
    return all(t.i in objects or t.dep_ in ("det", "advmod") for t in between)


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
