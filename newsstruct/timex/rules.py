"""The rule objects (pattern, prefilter keys, acceptance, normaliser) and their table."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from newsstruct.timex.accept import (
    _accept_capital_month,
    _accept_dayrel,
    _accept_dur,
    _accept_fy,
    _accept_fyear,
    _accept_month_name,
    _accept_month_word,
    _accept_oclock,
    _accept_qabbr,
    _accept_ref,
    _accept_rel,
    _accept_set,
    _accept_spoken,
    _accept_weekday,
    _accept_year,
    _always,
    _inside_name,
)
from newsstruct.timex.anchor import _Ctx, _Value
from newsstruct.timex.dates import (
    _accept_range,
    _n_century,
    _n_decade2,
    _n_decadew,
    _n_fy,
    _n_mdw,
    _n_mdy,
    _n_month,
    _n_numeric,
    _n_qabbr,
    _n_quarter,
    _n_range_from,
    _n_range_to,
    _n_season,
    _n_spoken,
    _n_year,
)
from newsstruct.timex.relative import (
    _n_clock,
    _n_clock24,
    _n_dayrel,
    _n_dur,
    _n_eachmonth,
    _n_fyear,
    _n_half,
    _n_hms,
    _n_holiday,
    _n_midpart,
    _n_noon,
    _n_oclock,
    _n_plural,
    _n_ref,
    _n_rel,
    _n_set,
    _n_setword,
    _n_term,
    _n_weekday,
    _n_yearago,
    _n_yearend,
)
from newsstruct.timex.vocab import (
    _AMPM,
    _DAY,
    _DAYW,
    _MODP,
    _MON,
    _NUM,
    _POSP,
    _SPOKEN_YEAR,
    _TZ,
    _UNIT,
    _WD,
    _WD_ALT,
    _Y4,
    _holidays,
    _p,
    _refs,
    _sets,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


class _Cand(NamedTuple):
    start: int
    end: int
    rule: _Rule
    match: re.Match[str]


_Normaliser = Callable[[re.Match[str], _Ctx], "_Value | None"]
_Accept = Callable[[re.Match[str], str, "Doc | None"], bool]
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
    # April One, July three 1987
    _Rule("mdw", _n_mdw, keys=_MONTH_KEYS, accept=_accept_month_word, day=True, pattern=(
        rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAYW}(?:,?\s+(?P<year>{_Y4})\b)?")),
    # 1998-08-07, 8/7/1998
    _Rule("iso", _n_numeric, keys=_DIGITS, absolute=True, pattern=(
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b(?!-)")),
    _Rule("us", _n_numeric, keys=("/",), absolute=True, pattern=(
        r"(?<![\d/])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/"
        r"(?P<year>(?:19|20)?\d\d)\b(?!/)")),
    # late November, last April, mid-March, July 1997, the end of May, March of next year
    _Rule("month", _n_month, keys=_MONTH_KEYS, accept=_accept_month_name, pattern=(
        rf"\b(?:{_POSP}[\s-]+)?(?:(?P<rel>last|next|this|coming|past|previous)\s+)?"
        rf"{_MON}(?:(?:\s+of)?,?\s+(?:(?P<year>{_Y4})\b|(?P<sy>{_SPOKEN_YEAR})\b)|"
        r"(?:\s+of)?\s+(?P<yrel>last|this|next)\s+year\b)?(?![-\w])")),
    # the winter of 1994, the spring of next year
        _Rule("season", _n_season, keys=("spring", "summer", "fall", "autumn", "winter"),
            pattern=(
        rf"\b(?:{_POSP}[\s-]+)?(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"\s+of\s+(?:(?P<year>{_Y4})\b|(?P<sy>{_SPOKEN_YEAR})\b|"
        r"(?P<yrel>last|this|next)\s+year\b)")),
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
