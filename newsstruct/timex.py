"""Time expressions: detection and TIMEX3 normalisation anchored on the article's time.

Detection is a table of rules (``_RULES``), each one object holding its pattern, the
substrings that prefilter segments for it, the test a match must pass in its context and the
normaliser that gives its value: calendar dates, month and year names, ranges of years, quarters
and halves, relative expressions such as "last week" or "two days later", times of day,
durations, sets and the vague references "now", "recently", "the future". They run once over
each content segment. A time word inside a proper name ("The Sunday Telegraph") is not a time. The
model's DATE entities vouch for the ambiguous cases (a bare "1990", "May" as a month). Extents
follow the TempEval-3 conventions: a determiner belongs to a time noun it introduces ("the third
quarter", "the past two months") but not to a time word used as a modifier ("a third-quarter
loss", "the Oct. 23 meeting"); "last", "next", "early", "late", "about" and "less than" belong to
the expression; prepositions ("in", "over", "by") do not.

Normalisation gives the TIMEX3 value at the granularity the text gives (``2025-08-06``,
``2025-08``, ``2025-W32``, ``2025-Q3``, ``2025-SU``, ``2025-08-06T15:00``, ``2025-08-06TEV``,
``P4Y``, ``PT48H``, ``PRESENT_REF``...), the ``mod`` and, for calendar values, the interval the
value denotes. Relative expressions resolve against the article's anchor (published time, else
the reference date) or, for "later"/"earlier"/"the next day", against the last date the text
mentioned; an offset "later" than a point the text has not dated gets no calendar value
(``XXXX``). Weekdays and months without a year take their direction from tense and context.
Calendar arithmetic (intervals, parts of the day, month shifts) is :mod:`newsstruct.calendar`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from newsstruct.calendar import (
    MONTHS,
    SEASON_MONTHS,
    WEEKDAY_NAMES,
    add_months,
    granularity,
    interval,
    iso_week,
    month_regex,
    nth_weekday,
    quarter_of,
    season_of,
)
from newsstruct.data import lexicon
from newsstruct.types import (
    Granularity,
    Segment,
    SegmentKind,
    Span,
    TimeExpression,
    TimexMod,
    TimexType,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_times", "interval", "normalise"]

# --------------------------------------------------------------------------- vocabulary

_MONTHS = MONTHS
#: Month names that are also common words: read as months only with a date context.
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_WEEKDAYS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}
_VAGUE = frozenset({"several", "a few", "few", "many", "some", "numerous", "dozens of",
                    "hundreds of", "thousands of", "a number of", "countless"})
#: Duration unit → (TIMEX3 code, in the time part, multiplier).
_UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "weekend": ("WE", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("Q", False, 1), "year": ("Y", False, 1), "decade": ("DE", False, 1),
    "century": ("CE", False, 1), "centurie": ("CE", False, 1),
}
#: The unit of an unknown number of decades ("decades-long").
_VAGUE_CODES = {"DE": "Y"}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                 "tonight": "NI", "overnight": "NI"}
_POSITIONS = {"early": TimexMod.START, "beginning": TimexMod.START, "start": TimexMod.START,
              "mid": TimexMod.MID, "middle": TimexMod.MID, "late": TimexMod.END,
              "end": TimexMod.END}
_MODS = {"less than": TimexMod.LESS_THAN, "fewer than": TimexMod.LESS_THAN,
         "under": TimexMod.LESS_THAN, "just under": TimexMod.LESS_THAN,
         "more than": TimexMod.MORE_THAN, "just over": TimexMod.MORE_THAN,
         "at least": TimexMod.EQUAL_OR_MORE, "no less than": TimexMod.EQUAL_OR_MORE,
         "up to": TimexMod.EQUAL_OR_LESS, "at most": TimexMod.EQUAL_OR_LESS,
         "no more than": TimexMod.EQUAL_OR_LESS, "about": TimexMod.APPROX,
         "around": TimexMod.APPROX, "approximately": TimexMod.APPROX,
         "roughly": TimexMod.APPROX, "nearly": TimexMod.APPROX, "almost": TimexMod.APPROX,
         "some": TimexMod.APPROX, "close to": TimexMod.APPROX}
#: Words before a bare year or an ambiguous month name that make it a date.
_DATE_PREPS = frozenset({"in", "since", "until", "till", "by", "from", "of", "during",
                         "through", "to", "before", "after", "last", "this", "next", "early",
                         "late", "mid", "between", "and", "fiscal", "calendar", "year", "or",
                         "for", "around", "circa", "throughout", "on", "into"})
_BODY = frozenset({SegmentKind.STANDFIRST, SegmentKind.PARAGRAPH, SegmentKind.CAPTION,
                   SegmentKind.HEADING, SegmentKind.TITLE, SegmentKind.DATELINE})

# --------------------------------------------------------------------------- patterns

_MON = month_regex("mon")
_WD_ALT = "|".join(WEEKDAY_NAMES)
_WD = rf"(?P<wd>{_WD_ALT})"
_Y4 = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]"
         r"(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"
         r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
         r"eighteen|nineteen|a\s+hundred|hundred)")
_NUM = (rf"(?:\d+(?:\.\d+|\s+1/2)?|{_NUMW}|an?|a\s+few|few|several|many|some|numerous|"
        r"a\s+couple\s+of|couple\s+of|a\s+number\s+of|a\s+dozen|dozens\s+of|"
        r"hundreds\s+of|thousands\s+of|countless)")
_UNIT = (r"(?P<unit>second|minute|hour|day|night|week(?:end)?|fortnight|month|quarter|year|"
         r"decade|centur(?:y|ie))")
_MODP = ("(?P<mod>less\\s+than|fewer\\s+than|more\\s+than|at\\s+least|at\\s+most|up\\s+to|"
         "no\\s+more\\s+than|no\\s+less\\s+than|just\\s+over|just\\s+under|about|around|"
         "approximately|roughly|nearly|almost|some|close\\s+to)")
_POSP = (r"(?P<pos>early|late|mid|earlier|later|(?:the\s+)?(?:end|beginning|start|middle)"
         r"\s+of(?:\s+the)?)")
_TZ = r"(?:\s+(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|local\s+time))?"
_AMPM = r"(?P<ap>[ap]\.m\.|[ap]\.?m\b)"
_SPOKEN_YEAR = (r"(?:nineteen|twenty)[\s-](?:hundred|ten|eleven|twelve|thirteen|fourteen|"
                r"fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
                r"eight|nine))?)|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|"
                r"six|seven|eight|nine|ten))?")


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)




class _Cand(NamedTuple):
    start: int
    end: int
    rule: _Rule
    match: re.Match[str]


class _Value(NamedTuple):
    type: TimexType
    value: str | None
    mod: TimexMod | None = None
    quant: str | None = None
    freq: str | None = None
    start: int | None = None  # a narrower extent than the match, when the rule says so
    end: int | None = None
    #: "focus" when resolved against the last mentioned time, "quarter" against the last
    #: mentioned quarter, "unknown" when the time it moves from is not dated
    anchored: str | None = None
    moves: bool = True  # whether the value becomes the time later expressions move from


@cache
def _refs() -> tuple[re.Pattern[str], dict[str, str]]:
    table = dict(line.split("\t", 1) for line in lexicon("timex_refs"))
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(table, key=len,
                                                                         reverse=True))
    return _p(rf"\b(?:{alts})\b(?![-'’]\w)"), {k.lower(): v.strip() for k, v in table.items()}


@cache
def _sets() -> tuple[re.Pattern[str], dict[str, str]]:
    table = dict(line.split("\t", 1) for line in lexicon("timex_sets"))
    return _p(rf"\b(?:{'|'.join(sorted(table))})\b(?!-)"), {k: v.strip() for k, v in table.items()}


@cache
def _holidays() -> tuple[re.Pattern[str], dict[str, str]]:
    table = dict(line.split("\t", 1) for line in lexicon("timex_holidays"))
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for k in sorted(table, key=len, reverse=True))
    pat = _p(rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{alts})(?:,?\s+(?P<year>{_Y4}))?\b")
    return pat, {k.replace("’", "'"): v.strip() for k, v in table.items()}


# --------------------------------------------------------------------------- numbers


def _words_to_int(s: str) -> int | None:
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s in ("a", "an", "one"):
        return 1
    if s.replace(".", "", 1).isdigit():
        return int(float(s)) if "." not in s else None
    if s in ("a couple of", "couple of"):
        return 2
    if s == "a dozen":
        return 12
    if s in ("a hundred", "hundred"):
        return 100
    if s in _ONES:
        return _ONES[s]
    parts = re.split(r"[\s-]", s)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_ONES.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def _spoken_year(s: str) -> int | None:
    words = re.split(r"[\s-]+", s.lower())
    words = [w for w in words if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + (_ONES.get(words[2], 0) if len(words) > 2 else 0)
    century = _ONES.get(words[0], 0) * 100
    rest = words[1:]
    if rest == ["hundred"]:
        return century
    n = _words_to_int(" ".join(rest))
    return None if n is None else century + n


# --------------------------------------------------------------------------- calendar values


def _season_year(day: dt.date, code: str, step: int) -> int:
    """The year of the season ``code`` before (-1), around (0) or after (+1) ``day``."""
    starts = [(y, dt.date(y, SEASON_MONTHS[code], 1)) for y in range(day.year - 2, day.year + 2)]
    if step < 0:
        return max(y for y, s in starts if add_months(s, 3) <= day)
    if step > 0:
        return min(y for y, s in starts if s > day)
    cur_year, cur = season_of(day)
    return cur_year if cur == code else day.year


# --------------------------------------------------------------------------- context


class _Focus:
    """The last calendar time the text mentioned, that "later" and "the next day" move from."""

    __slots__ = ("day", "day_id", "gran", "quarter", "quarter_id")

    def __init__(self) -> None:
        self.day: dt.date | None = None
        self.gran: Granularity | None = None
        self.quarter: tuple[int, int] | None = None
        self.day_id: str | None = None
        self.quarter_id: str | None = None

    def update(self, value: str, tid: str, quarter: bool = True) -> None:
        span = interval(value)
        gran = granularity(value)
        if span is None or gran is None or (gran is Granularity.YEAR and len(value) < 4):
            return
        self.day, self.gran, self.day_id = span[0].date(), gran, tid
        if quarter and gran is Granularity.QUARTER and "-Q" in value:
            self.quarter, self.quarter_id = (int(value[:4]), int(value[-1])), tid


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
        for _ in range(_MAX_HEAD_STEPS):
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
            tok = tok.head
            through_noun = through_noun or (tok.pos_ in ("NOUN", "PROPN") and tok.i >= span.end
                                            and not limit)
        if tok.pos_ in ("VERB", "AUX"):
            verdict = _verb_tense(tok, through_noun, span.start)
            if prev == "for" and tok.lemma_.lower() in _SET_FOR_VERBS:
                verdict = 1  # "the vote, set for Friday": a time something is set for
            perfect = any(c.lower_ == "had" for c in tok.children if c.dep_ == "aux")
    if (prev in _FUTURE_CUES or " ".join(before[-2:]) in _SOON_CUES) and verdict >= 0:
        return 1
    if prev in _LIMIT_CUES and verdict < 0 and span is not None and not perfect and not any(
            t.lower_ == "had" for t in span.sent if t.i < span.start):
        return 1
    return verdict


def _weekday_date(anchor: dt.date, wd: int, direction: int, rel: str = "") -> dt.date:
    delta = wd - anchor.weekday()
    if rel == "this":
        return anchor + dt.timedelta(days=delta)
    if rel in ("last", "past", "previous"):
        return anchor + dt.timedelta(days=(delta % 7) - 7 if delta % 7 else -7)
    if rel in ("next", "coming", "following"):
        return anchor + dt.timedelta(days=delta % 7 or 7)
    if direction == _NEAREST:
        ahead = delta % 7
        return anchor + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    if direction > 0:
        return anchor + dt.timedelta(days=delta % 7)
    return anchor - dt.timedelta(days=(-delta) % 7)


def _month_year(anchor: dt.date, month: int, direction: int, rel: str = "") -> int:
    if rel in ("last", "past", "previous"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel == "this":
        return anchor.year
    if direction < 0:
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month >= anchor.month else anchor.year + 1
    ahead = (month - anchor.month) % 12
    if 0 < ahead <= 2:
        return anchor.year + (1 if month < anchor.month else 0)
    return anchor.year if month <= anchor.month else anchor.year - 1


def _nearest_year(anchor: dt.date, month: int, day: int, direction: int = 0) -> int:
    """The year that puts the day nearest the anchor, on the side the tense points to when
    that side is within ten months."""
    best = anchor.year
    best_gap: int | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            gap = (dt.date(year, month, day) - anchor).days
        except ValueError:
            continue
        if direction and gap * direction >= 0 and abs(gap) <= 300:
            return year
        if best_gap is None or abs(gap) < best_gap:
            best, best_gap = year, abs(gap)
    return best


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("day", "night"):
        return day + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return add_months(day, n)
    if unit == "quarter":
        return add_months(day, 3 * n)
    if unit == "year":
        return add_months(day, 12 * n)
    if unit == "decade":
        return add_months(day, 120 * n)
    return day


def _value_at(day: dt.date, gran: Granularity) -> str:
    if gran is Granularity.YEAR:
        return f"{day.year:04d}"
    if gran is Granularity.QUARTER:
        y, q = quarter_of(day)
        return f"{y:04d}-Q{q}"
    if gran is Granularity.SEASON:
        y, s = season_of(day)
        return f"{y:04d}-{s}"
    if gran is Granularity.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if gran is Granularity.WEEK:
        return iso_week(day)
    return day.isoformat()


_UNIT_GRAN = {"day": Granularity.DAY, "night": Granularity.DAY, "week": Granularity.WEEK,
              "weekend": Granularity.WEEK, "fortnight": Granularity.WEEK,
              "month": Granularity.MONTH, "quarter": Granularity.QUARTER,
              "year": Granularity.YEAR, "decade": Granularity.YEAR}
_GRAN_RANK = {Granularity.YEAR: 0, Granularity.QUARTER: 1, Granularity.SEASON: 1,
              Granularity.MONTH: 2, Granularity.WEEK: 3, Granularity.DAY: 4,
              Granularity.PART_OF_DAY: 5, Granularity.HOUR: 6, Granularity.MINUTE: 7,
              Granularity.SECOND: 8}


def _duration(n: float | None, unit: str, half: bool = False) -> str:
    """The TIMEX3 duration of ``n`` units (``None``: an unknown number). Decades count in
    years, as news corpora annotate them ("P10Y", "PXY")."""
    code, timepart, mult = _UNITS[unit]
    prefix = "PT" if timepart else "P"
    if n is None:
        return f"{prefix}X{_VAGUE_CODES.get(code, code)}"
    n = n * mult
    if code == "DE":
        code, n = "Y", n * 10
    elif code == "CE":
        code, n = "Y", n * 100
    elif code == "WE":
        code, n = "D", n * 2
    if half:
        sub = {"Y": (6, "M", False), "M": (15, "D", False), "W": (84, "H", True),
               "D": (12, "H", True), "H": (30, "M", True), "Q": (45, "D", False)}
        if code == "M" and timepart:
            return f"PT{int(n)}M30S"
        if code in sub:
            k, c2, t2 = sub[code]
            if t2 and not timepart:
                return f"P{int(n)}{code}T{k}{c2}"
            return f"{prefix}{int(n)}{code}{k}{c2}"
    return f"{prefix}{int(n) if float(n).is_integer() else n}{code}"


# --------------------------------------------------------------------------- normalisers


class _Ctx:
    """Per-article state: anchor, the last mentioned time, access to the parse."""

    __slots__ = ("anchor", "day", "doc", "focus", "text")

    def __init__(self, text: str, doc: Doc | None, anchor: dt.datetime) -> None:
        self.text, self.doc, self.anchor = text, doc, anchor
        self.day = anchor.date()
        self.focus = _Focus()

    def tense(self, start: int, end: int) -> int:
        """-1, 0 or +1: the side of the anchor the clause around the span points to (a plan
        told in the simple past, "agreed to buy it in February", looks ahead)."""
        d = _tense(self.doc, self.text, start, end)
        return 1 if d == _NEAREST else d

    def day_tense(self, start: int, end: int) -> int:
        """As ``tense``, or ``_NEAREST`` when the nearest day of the week is meant."""
        return _tense(self.doc, self.text, start, end)


def _pos_mod(pos: str | None) -> TimexMod | None:
    if not pos:
        return None
    words = pos.lower().split()
    for w in words:
        if w in _POSITIONS:
            return _POSITIONS[w]
    return None


def _n_mdy(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    day = int(m["day"])
    year = int(m["year"]) if m["year"] else _nearest_year(
        ctx.day, month, day, ctx.tense(m.start(), m.end()))
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return _Value(TimexType.DATE, f"{year:04d}-{month:02d}-{day:02d}")


def _n_numeric(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    y = m["year"]
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 50 else 2000 + int(y))
    try:
        day = dt.date(year, int(m["month"]), int(m["day"]))
    except ValueError:
        return None
    return _Value(TimexType.DATE, day.isoformat())


def _n_month(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    rel = (m["rel"] or "").lower()
    mod = _pos_mod(m["pos"])
    spoken = _spoken_year(m["sy"]) if m["sy"] else None
    if m["year"] or spoken:
        year = int(m["year"]) if m["year"] else spoken or 0
    elif m["yrel"]:  # "June last year"
        year = ctx.day.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    else:
        year = _month_year(ctx.day, month, 0 if rel else ctx.tense(m.start(), m.end()), rel)
    return _Value(TimexType.DATE, f"{year:04d}-{month:02d}", mod)


def _n_season(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    year = int(m["year"]) if m["year"] else _spoken_year(m["sy"])
    if year is None:
        return None
    return _Value(TimexType.DATE, f"{year:04d}-{_SEASONS[m['season'].lower()]}",
                  _pos_mod(m["pos"]))


def _n_year(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    year = m["year"]
    if m["s"]:
        value = year[:3] if year[3] == "0" else year
        start = m.start("year") if m["the"] and not m["pos"] else m.start()
        if m["the"] and m["pos"]:
            start = m.start("pos")
        return _Value(TimexType.DATE, value, _pos_mod(m["pos"]), start=start)
    start = m.start("year") if m["the"] and not m["pos"] else m.start()
    if m["ty"] and not m["ty"].lower().startswith("the"):
        start = m.start("year")  # "year 2000": the bare year, as in "in year 2000 terms"
    return _Value(TimexType.DATE, year, _pos_mod(m["pos"]), start=start)


def _range_years(m: re.Match[str], text: str) -> tuple[int, int]:
    """The first and last year of a range of years ("2015-16": 2015 and 2016)."""
    first = int(m["year"]) if "year" in m.re.groupindex else int(text[m.start() - 5:m.start() - 1])
    to = m["to"]
    if len(to) == 4:
        return first, int(to)
    last = first // 100 * 100 + int(to)
    return first, last + 100 if last < first else last


def _accept_range(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A range of a few decades at most, running forward ("2015-16", not "2015-06")."""
    first, last = _range_years(m, text)
    return 0 < last - first <= 30


