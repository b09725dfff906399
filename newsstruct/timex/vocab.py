"""Words and patterns of time expressions: month, weekday, unit and number words, the
regular-expression pieces the rules are built from, and the lexicons read from ``data/``.
"""

from __future__ import annotations

import re
from functools import cache

from newsstruct.calendar import MONTHS, WEEKDAY_NAMES, month_regex
from newsstruct.data import lexicon
from newsstruct.types import SegmentKind, TimexMod

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
#: A day of the month written as a word ("expire April One", "payable March three"), and what
#: may follow it: a year, a stop, or a word that starts no noun phrase (so "in May two firms"
#: is no date).
_DAYW = (r"(?P<dw>one|two|three|four|five|six|seven|eight|nine)"
         r"(?=\s*(?:[.,;:)]|$|(?:1[6-9]\d\d|20\d\d)\b|(?:to|when|unless|and|or|at|in|for|"
         r"from|with|until|after|before|if)\b))")
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


@cache
def _terms() -> tuple[re.Pattern[str], dict[str, int]]:
    table = {k: int(v) for k, v in (line.split("\t", 1) for line in lexicon("timex_terms"))}
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(table, key=len,
                                                                         reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE), table


_MONEY_BEFORE = re.compile(r"(?:\d|%|\bpercent|\bmillion|\bbillion|\btrillion|\bdollars?|"
                           r"\bcents?|\beuros?|\bpounds?|\byen|\bhead|\bapiece)\W{0,2}$", re.I)