def _n_range_from(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, m["year"])


def _n_range_to(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, f"{_range_years(m, ctx.text)[1]:04d}")


def _n_decade2(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    century = "19" if int(m["dec"]) > ctx.day.year % 100 // 10 else "20"
    start = m.start("pos") if m["pos"] else m.start() + len(m["the"] or "")
    return _Value(TimexType.DATE, f"{century}{m['dec']}", _pos_mod(m["pos"]), start=start)


def _two_digit_year(y: str) -> int:
    return int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 50 else 2000 + int(y))


def _n_qabbr(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    n = int(m["n"])
    if m["qh"].upper() == "H" and n > 2:
        return None
    year = _two_digit_year(m["year"]) if m["year"] else ctx.day.year
    return _Value(TimexType.DATE, f"{year:04d}-{m['qh'].upper()}{n}")


def _n_fy(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, f"{_two_digit_year(m['year']):04d}")


def _n_century(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, f"{int(m['n']) - 1:02d}")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _n_decadew(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.DATE, f"19{_DECADE_WORDS[m['w'].lower()]}", _pos_mod(m["pos"]))


def _n_spoken(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    year = _spoken_year(m["sy"])
    if year is None or not 1000 <= year <= 2100:
        return None
    return _Value(TimexType.DATE, f"{year:04d}")


_ENDED = re.compile(rf"\s+(?:that\s+)?(?:ended|ending|ends|to)\s+{_MON}(?:\s*{_DAY})?"
                    rf"(?:,?\s+(?P<year>{_Y4}))?", re.IGNORECASE)


def _n_quarter(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    unit = m["unit"].lower()
    det = (m["det"] or "").lower()
    qmod = (m["qmod"] or "").lower()
    ordw = (m["ord"] or "").lower()
    explicit_year = m["year"] or m["qy"]
    if m["yrel"]:
        explicit_year = str(ctx.day.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()])
    start = m.start()
    if (det and det not in ("the", "this", "last", "next", "that")) or _hyphen_modifier(m):
        # "third-quarter profit": the modifier alone, without its determiner
        start = m.start("qmod") if m["qmod"] else m.start("qy") if m["qy"] else (
            m.start("ord") if m["ord"] else m.start("unit"))
    if unit == "period" and (not (qmod or explicit_year)
                             or qmod in ("recent", "past", "fiscal", "calendar")):
        return None
    if not (det or qmod or ordw or explicit_year):
        return None
    if ordw == "last" and not det:
        det, ordw = "last", ""
    if not (det or qmod or ordw or explicit_year):
        return None
    year, q = quarter_of(ctx.day)
    if unit == "half":
        return _half_year(ordw, bool(det or qmod), explicit_year, start, ctx)
    if ordw in _ORDINALS:
        y = _ordinal_quarter_year(m, ctx, _ORDINALS[ordw], qmod, explicit_year)
        return _Value(TimexType.DATE, f"{y:04d}-Q{_ORDINALS[ordw]}", start=start)
    if ordw == "final" or ordw == "fourth":
        y = int(explicit_year) if explicit_year else year
        return _Value(TimexType.DATE, f"{y:04d}-Q4", start=start)
    if explicit_year and not ordw:
        if unit == "quarter" or ctx.focus.quarter:
            qn = ctx.focus.quarter[1] if ctx.focus.quarter else q
            return _Value(TimexType.DATE, f"{int(explicit_year):04d}-Q{qn}", start=start,
                          anchored="quarter" if ctx.focus.quarter else None, moves=False)
        return _Value(TimexType.DATE, f"{int(explicit_year):04d}", start=start)
    focus = ctx.focus.quarter
    ended = _ENDED.match(ctx.text, m.end())
    if ended and not qmod:
        month = _MONTHS[ended["mon"].rstrip(".").lower()]
        y = int(ended["year"]) if ended["year"] else _month_year(ctx.day, month, -1)
        return _Value(TimexType.DATE, f"{y:04d}-Q{(month - 1) // 3 + 1}", start=start)
    if det == "this" or qmod == "current":
        y, qn = year, q
    elif det == "next":
        y, qn = (year, q + 1) if q < 4 else (year + 1, 1)
    elif det == "last" or qmod in ("previous", "prior", "latest", "recent"):
        # "the latest quarter": the last one completed
        y, qn = (year, q - 1) if q > 1 else (year - 1, 4)
    elif focus is not None:
        y, qn = focus
    else:
        y, qn = (year, q - 1) if q > 1 else (year - 1, 4)
    on_focus = "quarter" if focus is not None and (y, qn) == focus else None
    if qmod in ("year-ago", "year-earlier"):
        return _Value(TimexType.DATE, f"{y - 1:04d}-Q{qn}", start=start, anchored=on_focus,
                      moves=False)
    return _Value(TimexType.DATE, f"{y:04d}-Q{qn}", start=start, anchored=on_focus)


def _ordinal_quarter_year(m: re.Match[str], ctx: _Ctx, qn: int, qmod: str,
                          explicit_year: str | None) -> int:
    """The year of "the third quarter": the one named, the one before for "the year-ago third
    quarter", and the one before for a quarter not yet begun that a clause in the past tense
    reports on ("profit fell in the fourth quarter", told in January)."""
    if explicit_year:
        return int(explicit_year)
    year, q = quarter_of(ctx.day)
    if qmod in ("year-ago", "year-earlier", "previous", "prior"):
        return year - 1
    if qn > q and ctx.tense(m.start(), m.end()) < 0:
        return year - 1
    return year


def _half_year(ordw: str, determined: bool, explicit_year: str | None, start: int,
               ctx: _Ctx) -> _Value | None:
    """ "the first half", "the second half of 1998", "this half"."""
    if ordw not in ("first", "second", "1st", "2nd") and not determined:
        return None
    y = int(explicit_year) if explicit_year else ctx.day.year
    if ordw in ("first", "1st"):
        return _Value(TimexType.DATE, f"{y:04d}-H1", start=start)
    if ordw in ("second", "2nd"):
        return _Value(TimexType.DATE, f"{y:04d}-H2", start=start)
    return _Value(TimexType.DATE, f"{y:04d}-H{1 if ctx.day.month <= 6 else 2}", start=start)


def _hyphen_modifier(m: re.Match[str]) -> bool:
    """Whether the matched time phrase is a hyphenated modifier ("third-quarter results")."""
    return "-" in m[0][m.start("unit") - m.start() - 1:m.start("unit") - m.start()]


def _from_focus_day(base: dt.date, unit: str, step: int, mod: TimexMod | None) -> _Value | None:
    """ "the previous Friday", "the next morning", "that evening": a weekday or a part of a day
    counted from the day the text last mentioned."""
    if unit in _PARTS_OF_DAY:
        day = base + dt.timedelta(days=step)
        return _Value(TimexType.TIME, f"{day.isoformat()}T{_PARTS_OF_DAY[unit]}", mod,
                      anchored="focus")
    if step == 0:
        return None  # "that Friday": which one is not said
    delta = (_WEEKDAYS[unit] - base.weekday()) % 7 or 7
    day = base + dt.timedelta(days=delta if step > 0 else delta - 7)
    return _Value(TimexType.DATE, day.isoformat(), mod, anchored="focus")


def _n_rel(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    pos = m["pos"]
    mod = _pos_mod(pos)
    day = ctx.day
    if rel == "the" and unit == "weekend" and not pos:
        sat = _weekday_date(day, 5, ctx.tense(m.start(), m.end()))
        return _Value(TimexType.DATE, iso_week(sat) + "-WE")
    if rel == "the":
        rel = "this"
    if rel in ("that", "same", "following") or (m["the"] and rel in ("next", "previous")):
        base = ctx.focus.day
        if base is None:
            if rel in ("that", "same"):
                return None
            base = day
        step = {"that": 0, "same": 0, "following": 1, "next": 1, "previous": -1}[rel]
        if unit in _WEEKDAYS or unit in _PARTS_OF_DAY:
            return _from_focus_day(base, unit, step, mod)
        if unit in _SEASONS:
            return None
        target = _shift(base, unit, step)
        gran = _UNIT_GRAN.get(unit, Granularity.DAY)
        return _Value(TimexType.DATE, _value_at(target, gran), mod, anchored="focus")
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "prior": -1,
            "next": 1, "coming": 1}.get(rel, 0)
    if unit in _WEEKDAYS:
        target = _weekday_date(day, _WEEKDAYS[unit], 0, rel)
        return _Value(TimexType.DATE, target.isoformat(), mod)
    if unit in _SEASONS:
        code = _SEASONS[unit]
        return _Value(TimexType.DATE, f"{_season_year(day, code, step):04d}-{code}", mod)
    if unit in _PARTS_OF_DAY:
        if rel in ("this", "current"):
            return _Value(TimexType.TIME, f"{day.isoformat()}T{_PARTS_OF_DAY[unit]}", mod)
        if rel in ("last", "past", "previous") and unit in ("night", "evening"):
            prev = day - dt.timedelta(days=1)
            return _Value(TimexType.TIME, f"{prev.isoformat()}T{_PARTS_OF_DAY[unit]}", mod)
        return None
    if unit == "day":
        # "the end of the day": the anchor's day
        return _Value(TimexType.DATE, day.isoformat(), mod) if pos and step == 0 else None
    if unit == "quarter":
        y, q = quarter_of(day)
        q += step
        y, q = (y + (q - 1) // 4, (q - 1) % 4 + 1)
        return _Value(TimexType.DATE, f"{y:04d}-Q{q}", mod)
    if unit in ("decade", "century") and rel in ("past", "last"):
        return _Value(TimexType.DURATION, _duration(1, unit), mod)
    if unit == "decade":
        y = day.year // 10 + step
        return _Value(TimexType.DATE, f"{y:03d}", mod)
    if unit == "century":
        return _Value(TimexType.DATE, f"{day.year // 100 + step:02d}", mod)
    target = _shift(day, unit, step)
    if unit == "weekend":
        return _Value(TimexType.DATE, iso_week(target) + "-WE", mod)
    return _Value(TimexType.DATE, _value_at(target, _UNIT_GRAN[unit]), mod)


def _n_dayrel(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    w = m["w"].lower()
    day = ctx.day + dt.timedelta(days={"today": 0, "tonight": 0, "yesterday": -1,
                                       "tomorrow": 1}[w])
    if m["da"]:
        day += dt.timedelta(days=1 if m["da"].lower() == "after" else -1)
    pod = (m["pod"] or "").lower()
    mod = _pos_mod(m["pos"])
    if pod:
        return _Value(TimexType.TIME, f"{day.isoformat()}T{_PARTS_OF_DAY[pod]}", mod)
    return _Value(TimexType.DATE, day.isoformat(), mod)


def _n_weekday(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    wd = _WEEKDAYS[m["wd"].lower()]
    pod = (m["pod"] or "").lower()
    if m["pl"] or m["pl2"]:
        value = f"XXXX-WXX-{wd + 1}" + (f"T{_PARTS_OF_DAY[pod]}" if pod else "")
        return _Value(TimexType.SET, value, quant="EVERY")
    day = _weekday_date(ctx.day, wd, ctx.day_tense(m.start(), m.end()))
    if pod:  # "Friday evening": a part of a day is a time (TIMEX3)
        return _Value(TimexType.TIME, f"{day.isoformat()}T{_PARTS_OF_DAY[pod]}",
                      _pos_mod(m["pos"]))
    return _Value(TimexType.DATE, day.isoformat(), _pos_mod(m["pos"]))


def _clock_value(ctx: _Ctx, hour: int, minute: int) -> str:
    day = ctx.day
    if ctx.focus.day is not None and ctx.focus.gran is Granularity.DAY:
        day = ctx.focus.day
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _n_clock(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    ap = m["ap"].lower()
    if not 1 <= h <= 12:
        return None
    if ap.startswith("p") and h != 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    return _Value(TimexType.TIME, _clock_value(ctx, h, mi))


def _n_clock24(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    before = ctx.text[max(0, m.start() - 12):m.start()].lower().split()
    if not m["h24"] and not (before and before[-1] in ("at", "by", "until", "before",
                                                       "after", "from", "around")):
        return None
    return _Value(TimexType.TIME, _clock_value(ctx, int(m["h"]), int(m["mi"])))


_EVENING_AFTER = re.compile(r"\s+(?:tonight|this\s+(?:evening|afternoon))\b", re.IGNORECASE)


def _n_oclock(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    h = int(m["h"]) if m["h"].isdigit() else _ONES[m["h"].lower()]
    part = re.sub(r"\s+", " ", (m["part"] or m["part2"] or "").lower())
    if part.endswith("morning"):
        h = 0 if h == 12 else h
    elif part or _EVENING_AFTER.match(ctx.text, m.end()):
        h = h if h == 12 else h + 12
    return _Value(TimexType.TIME, _clock_value(ctx, h, 0))


_DATE_BEFORE = re.compile(r"(?P<date>\d{4}-\d\d-\d\d)[ T]$")


def _n_hms(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    """Hours, minutes and seconds: a time of day after a date, "at", or with a zone or
    "a.m."; otherwise a length of time ("won in 2:14:08")."""
    h, mi, sec = int(m["h"]), int(m["mi"]), int(m["s"])
    date = _DATE_BEFORE.search(ctx.text, max(0, m.start() - 11), m.start())
    if date or m["ap"] or m["tz"] or _word_before(ctx.text, m.start()) in ("at", "by"):
        if m["ap"] and m["ap"][0].lower() == "p" and h < 12:
            h += 12
        if h > 23:
            return None
        day = date["date"] if date else _clock_value(ctx, h, mi)[:10]
        return _Value(TimexType.TIME, f"{day}T{h:02d}:{mi:02d}:{sec:02d}")
    parts = "".join(f"{n}{u}" for n, u in ((h, "H"), (mi, "M"), (sec, "S")) if n)
    return _Value(TimexType.DURATION, f"PT{parts or '0S'}", start=m.start(), end=m.end("s"))


@cache
def _terms() -> tuple[re.Pattern[str], dict[str, int]]:
    table = {k: int(v) for k, v in (line.split("\t", 1) for line in lexicon("timex_terms"))}
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(table, key=len,
                                                                         reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE), table


def _n_term(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    """ "a second term": one term of the office last named before it (a president's is four
    years); an unknown number of years when no office is named."""
    pattern, table = _terms()
    offices = list(pattern.finditer(ctx.text, 0, m.start()))
    after = pattern.search(ctx.text, m.end(), min(len(ctx.text), m.end() + 40))
    office = offices[-1] if offices else after
    if office is None:
        return _Value(TimexType.DURATION, "PXY")
    years = table[re.sub(r"\s+", " ", office[0].lower())]
    return _Value(TimexType.DURATION, f"P{years}Y")


def _n_midpart(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    day = _clock_value(ctx, 0, 0)[:10]
    return _Value(TimexType.TIME, f"{day}T{_PARTS_OF_DAY[m['pod'].lower()]}", _pos_mod(m["pos"]))


def _n_noon(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    w = m["w"].lower()
    return _Value(TimexType.TIME, _clock_value(ctx, 0 if w == "midnight" else 12, 0))


_MONEY_BEFORE = re.compile(r"(?:\d|%|\bpercent|\bmillion|\bbillion|\btrillion|\bdollars?|"
                           r"\bcents?|\beuros?|\bpounds?|\byen|\bhead|\bapiece)\W{0,2}$", re.I)


def _n_dur(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    unit = m["unit"].lower()
    nw = re.sub(r"\s+", " ", m["n"].lower())
    rel = (m["rel"] or "").lower()
    direction = (m["dir"] or "").lower()
    before = ctx.text[max(0, m.start() - 16):m.start()].lower()
    if direction in ("old", "of age") or re.search(r"\b(?:aged?|ages)\s+$", before):
        return None
    if m["hy"].startswith("-") and ctx.text[m.end():m.end() + 4].lower() == "-old":
        return None
    if unit == "quarter" and not m["pl"] and nw in ("a", "an", "one") and not direction:
        return None
    if unit == "quarter" and ((m["hy"].startswith("-") and m["pl"]) or re.match(
            r"\s+of\b", ctx.text[m.end():m.end() + 4])):
        return None
    if nw in ("some",) and not m["pl"]:
        return None
    if nw in ("a", "an") and m["pl"] and m["long"]:
        # "a decades-long feud": the article belongs to the noun, the number is unknown
        return _Value(TimexType.DURATION, _duration(None, unit), start=m.start("unit"))
    if unit == "weekend" and nw not in ("a", "an", "one") and not m["pl"]:
        return None
    if nw in ("a", "an") and not direction and not rel and _MONEY_BEFORE.search(before):
        return _Value(TimexType.SET, _duration(1, unit), quant=None, freq=None)
    start, end = m.start(), m.end()
    if m["the"] and (m["hy"].startswith("-") or m["long"]):
        start = m.start("rel") if m["rel"] else m.start("n")
    half = bool(m["half"] or m["half2"])
    if nw.endswith("1/2"):
        nw, half = nw[:-3].strip(), True
    vague = nw in _VAGUE
    n_val = _words_to_int(nw)
    n: float | None = None if vague else (n_val if n_val is not None else None)
    if n is None and not vague:
        try:
            n = float(nw)
        except ValueError:
            return None
    mod = _MODS.get(re.sub(r"\s+", " ", (m["mod"] or "").lower()))
    if m["n2"]:
        mod = TimexMod.APPROX
    if direction in ("before", "after"):
        nxt = ctx.text[m.end():m.end() + 2]
        if nxt[:1] not in (".", ",", ";", "") and nxt.strip() != "":
            end = m.end("half2") if m["half2"] else m.end("pl") if m["pl"] else m.end("unit")
            direction = ""
    if direction and unit in ("second", "minute", "hour") and direction not in (
            "ago", "from now", "hence"):
        end = m.end("half2") if m["half2"] else m.end("pl") if m["pl"] else m.end("unit")
        return _Value(TimexType.DURATION, _duration(n, unit, half), mod, start=start, end=end)
    if direction:
        return _n_shift(ctx, unit, None if n is None else int(n), direction, mod, start, end)
    value = _duration(n, unit, half)
    if rel in ("past", "last", "recent", "next", "coming") and n is None and unit != "day":
        value = _duration(None, unit)
    return _Value(TimexType.DURATION, value, mod, start=start, end=end)


#: The TIMEX3 value of an unknown time at each granularity.
_UNKNOWN_AT = {Granularity.YEAR: "XXXX", Granularity.QUARTER: "XXXX-QX",
               Granularity.MONTH: "XXXX-XX", Granularity.WEEK: "XXXX-WXX",
               Granularity.DAY: "XXXX-XX-XX"}


def _n_shift(ctx: _Ctx, unit: str, n: int | None, direction: str, mod: TimexMod | None,
             start: int, end: int) -> _Value | None:
    if n is None:
        ref = "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
        return _Value(TimexType.DATE, ref, mod, start=start, end=end)
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if unit in ("second", "minute", "hour"):
        if direction in ("ago", "from now", "hence"):
            delta = dt.timedelta(**{unit + "s": sign * n})
            t = ctx.anchor + delta
            return _Value(TimexType.TIME, t.strftime("%Y-%m-%dT%H:%M"), mod, start=start, end=end)
        return _Value(TimexType.DURATION, _duration(n, unit), mod, start=start, end=end)
    ugran = _UNIT_GRAN.get(unit, Granularity.DAY)
    focus = ctx.focus
    anchored: str | None = None
    if focus.day is None and direction in ("later", "after"):
        # "Seven decades later": after a point the text has not dated, so no calendar value
        return _Value(TimexType.DATE, _UNKNOWN_AT[ugran], mod, start=start, end=end,
                      anchored="unknown")
    if direction in ("ago", "from now", "hence") or focus.day is None:
        base, gran = ctx.day, ugran
        if unit == "year" and direction == "ago" and focus.quarter is not None:
            y, q = focus.quarter
            return _Value(TimexType.DATE, f"{y - n:04d}-Q{q}", mod, start=start, end=end,
                          anchored="quarter", moves=False)
    elif unit == "year" and focus.quarter is not None and focus.gran is Granularity.QUARTER:
        y, q = focus.quarter
        return _Value(TimexType.DATE, f"{y + sign * n:04d}-Q{q}", mod, start=start, end=end,
                      anchored="quarter", moves=False)
    else:
        assert focus.gran is not None
        if _GRAN_RANK.get(ugran, 4) > _GRAN_RANK.get(focus.gran, 4):
            base, gran = ctx.day, ugran
        else:
            base, gran = focus.day, focus.gran
            anchored = "focus"
            if gran in (Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE,
                        Granularity.SECOND):
                gran = Granularity.DAY
    target = _shift(base, unit, sign * n)
    return _Value(TimexType.DATE, _value_at(target, gran), mod, start=start, end=end,
                  anchored=anchored)


_HALVES = {"minute": "PT30S", "hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y",
           "century": "P50Y"}


def _n_half(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    mod = _MODS.get(re.sub(r"\s+", " ", (m["mod"] or "").lower()))
    return _Value(TimexType.DURATION, _HALVES[m["unit"].lower()], mod)


def _n_plural(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    unit = m["unit"].lower()
    direction = (m["dir"] or "").lower()
    if direction:
        ref = "PAST_REF" if direction in ("ago", "earlier") else "FUTURE_REF"
        return _Value(TimexType.DATE, ref, start=m.start("unit"))
    if pre in ("recent", "in recent"):
        start = m.start() if pre == "recent" else m.start("unit") - len("recent ")
        return _Value(TimexType.DATE, "PAST_REF", start=start)
    if m["long"]:
        return _Value(TimexType.DURATION, _duration(None, unit[:-1].replace("centurie",
                                                                            "centurie")))
    before = ctx.text[max(0, m.start() - 12):m.start()].lower().split()
    if not pre and not (before and before[-1] in ("for", "in", "over", "within", "took",
                                                  "take", "takes", "taking", "lasted",
                                                  "spent", "after", "last", "lasting")):
        return None
    if pre.startswith("in "):
        return None
    return _Value(TimexType.DURATION, _duration(None, unit[:-1]))


def _n_set(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    unit = m["unit"].lower()
    q = m["q"].lower()
    f = (m["f"] or "").lower()
    before = ctx.text[max(0, m.start() - 16):m.start()]
    if q in ("a", "an") and not f and not _MONEY_BEFORE.search(before):
        return None
    freq: str | None = None
    if f:
        times = {"once": 1, "twice": 2, "thrice": 3}.get(f)
        if times is None:
            times = _words_to_int(f.split()[0])
            if times is None:
                return None
        freq = f"{times}X"
    quant = q.upper() if q in ("every", "each") else None
    if unit in _WEEKDAYS:
        return _Value(TimexType.SET, f"XXXX-WXX-{_WEEKDAYS[unit] + 1}", quant=quant, freq=freq)
    if unit in _PARTS_OF_DAY:
        return _Value(TimexType.SET, f"XXXX-XX-XXT{_PARTS_OF_DAY[unit]}", quant=quant, freq=freq)
    n = 2 if m["other"] else 1
    return _Value(TimexType.SET, _duration(n, unit), quant=quant, freq=freq)


def _n_fyear(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    det = m["det"].lower()
    adj = (m["adj"] or "").lower()
    if det == "the" and not adj and m["ended"]:  # "the (fiscal) year ended March 31"
        return _Value(TimexType.DURATION, "P1Y", end=m.end("ended") - len(m["ended"]))
    step = -1 if det == "last" or adj in ("latest", "past", "previous", "prior") else \
        1 if det == "next" or adj in ("coming", "new") else 0
    base = ctx.focus.day.year if det == "that" and ctx.focus.day else ctx.day.year
    if m["ended"]:
        return _Value(TimexType.DATE, f"{base + step:04d}", end=m.end("ended") - len(m["ended"]))
    if det in ("the", "its", "their") and not adj and not m["fisc"]:
        return _Value(TimexType.DATE, f"{base:04d}") if det == "the" else None
    return _Value(TimexType.DATE, f"{base + step:04d}")


def _n_yearago(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    start = m.start() + (len(m["w"]) - len(m["w"].split()[-1]))
    focus = ctx.focus
    if focus.quarter is not None:
        y, q = focus.quarter
        return _Value(TimexType.DATE, f"{y - 1:04d}-Q{q}", start=start, anchored="quarter",
                      moves=False)
    return _Value(TimexType.DATE, f"{ctx.day.year - 1:04d}", start=start, moves=False)


def _n_yearend(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    w = m["w"].lower()
    if w.startswith("month"):
        return _Value(TimexType.DATE, f"{ctx.day.year:04d}-{ctx.day.month:02d}", TimexMod.END)
    return _Value(TimexType.DATE, f"{ctx.day.year:04d}", TimexMod.END)


def _n_eachmonth(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    return _Value(TimexType.SET, f"XXXX-{month:02d}", quant=m["q"].upper())


def _n_setword(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.SET, _sets()[1][m[0].lower()])


def _n_ref(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    phrase = re.sub(r"\s+", " ", m[0].lower())
    return _Value(TimexType.DATE, _refs()[1][phrase])


def _n_holiday(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    spec = _holidays()[1][name]
    parts = spec.split("-", 2)
    month = int(parts[0])
    rel = (m["rel"] or "").lower()

    def on(year: int) -> dt.date | None:
        try:
            if len(parts) == 2:
                return dt.date(year, month, int(parts[1]))
            nth, _, days = parts[2].partition("+")  # "11-1-1+1": the day after the first Monday
            day = nth_weekday(year, month, int(parts[1]) - 1, int(nth))
            return day + dt.timedelta(days=int(days or 0))
        except ValueError:
            return None

    if m["year"]:
        year = int(m["year"])
    elif rel == "last":
        d0 = on(ctx.day.year)
        year = ctx.day.year if d0 and d0 < ctx.day else ctx.day.year - 1
    elif rel == "next":
        d0 = on(ctx.day.year)
        year = ctx.day.year if d0 and d0 > ctx.day else ctx.day.year + 1
    else:
        d0 = on(ctx.day.year)
        year = ctx.day.year
        if d0 is not None:
            year = _nearest_year(ctx.day, d0.month, d0.day)
    day = on(year)
    if day is None:
        return None
    return _Value(TimexType.DATE, day.isoformat())


_Normaliser = Callable[[re.Match[str], _Ctx], "_Value | None"]
_Accept = Callable[[re.Match[str], str, "Doc | None"], bool]

# --------------------------------------------------------------------------- detection


def _ent_label(doc: Doc | None, start: int, end: int) -> str:
    if doc is None:
        return ""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    for tok in span:
        if tok.ent_type_:
            return str(tok.ent_type_)
    return ""


def _word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 16):pos].split()
    return words[-1].lower().strip("(\"'“‘,") if words else ""


_AFTER_SPOKEN_YEAR = frozenset({"and", "when", "the", "to", "that", "as", "in", "on", "at",
                                "with", "after", "before", "until", "or", "but", "was"})


_NOT_AFTER_MONTH_MODIFIER = frozenset({"for", "of", "on", "against", "to", "through", "in",
                                      "and", "with", "is", "was", "will", "may"})


def _month_modifier(prev: str, text: str, end: int) -> bool:
    """A month name used as a modifier after a determiner ("the March accession")."""
    if prev not in ("the", "a", "an", "this", "that", "its", "their", "his", "her"):
        return False
    nxt = text[end:end + 16].split()
    word = nxt[0] if nxt else ""
    return word.isalpha() and word.islower() and word not in _NOT_AFTER_MONTH_MODIFIER


def _title_cased(m: re.Match[str], text: str) -> bool:
    """A capitalised unit word inside a sentence: part of a name ("This Week", "60 Minutes")."""
    unit = m["unit"]
    if not unit[0].isupper() or unit.lower() in _WEEKDAYS:
        return False
    before = text[max(0, m.start() - 3):m.start()].strip()
    return m.start("unit") > m.start() and before not in ("", ".", "\"", "“", "``", "''")


def _accept_month_name(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A month name read as a month: capitalised, and an ambiguous one ("May", "March")
    only with a date context."""
    mon = m["mon"]
    return mon[0].isupper() and _ambiguous_month_ok(mon.rstrip(".").lower(), m, text, doc)


def _ambiguous_month_ok(key: str, m: re.Match[str], text: str, doc: Doc | None) -> bool:
    groups = m.groupdict()
    named_year = bool(groups.get("year") or groups.get("yrel") or groups.get("sy"))
    if "day" in groups:  # a day and its month: "May 5" is a date only in context, "5 May" is
        if m.start("day") < m.start("mon"):
            return True
        return key != "may" or named_year or _word_before(text, m.start()) in _DATE_PREPS or \
            _ent_label(doc, m.start(), m.end()) == "DATE"
    if named_year:
        return True
    if len(key) <= 4 and key not in ("may", "june", "july"):
        return False  # a bare abbreviation ("Jan") is not a month alone
    if m["rel"] or m["pos"] or (key not in _AMBIGUOUS_MONTHS and key != "august"):
        return True
    prev = _word_before(text, m.start())
    if _modal_may(key, m, text, doc, prev in _DATE_PREPS):
        return False
    return prev in _DATE_PREPS or _month_modifier(prev, text, m.end()) or (
        key not in _AMBIGUOUS_MONTHS and _ent_label(doc, m.start(), m.end()) == "DATE")


#: Words after which "May" in a title-cased headline is the modal verb ("Coffee May Protect").
_MODAL_NEXT = re.compile(r"\s+(?:[Nn]ot\s+)?(?:[Bb]e|[Hh]ave|[A-Z][a-z]+)\b")


def _modal_may(key: str, m: re.Match[str], text: str, doc: Doc | None, after_prep: bool) -> bool:
    """ "May" as the modal verb in a headline ("Coffee May Protect the Liver", "and May Be
    Far from Over"): tagged a modal by the model, or followed by "be", "have", "not" or, after
    a word that does not introduce a date, by another capitalised word."""
    if key != "may":
        return False
    if doc is not None:
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1 and span[0].tag_ == "MD":
            return True
    nxt = _MODAL_NEXT.match(text, m.end())
    if nxt is None:
        return False
    word = nxt[0].split()[-1].lower()
    if word in ("be", "have", "not"):
        return True
    return not after_prep and word not in _MONTHS and word not in _WEEKDAYS


def _accept_capital_month(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return m["mon"][0].isupper()


def _accept_year(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A bare four-digit number is a year after a date preposition or where the model says
    DATE, not before a count noun."""
    if m["s"] or m["pos"] or m["fy"] or m["ty"]:
        return True
    nxt = text[m.end():m.end() + 20].lower().split()
    if nxt and nxt[0].strip(".,;:") in lexicon("timex_not_after"):
        return False
    label = _ent_label(doc, m.start("year"), m.end("year"))
    if label in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"):
        return False
    prev = _word_before(text, m.start("year"))
    return prev in _DATE_PREPS or prev.endswith("'s") or label == "DATE"


def _accept_spoken(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A number word read as a year only where a count cannot be meant."""
    if m[0].lower().startswith("the year"):
        return True
    nxt = text[m.end():m.end() + 12].split()
    word = nxt[0] if nxt else ""
    counts = m["sy"].lower().startswith(("two", "twenty"))
    if counts and word.isalpha() and word.islower() and word not in _AFTER_SPOKEN_YEAR:
        return False
    return not m["sy"].lower().startswith("two") or _word_before(text, m.start()) in _DATE_PREPS


def _accept_qabbr(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return m["qh"].isupper()


def _accept_fy(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return m[0][0].isupper() and m[0][1:2].isupper()


def _accept_rel(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    if _title_cased(m, text):
        return False
    if m["rel"].lower() == "the" and not m["pos"]:
        unit = m["unit"].lower()
        return unit == "weekend" or unit in _SEASONS
    return True


def _accept_dur(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return not _title_cased(m, text) and not _ordinal_second(m, text)


#: Words after "a second" that keep it a length of time ("for a second or two").
_AFTER_A_SECOND = frozenset({"or", "and", "ago", "later", "earlier", "before", "after", "of",
                             "to", "in", "for", "longer", "more", "too", "the", "at", "when",
                             "as", "than", "that", "he", "she", "it", "they", "we", "i", "you"})


def _ordinal_second(m: re.Match[str], text: str) -> bool:
    """ "a second time", "a second term": the ordinal, not a length of one second."""
    if m["unit"].lower() != "second" or m["pl"] or m["dir"] or m["n2"] or m["orso"]:
        return False
    if m["n"].lower() not in ("a", "an"):
        return False
    nxt = re.match(r"[\s-]+([A-Za-z]+)", text[m.end():m.end() + 30])
    return nxt is not None and nxt[1].lower() not in _AFTER_A_SECOND


def _accept_dayrel(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """Not a page label ("Today's Paper", "Today's Edition")."""
    if not m[0].startswith("Today") or text[m.end():m.end() + 2] not in ("'s", "’s"):
        return True
    nxt = text[m.end() + 2:m.end() + 30].split()
    labels = lexicon("timex_page_labels")
    return not (nxt and nxt[0][:1].isupper() and (
        nxt[0].lower().strip(".,:;") in labels or " ".join(nxt[:2]).lower() in labels))


def _accept_fyear(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """Not a capitalised "Year" inside a title ("Sportswoman of the Year")."""
    return not m[0].rstrip().endswith("Year") or (m[0][:1].isupper() and _sentence_initial(
        text, m.start()))


def _accept_weekday(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return m["wd"][0].isupper() or text[m.start():m.end()].islower()


def _accept_oclock(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """ "at 4 in the morning", not "one in the morning group"."""
    return not m["part2"] or _word_before(text, m.start()) in _CLOCK_PREPS


def _accept_set(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """ "a Friday deadline", "a day of talks": a frequency only after a price or a count."""
    if m["q"].lower() in ("a", "an") and not m["f"]:
        return bool(_MONEY_BEFORE.search(text[max(0, m.start() - 16):m.start()]))
    return True


def _accept_ref(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    w = m[0].lower()
    if w == "now" and text[m.end():m.end() + 1] == "-":
        return False
    if w in ("current", "recent", "future") and _word_before(text, m.start()) in ("a", "an"):
        return w != "current"
    return True


def _always(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return True


# --------------------------------------------------------------------------- names

#: Entity labels of names: a time word inside one ("The Sunday Times") is not a time.
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON", "NORP", "GPE",
                          "LOC", "LAW"})
#: Words after a capitalised time word that continue a time, not a name ("Sunday Night").
_TIME_WORDS = frozenset({*_MONTHS, *_WEEKDAYS, *_UNITS, *(u + "s" for u in _UNITS),
                         *_PARTS_OF_DAY, *_SEASONS, "eve", "day", "days", "noon", "midnight",
                         "am", "pm", "a.m.", "p.m."})
_WORD = re.compile(r"[A-Za-z][\w'’.&-]*")
#: Share of capitalised words above which a line is title-cased (a headline), where capitals
#: say nothing about names.
_TITLE_SHARE = 0.7


def _inside_name(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """Whether the match is a word inside a proper name: the model tags a name around it, or
    the text writes one ("the Weekly Standard", "the Example Daily News": a capitalised time
    word between "the" or a capitalised word and a capitalised word that is not a time)."""
    if doc is not None:
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and any(t.ent_type_ in _NAME_LABELS for t in span):
            first, nxt = span[0], doc[span.end] if span.end < len(doc) else None
            if first.ent_iob_ == "I" and first.ent_type_ in _NAME_LABELS:
                return True  # the name began before the time word
            if nxt is not None and nxt.ent_iob_ == "I" and nxt.ent_type_ in _NAME_LABELS:
                return True  # the name goes on after it
    return _written_as_name(m, text)


def _written_as_name(m: re.Match[str], text: str) -> bool:
    words = m[0].split()
    if not words or not words[-1][:1].isupper() or not words[0][:1].isupper():
        return False
    nxt = _WORD.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    if nxt is None or not nxt[0][:1].isupper() or not nxt[0][1:2].islower() \
            or nxt[0].endswith(".") or nxt[0].lower().strip("'’") in _TIME_WORDS:
        return False
    before = text[max(0, m.start() - 40):m.start()]
    prev = re.search(r"([A-Za-z][\w'’.&-]*)\s+$", before)
    if prev is None:
        return False
    pw = prev[1]
    if pw.lower() != "the" and not (pw[:1].isupper() and pw.lower() not in _TIME_WORDS
                                    and not _sentence_initial(text, m.start() - len(prev[0]))):
        return False
    return not _title_cased_line(text, m.start())


def _sentence_initial(text: str, pos: int) -> bool:
    head = text[max(0, pos - 3):pos].rstrip(" \"'“‘(")
    return not head or head[-1] in ".!?\n:"


def _title_cased_line(text: str, pos: int) -> bool:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo:hi if hi >= 0 else len(text)]
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


_CLOCK_PREPS = frozenset({"at", "by", "until", "till", "around", "about", "before", "after",
                          "from", "since", "to"})
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
               "dec")
_UNIT_KEYS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month",
              "quarter", "year", "decade", "centur")
_DIGITS = tuple("0123456789")


class _Rule:
    """One kind of time expression: its pattern, the substrings (lower case) one of which every
    match contains (a segment holding none is not searched), the test a match must pass in its
    context, the normaliser that gives its value, and what the value is to its neighbours."""

    __slots__ = ("_compiled", "_source", "absolute", "accept", "clock", "day", "keys", "name",
                 "normalise", "quarter")

    def __init__(
        self,
        name: str,
        normalise: _Normaliser,
        *,
        pattern: str | None = None,
        lexicon_pattern: Callable[[], re.Pattern[str]] | None = None,
        keys: tuple[str, ...] | None = None,
        accept: _Accept | None = None,
        absolute: bool = False,
        clock: bool = False,
        day: bool = False,
        quarter: bool = False,
    ) -> None:
        self.name, self.normalise, self.keys = name, normalise, keys
        self.accept: _Accept = accept or _always
        #: the expression names its year itself (and so needs no anchor)
        self.absolute = absolute
        #: a time of day that takes the day written right after it ("10 p.m. Wednesday")
        self.clock = clock
        #: a day that a time of day before it falls on
        self.day = day
        #: its value is a quarter that later "a year earlier" moves from
        self.quarter = quarter
        self._source = lexicon_pattern
        self._compiled = _p(pattern) if pattern is not None else None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (a lexicon's pattern is built on first use)."""
        if self._compiled is None:
            assert self._source is not None
            self._compiled = self._source()
        return self._compiled

    def matches(self, text: str, start: int, end: int, low: str,
                doc: Doc | None) -> Iterator[re.Match[str]]:
        """The accepted matches in ``text[start:end]`` (``low``: that text in lower case)."""
        if self.keys is not None and not any(k in low for k in self.keys):
            return
        for m in self.pattern.finditer(text, start, end):
            if m.end() > m.start() and self.accept(m, text, doc) \
                    and not _inside_name(m, text, doc):
                yield m


#: Every rule, in the order that breaks ties between matches of the same extent.
_RULES: tuple[_Rule, ...] = (
    # Friday, Oct. 23, 1998 / Oct. 23 / October 23rd
    _Rule("mdy", _n_mdy, keys=_MONTH_KEYS, accept=_accept_month_name, day=True, pattern=(
        rf"\b(?:{_WD},?\s+)?{_MON}\s*{_DAY}\b(?!\s*(?:%|percent|[-/:]\d))"
        rf"(?:,?\s+(?P<year>{_Y4})\b)?")),
    # 23 October 1998 / the 5th of May
    _Rule("dmy", _n_mdy, keys=_MONTH_KEYS, accept=_accept_month_name, day=True, pattern=(
        rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+(?P<year>{_Y4})\b)?")),
    # 1998-08-07, 8/7/1998
    _Rule("iso", _n_numeric, keys=_DIGITS, absolute=True, pattern=(
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b(?!-)")),
    _Rule("us", _n_numeric, keys=("/",), absolute=True, pattern=(
        r"(?<![\d/])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/"
        r"(?P<year>(?:19|20)?\d\d)\b(?!/)")),
    # late November, last April, mid-March, July 1997, the end of May
    _Rule("month", _n_month, keys=_MONTH_KEYS, accept=_accept_month_name, pattern=(
        rf"\b(?:{_POSP}[\s-]+)?(?:(?P<rel>last|next|this|coming|past|previous)\s+)?"
        rf"{_MON}(?:(?:\s+of)?,?\s+(?:(?P<year>{_Y4})\b|(?P<sy>{_SPOKEN_YEAR})\b)|"
        r"\s+(?P<yrel>last|this|next)\s+year\b)?(?![-\w])")),
    # the winter of 1994
        _Rule("season", _n_season, keys=("spring", "summer", "fall", "autumn", "winter"),
            absolute=True, pattern=(
        rf"\b(?:{_POSP}[\s-]+)?(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"\s+of\s+(?:(?P<year>{_Y4})\b|(?P<sy>{_SPOKEN_YEAR})\b)")),
    # 1990, fiscal 1989, the 1990s, mid-1980s, the '80s, early 1998
    _Rule("year", _n_year, keys=_DIGITS, accept=_accept_year, absolute=True, pattern=(
        rf"(?<![\w$.,/:-])(?:(?P<ty>(?:the\s+)?year\s+)|(?P<the>the\s+)?(?:{_POSP}[\s-]+)?|"
        r"(?P<fy>fiscal|calendar)\s+)"
        rf"(?P<year>{_Y4})(?P<s>'?s)?(?![\w%/-]|[.,:]\d)")),
    # the 2015-16 season, 1990-1995: each year of a range of years
    _Rule("range_from", _n_range_from, keys=("-", "–"), accept=_accept_range, absolute=True,
          pattern=rf"(?<![\w$.,/:–-])(?=[12]\d{{3}}[-–])(?P<year>{_Y4})(?=[-–](?P<to>{_Y4}|\d\d)(?![\w%/–-]|[.,:]\d))"),
    _Rule("range_to", _n_range_to, keys=("-", "–"), accept=_accept_range, absolute=True,
          pattern=rf"(?<=[-–])(?<=(?<![\w$.,/:–-])(?P<from>{_Y4})[-–])(?P<to>{_Y4}|\d\d)(?![\w%/–-]|[.,:]\d)"),
    _Rule("decade2", _n_decade2, keys=("0s",), absolute=True, pattern=(
        r"(?<!\w)(?P<the>the\s+)?(?:(?P<pos>early|late|mid)[\s-]+)?'(?P<dec>\d)0s\b")),
        _Rule("spoken", _n_spoken, keys=("nineteen", "twenty", "thousand"), accept=_accept_spoken,
            absolute=True, pattern=(
        rf"\b(?:the\s+year\s+)?(?P<sy>{_SPOKEN_YEAR})\b(?![\s-]+(?:percent|dollars|"
        r"people|years?|months?|days?|hours?|minutes?))")),
    # Q3, Q3 2025, H1 2024, FY2025, FY 2025
        _Rule("qabbr", _n_qabbr, keys=("q1", "q2", "q3", "q4", "h1", "h2"), accept=_accept_qabbr,
            pattern=(
        rf"\b(?P<qh>[QH])(?P<n>[1-4])\b(?:(?:\s+|\s*['’]|\s+of\s+)"
        rf"(?P<year>{_Y4}|\d\d)\b)?")),
    _Rule("fy", _n_fy, keys=("fy",), accept=_accept_fy, pattern=(
        rf"\bFY\s?(?P<year>{_Y4}|\d\d)\b")),
    # the 20th century, the nineties
    _Rule("century", _n_century, keys=("century",), absolute=True, pattern=(
        r"\b(?:the\s+)?(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[\s-]+century\b")),
    _Rule("decadew", _n_decadew, keys=("ties",), absolute=True, pattern=(
        r"\b(?:the\s+)?(?:(?P<pos>early|late|mid)[\s-]+)?(?P<w>twenties|thirties|"
        r"forties|fifties|sixties|seventies|eighties|nineties)\b")),
    # the third quarter of 1998, third-quarter, the year-ago quarter, the first half
    _Rule("quarter", _n_quarter, keys=("quarter", "half", "period"), quarter=True, pattern=(
        rf"\b(?:(?P<yrel>this|last|next)\s+year['’]s\s+|"
        r"(?P<det>the|this|last|next|that|its|their)\s+)?"
        r"(?:(?P<qmod>same|latest|current|previous|prior|year-ago|year-earlier|"
        r"comparable|fiscal|calendar|recent|past)[\s-]+)?"
        rf"(?:(?P<qy>{_Y4})\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|"
        r"4th|final|last)[\s-]+)?(?P<unit>quarter|half|period)\b(?!-)"
        rf"(?:(?:\s+of)?(?:\s+fiscal)?\s+(?P<year>{_Y4})\b)?")),
    # last week, this year, next month, the past year, earlier this month, last summer,
    # last Friday, the next day, that year, the end of the year
        _Rule("rel", _n_rel, keys=(*_UNIT_KEYS, "spring", "summer", "fall", "autumn", "winter",
            "morning", "afternoon",
            "evening"), accept=_accept_rel, pattern=(
        rf"\b(?:{_POSP}[\s-]+)?(?P<the>the\s+|this\s+(?=past|coming))?"
        r"(?P<rel>this|last|next|past|coming|"
        r"previous|following|current|same|that|prior|the)\s+"
        r"(?P<unit>week(?:end)?|month|year|quarter|decade|century|day|spring|summer|fall|"
        rf"autumn|winter|morning|afternoon|evening|night|{_WD_ALT})\b(?!-)")),
    # today, yesterday morning, late yesterday, tonight
        _Rule("dayrel", _n_dayrel, keys=("today", "tonight", "yesterday", "tomorrow"), day=True,
            accept=_accept_dayrel,
            pattern=(
        r"\b(?:(?P<pos>early|late|earlier|later)\s+|the\s+day\s+(?P<da>after|before)\s+)?"
        r"(?P<w>today|tonight|yesterday|tomorrow)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b")),
    # Friday, Wednesday night, Tuesday nights
    _Rule("weekday", _n_weekday, keys=("day",), accept=_accept_weekday, day=True, pattern=(
        rf"\b(?:(?P<pos>early|late)\s+)?{_WD}(?P<pl>s)?"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night)(?P<pl2>s)?)?\b")),
    # 3 p.m., 10:30 a.m. EST, noon, midnight
    _Rule("clock", _n_clock, keys=("m",), clock=True, pattern=(
        rf"(?<![\w.:])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*{_AMPM}{_TZ}")),
    _Rule("clock24", _n_clock24, keys=(":",), clock=True, pattern=(
        r"(?<![\w.:$])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])"
        r"(?:\s*(?P<h24>h|hrs|hours|GMT|UTC|local\s+time))?")),
    # 2:14:08 (a race time), 14:35:08 GMT
    _Rule("hms", _n_hms, keys=(":",), pattern=(
        r"(?<![\w.:])(?P<h>\d{1,3}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])"
        r"(?:\s*(?P<ap>[ap]\.m\.|[ap]m\b)|\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?")),
    # a second term, his third term (of an office named before)
    _Rule("term", _n_term, keys=("term",), pattern=(
        r"\b(?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)[\s-]+term\b(?!-)")),
    # mid-morning, mid afternoon, late evening (the day last mentioned)
    _Rule("midpart", _n_midpart, keys=("morning", "afternoon", "evening"), clock=True, pattern=(
        r"\b(?P<pos>mid|early|late)[\s-]?(?P<pod>morning|afternoon|evening)\b(?!-)")),
    _Rule("noon", _n_noon, keys=("noon", "midnight", "midday"), clock=True, pattern=(
        r"\b(?P<w>noon|midnight|midday)\b")),
    # six o'clock, 4 o’clock in the afternoon, 4 in the morning
        _Rule("oclock", _n_oclock, keys=("clock", "in the", "at night"), accept=_accept_oclock,
            clock=True, pattern=(
        r"(?<![\w.:$])(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|"
        r"nine|ten|eleven|twelve)(?:\s+o['’]\s?clock\b(?:\s+(?P<part>in\s+the\s+"
        r"(?:morning|afternoon|evening)|at\s+night))?|\s+(?P<part2>in\s+the\s+"
        r"(?:morning|afternoon|evening)|at\s+night)\b)")),
    # two years, less than 48 hours, the past two months, a year ago, two days later,
    # two-year, a minute and a half, two or three years
    _Rule("dur", _n_dur, keys=_UNIT_KEYS, accept=_accept_dur, pattern=(
        rf"\b(?:{_MODP}\s+)?(?:(?P<the>the|these|those)\s+)?(?:(?P<rel>past|last|next|"
        r"coming|first|final|latest|previous|following|initial|remaining|recent|same|"
        rf"better\s+part\s+of\s+the|other)\s+)?(?P<n>{_NUM})(?:\s+(?:or|to)\s+"
        rf"(?P<n2>{_NUM}))?(?P<half>\s+and\s+a\s+half)?(?P<adj>\s+(?:more|additional|extra|straight|"
        rf"consecutive|trading|business|full|working))?(?P<hy>[\s-]+){_UNIT}(?P<pl>s)?"
        r"(?P<half2>\s+and\s+a\s+half)?(?P<long>-long)?(?P<orso>\s+or\s+(?:so|two|three|more))?"
        r"(?:\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|old|of\s+age))?"
        r"(?![\w-])")),
    # half an hour, half a century
    _Rule("half", _n_half, keys=("half",), pattern=(
        r"\b(?:(?P<mod>about|nearly|almost|more\s+than|less\s+than)\s+)?half\s+an?\s+"
        r"(?P<unit>minute|hour|day|year|decade|century)\b")),
    # for years, decades-long, months ago, recent weeks, the coming months
    _Rule("plural", _n_plural, keys=_UNIT_KEYS, pattern=(
        r"\b(?:(?P<pre>recent|coming|the\s+coming|the\s+next\s+few|the\s+last\s+few|"
        r"the\s+past\s+few|the\s+next|the\s+past|the\s+last|in\s+recent)\s+)?"
        r"(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)"
        r"(?:(?P<long>-long)|\s+(?P<dir>ago|later|earlier))?\b")),
    # the fiscal year, the current year, the full year, the year ended June 30
    _Rule("fyear", _n_fyear, keys=("year",), accept=_accept_fyear, pattern=(
        r"\b(?P<det>the|this|its|their|last|next|that)\s+(?:(?P<adj>current|latest|"
        r"full|past|previous|prior|coming|new|same|entire|whole)\s+)?(?P<fisc>fiscal\s+|"
        r"calendar\s+|financial\s+|model\s+)?year\b(?![-'’])(?P<ended>\s+(?:ended|ending|"
        r"that\s+ended))?")),
    # year-ago, year-earlier (as modifiers)
    _Rule("yearago", _n_yearago, keys=("year-",), pattern=(
        r"\b(?P<w>year-ago|year-earlier|a\s+year-ago|a\s+year-earlier)\b(?!\s+"
        r"(?:quarter|period|half))")),
    # year-end, year's end, the end of the year (the latter through "rel")
    _Rule("yearend", _n_yearend, keys=("year", "month-end"), pattern=(
        r"\b(?:around\s+)?(?P<w>year-end|year\s+end|year['’]s\s+end|month-end)\b")),
    # each July
    _Rule("eachmonth", _n_eachmonth, keys=_MONTH_KEYS, accept=_accept_capital_month, pattern=(
        rf"\b(?P<q>every|each)\s+{_MON}\b")),
    # every week, each Thursday, twice a year, per day, daily
        _Rule("set", _n_set, keys=(*_UNIT_KEYS, "morning", "afternoon", "evening"),
            accept=_accept_set, pattern=(
        r"\b(?:(?P<f>once|twice|thrice|(?:\d+|[a-z]+)\s+times)\s+)?(?P<q>every|each|per|a|an)"
        r"\s+(?P<other>other\s+)?(?P<unit>second|minute|hour|day|night|week(?:end)?|month|"
        rf"quarter|year|decade|{_WD_ALT}|morning|afternoon|evening)\b")),
    _Rule("ref", _n_ref, accept=_accept_ref, lexicon_pattern=lambda: _refs()[0]),
    _Rule("setword", _n_setword, keys=("ly",), lexicon_pattern=lambda: _sets()[0]),
    _Rule("holiday", _n_holiday, keys=("day", "christmas", "eve", "year", "thanksgiving",
                                    "halloween"), lexicon_pattern=lambda: _holidays()[0]),
)


def _candidates(text: str, start: int, end: int, doc: Doc | None) -> Iterator[_Cand]:
    low = text[start:end].lower()
    if not low.strip():
        return
    for rule in _RULES:
        for m in rule.matches(text, start, end, low, doc):
            yield _Cand(m.start(), m.end(), rule, m)


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, the longest winning (then the earliest)."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    for c in cands:
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
                while len(out) > 1 and out[-2].end > out[-1].start:
                    prev = out.pop(-2)
                    if prev.end - prev.start > out[-1].end - out[-1].start:
                        out[-1] = prev
            continue
        out.append(c)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    while start < end and text[start] in " \t\n,;:":
        start += 1
    return start, end


def _detect(text: str, doc: Doc | None, ranges: Sequence[tuple[int, int]]) -> list[_Cand]:
    cands: list[_Cand] = []
    for s, e in ranges:
        cands.extend(_candidates(text, s, e, doc))
    return _resolve(cands)


_YEAR_GROUPS = ("year", "sy", "qy")


def _is_absolute(c: _Cand) -> bool:
    """Whether the expression names its year itself (and so needs no anchor)."""
    if c.rule.absolute:
        return True
    groups = c.match.groupdict()
    return any(groups.get(g) for g in _YEAR_GROUPS)


_CLOCK_DAY_GAP = re.compile(r"\s*(?:,\s*|on\s+)?")


def _bare_weekday(m: re.Match[str]) -> bool:
    """A weekday alone ("Wednesday", not "Wednesdays" nor "Wednesday, Oct. 4")."""
    return "pl2" in m.re.groupindex and not (m["pl"] or m["pl2"])


def _with_day(text: str, clock: _Cand, nxt: _Cand, val: _Value, ctx: _Ctx) -> _Value | None:
    """A time of day followed by its day ("10 p.m. Wednesday", "5 p.m. EST Nov. 9")."""
    if not nxt.rule.day or not _CLOCK_DAY_GAP.fullmatch(text, clock.end, nxt.start):
        return None
    if _bare_weekday(nxt.match):
        wd = _WEEKDAYS[nxt.match["wd"].lower()]
        when = _weekday_date(ctx.day, wd, ctx.day_tense(clock.start, nxt.end))
        return None if val.value is None else val._replace(
            value=when.isoformat() + val.value[10:])
    day = nxt.rule.normalise(nxt.match, ctx)
    if day is None or not day.value or not re.match(r"\d{4}-\d\d-\d\d", day.value) \
            or val.value is None:
        return None
    return val._replace(value=day.value[:10] + val.value[10:])


def _times(text: str, doc: Doc | None, ranges: Sequence[tuple[int, int]],
           anchor: dt.datetime, anchor_name: str) -> tuple[TimeExpression, ...]:
    ctx = _Ctx(text, doc, anchor)
    out: list[TimeExpression] = []
    cands = _detect(text, doc, ranges)
    skip = -1
    for i, c in enumerate(cands):
        if i == skip:
            continue
        try:
            val = c.rule.normalise(c.match, ctx)
        except (ValueError, OverflowError):  # a calendar out of range ("9999 years later")
            continue
        if val is None:
            continue
        s, e = _trim(text, val.start if val.start is not None else c.start,
                     val.end if val.end is not None else c.end)
        if c.rule.clock and i + 1 < len(cands):
            try:
                merged = _with_day(text, c, cands[i + 1], val, ctx)
            except (ValueError, OverflowError):
                merged = None
            if merged is not None:
                val, e, skip = merged, cands[i + 1].end, i + 1
        if e <= s:
            continue
        span = interval(val.value, anchor.tzinfo) if val.type is not TimexType.SET else None
        tid = f"T{len(out) + 1}"
        focus_id, quarter_id = ctx.focus.day_id, ctx.focus.quarter_id
        if span is not None and val.value and val.type in (TimexType.DATE, TimexType.TIME) \
                and val.anchored != "focus" and val.moves:
            ctx.focus.update(val.value, tid, quarter=c.rule.quarter)
        anchor_of = {"focus": focus_id, "quarter": quarter_id}.get(val.anchored or "") \
            or anchor_name
        relative = (not _is_absolute(c) or val.anchored is not None) \
            and val.anchored != "unknown"
        out.append(TimeExpression(
            id=tid, span=Span.of(text, s, e), type=val.type, value=val.value, mod=val.mod,
            start=span[0] if span else None, end=span[1] if span else None,
            anchor=anchor_of if relative and val.type is not TimexType.DURATION else None,
            granularity=granularity(val.value) if span else None,
            quant=val.quant, freq=val.freq,
        ))
    return tuple(out)


def extract_times(
    doc: Doc,
    text: str,
    segments: Sequence[Segment],
    anchor: dt.datetime,
    anchor_name: str = "published",
) -> tuple[TimeExpression, ...]:
    """Time expressions in the content segments and the dateline, with TIMEX3 values anchored
    on ``anchor``.

    ``anchor_name`` is recorded on every relative expression resolved against the anchor
    (``"published"`` or ``"reference"``); expressions resolved against an earlier one
    ("two days later") name its id instead.
    """
    ranges = [(s.span.start, s.span.end) for s in segments if s.kind in _BODY]
    return _times(text, doc, ranges, anchor, anchor_name)


_LEADING_PREPOSITIONS = frozenset({"by", "on", "in", "at", "until", "till", "before", "after",
                                   "since", "for", "within", "from", "during", "through", "of"})


def normalise(
    text: str, anchor: dt.datetime, *, doc: Doc | None = None
) -> TimeExpression | None:
    """The time expression that ``text`` is (after any leading prepositions, as in "by
    Friday"), anchored on ``anchor``; ``None`` when ``text`` is not one time expression.

    Without a parse, the direction of a bare weekday or month comes from the words before it
    ("by Friday" looks ahead, "since March" back) and otherwise from the past.
    """
    found = _times(text, doc, [(0, len(text))], anchor, "anchor")
    if len(found) != 1:
        return None
    t = found[0]
    before, after = text[:t.span.start].lower().split(), text[t.span.end:].strip(" .,;:")
    if after or not all(w in _LEADING_PREPOSITIONS for w in before):
        return None
    return t
