"""Bylines: author names and the published / updated time from byline and dateline text.

Names are split on commas, "and", "&" and "with"; job titles ("Staff Writer", "Lifestyle
Writer"), affiliations ("Reuters", "Special to the Pioneer Press"), an outlet's name after the
person's ("Mike Isaac New York Times"), handles (also glued: "Jane Doe@janedoe"), e-mail
addresses, category labels and dates (also glued: "Jane DoePublished Jul 17") are cut away;
a name printed twice is read once; ALL-CAPS names are put in title case, a nickname in quotes
is kept ('Amanda "Mae" Tan'). "Photo by" and "Video by" credit a picture, not the article.

A name after "By" is an author. A name on a line without "By" is one when the evidence for a
person adds up to :data:`PERSON_THRESHOLD`, each kind with a named weight
(:func:`person_score`): its first word is a known given name (``byline_given_names.txt``,
rebuilt from a general list by ``benchmarks/build_given_names.py``), the spaCy pass reads a
PERSON there (``parse_byline``'s ``doc``), it stands before a known outlet, it is joined by
"and" to an author, or its line stands between the headline and a date line; the model
reading a place there, or a first word that opens place names, count against it. Names after
"By" win over such lines. Such lines are no byline when one of them opens a line of
something else ("Jane Doe 100 backstroke": a list), when they carry the dates of a list of
posts, or for a name the headline speaks of. Organisations ("European Space Agency",
``byline_org_words.txt``) and a one-word name that opens a longer name on the page
("Vortex" of "Vortex Cannon Entertainment") are no authors; nor is a "By" line under a
heading inside the body, which signs a part of the article (unless the page has no byline
of its own and the line heads a byline block with its date). Names listed one or more a
line under a line that is only "By" are authors.

With no name in the byline: a name line right above or below a date line near the headline
("Jane Doe" / "November 19th, 2019"), after a date that opens a line, or under a line that
is only "By"; a note after the article ("Jane Doe is a staff writer ...", "About the author
- Jane Doe", "Author: Jane Doe", "I'm Jane Doe."); a "By" line above the first paragraph
("---- by Jane Doe") or names written with a degree above it ("* Jane Doe, PhD"); a link
to the author's articles; else the person holding the copyright of a personal site
("Copyright (c) 2012- Jane Doe").

Times are read without dateparser, by patterns for the forms pages show ("Nov. 19, 2019",
"Published 7:05 PM EST, Tue March 3, 2020", "2019-11-19T12:48:14Z", "11/19/19 06:56 AM EST",
"21.10.2019", "2021/09/19", "Updated Nov 19, 6:55 AM" with the year of the reference date,
"Jane DoeNovember 6, 2023", "Published 2 November 23" with a two-digit year, a dateline
"March 3, 2016 -- ..."); the local day and the zone named are kept. "02/10/2020" is read as the page
writes its other dates (``writes_day_first``: "21/06/2014" or "2 October 2020" against
"11/19/2019" or "October 2, 2020"); on a page that shows no order it is left unread, with
a warning (:func:`date_warnings`). Relative times ("1 month Ago", "2 hours ago",
"yesterday") are resolved against the reference date and used only when no absolute date is
written; a duration ("4 min read") is no time. The first date not marked "Updated" is the
published one. With no date in the byline: the first date near the headline (with no
headline found, near the first paragraph), else the first date the page labels as
published (or posted, updated), else the absolute date closest to the headline; in each
case only a date that stands on its own (a date line, a short line that is not a sentence,
a date closing a line after a sentence) or that the page labels: a date inside a sentence
("The deadline is Nov. 1.") is what the article speaks of, not when it was published, and
so is the date of an embedded post ("— Jane Doe (@janedoe) November 1, 2019"). Date lines
that recur a few lines apart date a list of teasers and are passed over.
"""

from __future__ import annotations

import bisect
import calendar
import contextvars
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from newsstruct.data import lexicon
from newsstruct.layout.cues import (
    AUTHOR_NOTE,
    DATE_PATTERN,
    NOT_AFTER_BY,
    given_names,
    is_byline_line,
    is_date_line,
    is_dated_credit,
)
from newsstruct.types import (
    Author,
    Byline,
    Granularity,
    ParseWarning,
    PublishedTime,
    Segment,
    SegmentKind,
    Span,
    WarningCode,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["date_warnings", "page_reference_date", "parse_byline", "parse_time",
           "person_score", "split_authors", "writes_day_first"]

_UNITS = {
    "second": dt.timedelta(seconds=1),
    "minute": dt.timedelta(minutes=1),
    "hour": dt.timedelta(hours=1),
    "day": dt.timedelta(days=1),
    "week": dt.timedelta(weeks=1),
}
_UNIT_ALIASES = {"sec": "second", "min": "minute", "hr": "hour"}
_UNIT_GRANULARITY = {
    "second": Granularity.SECOND,
    "minute": Granularity.MINUTE,
    "hour": Granularity.HOUR,
    "day": Granularity.DAY,
    "week": Granularity.DAY,
    "month": Granularity.DAY,
    "year": Granularity.DAY,
}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_MONTHS = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}

_MONTH = (r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_TIME = (r"(?:,?\s*(?:at\s+|[-–—|•/@]\s*)?(?P<hh>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?::\d{2})?"
         r"\s*(?P<ap>[ap]\.?m\.?)?(?:\s*\(?(?P<tz>[ECMP][SD]?T|UTC|GMT|BST|CES?T|IST|AES?T|JST|"
         r"ET|PT|CT|Z|[+-]\d{2}:?\d{2})\)?)?)?")
_ABSOLUTE = re.compile(
    # a month name may be run into the word or the year before it ("Jane DoeNovember 6,
    # 2023", "August 2, 2019August 2, 2019")
    r"(?:(?<![\w/.-])|(?-i:(?<=[a-z\d])(?=[A-Z][a-z])))(?:"
    r"(?P<iso>(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d{2})(?P=isep)(?P<id>\d{2}))"
    r"(?:[T ](?P<ih>\d{2}):(?P<imi>\d{2})"
    r"(?::\d{2}(?:\.\d+)?)?(?P<iz>Z|[+-]\d{2}:?\d{2})?)?"
    r"|" + _MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH.format(g="m2")
    # a two-digit year ("updated 3 May 18"), not an hour ("3 May 18:30")
    + r",?\s+(?P<y2>\d{4}|\d{2}(?![:.]?\d))"
    r"|(?P<n1>\d{1,2})(?P<sep>[/.])(?P<n2>\d{1,2})(?P=sep)(?P<n3>\d{4}|\d{2})"
    r")(?:(?![\w/])|(?-i:(?=[A-Z][a-z])))" + _TIME,
    re.IGNORECASE,
)
_NO_YEAR = re.compile(
    r"(?<![\w/.-])(?:" + _MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format(g="m2") + r")(?![\w/]|,?\s*\d{4})",
    re.IGNORECASE,
)
_TIME_FIRST = re.compile(
    r"(?P<hh>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ap>[ap]\.?m\.?)?\s*(?P<tz>[ECMP][SD]?T|UTC|GMT|BST)?"
    r"\s*[,|•-]?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>sec|second|min|minute|hour|hr|day|week|month|year)s?(?P<ago>\s+ago)?\b"
    r"|\b(?P<word>yesterday|today|just now)\b",
    re.IGNORECASE,
)
#: A length of time after a number and unit ("4 min read", "2 minute watch"), not a time.
_DURATION = re.compile(r"\s*(?:read|watch|listen|video|audio)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|last edited|edited)\b[^\d]{0,20}$", re.IGNORECASE)
_FIRST_PUBLISHED = re.compile(r"\b(?:published|posted|first published)\b", re.IGNORECASE)


def _add_months(d: dt.datetime, months: int) -> dt.datetime:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return d.replace(year=year, month=month, day=day)


def _hour(hh: str | None, ap: str | None) -> int | None:
    if hh is None:
        return None
    h = int(hh)
    if ap:
        pm = ap.lower().startswith("p")
        if h == 12:
            h = 0
        if pm:
            h += 12
    return h if 0 <= h < 24 else None


def _year(digits: str) -> int:
    """A year written with four digits or two ("18": 2018, "95": 1995)."""
    n = int(digits)
    if len(digits) > 2:
        return n
    return n + (2000 if n < TWO_DIGIT_PIVOT else 1900)


#: Two-digit years under this are of this century ("18": 2018), others of the last ("95").
TWO_DIGIT_PIVOT = 70


def _absolute_value(
    m: re.Match[str], day_first: bool | None = False
) -> tuple[dt.datetime, bool, str | None] | None:
    """The datetime a match of ``_ABSOLUTE`` denotes, whether it has a time, and its zone;
    ``day_first`` reads "02/10/2020" as 2 October (the page writes its dates that way), and
    ``None`` (the page shows no order) leaves such a date unread."""
    g = m.groupdict()
    try:
        if g["iso"]:
            day = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
            if g["ih"] is not None:
                t = dt.time(int(g["ih"]), int(g["imi"]))
                return dt.datetime.combine(day, t), True, g["iz"]
            hh, mi, ap, tz = None, None, None, None
        else:
            if g["m1"]:
                month, d, year = _MONTHS[g["m1"].lower()], int(g["d1"]), int(g["y1"])
            elif g["m2"]:
                month, d, year = _MONTHS[g["m2"].lower()], int(g["d2"]), _year(g["y2"])
            else:
                n1, n2, year = int(g["n1"]), int(g["n2"]), _year(g["n3"])
                if g["sep"] == "/" and day_first is None and n1 != n2 and max(n1, n2) <= 12:
                    # "02/10/2020" on a page that shows no order: left unread
                    return None
                # day first for dotted dates, when the first number cannot be a month and
                # on pages that write their dates day first
                if n1 > 12 or ((g["sep"] == "." or day_first) and n2 <= 12):
                    d, month = n1, n2
                else:
                    month, d = n1, n2
            day = dt.date(year, month, d)
            hh, mi, ap, tz = g["hh"], g["mi"], g["ap"], g["tz"]
        if not 1990 <= day.year <= 2100:
            return None
        hour = _hour(hh, ap)
        if hour is not None and (mi is not None or ap):
            minute = int(mi) if mi else 0
            if minute < 60:
                return dt.datetime.combine(day, dt.time(hour, minute)), True, tz
        return dt.datetime.combine(day, dt.time()), False, None
    except (ValueError, KeyError):
        return None


def _relative(m: re.Match[str], reference: dt.datetime) -> tuple[dt.datetime, Granularity, bool]:
    word = (m.group("word") or "").lower()
    if word:
        days = {"yesterday": 1, "today": 0, "just now": 0}[word]
        value = (reference - dt.timedelta(days=days)).replace(
            hour=0, minute=0, second=0, microsecond=0)
        return value, Granularity.DAY, False
    raw_n = m.group("n").lower()
    n = int(raw_n) if raw_n.isdigit() else _NUMBER_WORDS[raw_n]
    unit = m.group("unit").lower()
    unit = _UNIT_ALIASES.get(unit, unit)
    if unit == "month":
        value = _add_months(reference, -n)
    elif unit == "year":
        value = _add_months(reference, -12 * n)
    else:
        value = reference - n * _UNITS[unit]
    gran = _UNIT_GRANULARITY[unit]
    if gran is Granularity.DAY:
        value = value.replace(hour=0, minute=0, second=0, microsecond=0)
    return value, gran, unit in ("week", "month", "year")


def iter_times(
    text: str, offset: int, source: str, reference: dt.datetime, *, relative: bool = True,
    day_first: bool | None = False,
) -> Iterator[PublishedTime]:
    """Every published-looking time written in ``text`` (found at ``offset`` in ``source``),
    in order: absolute dates first where both kinds overlap."""
    found: list[PublishedTime] = []
    taken: list[tuple[int, int]] = []
    for m in _ABSOLUTE.finditer(text):
        got = _absolute_value(m, day_first)
        if got is None:
            continue
        value, has_time, tz = got
        start, end = m.start(), m.end()
        end = start + len(text[start:end].rstrip(" ,|•-–—/@"))
        before = _TIME_FIRST.search(text[:start])
        if before and not has_time:
            hour = _hour(before.group("hh"), before.group("ap"))
            if hour is not None and int(before.group("mi")) < 60:
                value = value.replace(hour=hour, minute=int(before.group("mi")))
                has_time, tz, start = True, before.group("tz") or tz, before.start()
        updated = bool(_UPDATED.search(text[:start])) and not _FIRST_PUBLISHED.search(
            text[max(0, start - 20):start])
        found.append(PublishedTime(
            span=Span.of(source, offset + start, offset + end), value=value,
            granularity=Granularity.MINUTE if has_time else Granularity.DAY,
            timezone=tz, updated=updated))
        taken.append((start, end))
    if not found:
        for m in _NO_YEAR.finditer(text):
            g = m.groupdict()
            month = _MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
            try:
                day = dt.date(reference.year, month, int(g["d1"] or g["d2"]))
            except ValueError:
                continue
            if day > reference.date():
                day = day.replace(year=day.year - 1) if not (month == 2 and day.day == 29) else day
            start, end = m.start(), m.end()
            found.append(PublishedTime(
                span=Span.of(source, offset + start, offset + end),
                value=dt.datetime.combine(day, dt.time()), granularity=Granularity.DAY,
                approximate=True, updated=bool(_UPDATED.search(text[:start]))))
            taken.append((start, end))
    if relative and not found:
        for r in _RELATIVE.finditer(text):
            if any(s <= r.start() < e for s, e in taken):
                continue
            if r.group("n") and not r.group("ago") and (not re.search(
                r"(?:^|[|/•·,]\s*)$", text[: r.start()]
            ) or _DURATION.match(text, r.end())):
                # "5 hours" after a separator is a time ago; "4 min read" a duration
                continue
            value, gran, approx = _relative(r, reference)
            updated = bool(_UPDATED.search(text[: r.start()]))
            found.append(PublishedTime(
                span=Span.of(source, offset + r.start(), offset + r.end()), value=value,
                granularity=gran, relative=True, approximate=approx, updated=updated))
    found.sort(key=lambda t: t.span.start)
    yield from found


def parse_time(
    text: str, offset: int, source: str, reference: dt.datetime, *, updated: bool = False,
    day_first: bool | None = False,
) -> PublishedTime | None:
    """The first published time written in ``text`` (found at ``offset`` in ``source``)."""
    for t in iter_times(text, offset, source, reference, day_first=day_first):
        if updated and not t.updated:
            return PublishedTime(span=t.span, value=t.value, granularity=t.granularity,
                                 relative=t.relative, approximate=t.approximate,
                                 timezone=t.timezone, updated=True)
        return t
    return None


def page_reference_date(text: str) -> dt.datetime | None:
    """The latest absolute date written anywhere in ``text`` (end of that day), if any."""
    best: dt.date | None = None
    for m in _ABSOLUTE.finditer(text):
        got = _absolute_value(m)
        if got is not None and (best is None or got[0].date() > best):
            best = got[0].date()
    return None if best is None else dt.datetime.combine(best, dt.time(23, 59))


_SLASHED = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\w/])")
_DAY_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH.format(g="m")
                        + r",?\s+\d{4}\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b" + _MONTH.format(g="m") + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
                        re.IGNORECASE)


def writes_day_first(text: str) -> bool | None:
    """Whether the page writes its dates day first, so that "02/10/2020" is 2 October:
    its slashed dates that can be read one way only ("21/06/2014" against "11/19/2019")
    decide, else its dates with the month spelled out ("2 October 2020" against
    "October 2, 2020"); ``None`` when the page shows neither order more than the other."""
    day_first = month_first = 0
    for m in _SLASHED.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        day_first += a > 12 >= b
        month_first += b > 12 >= a
    if day_first != month_first:
        return day_first > month_first
    spelled_day_first, spelled_month_first = len(_DAY_MONTH.findall(text)), len(
        _MONTH_DAY.findall(text))
    if spelled_day_first == spelled_month_first:
        return None
    return spelled_day_first > spelled_month_first


def date_warnings(source: str, segments: Sequence[Segment]) -> tuple[ParseWarning, ...]:
    """A warning for each numeric date of a byline or dateline that reads two ways
    ("02/10/2020") on a page that does not show which: such a date is left unread."""
    lines = [s for s in segments if s.kind in (SegmentKind.BYLINE, SegmentKind.DATELINE)
             and "/" in s.span.text]
    found = [(s, m) for s in lines for m in _SLASHED.finditer(s.span.text)
             if int(m.group(1)) != int(m.group(2)) and max(int(m.group(1)), int(m.group(2))) <= 12]
    if not found or writes_day_first(source) is not None:
        return ()
    out = []
    for seg, m in found:
        a, b = int(m.group(1)), int(m.group(2))
        start = seg.span.start + m.start()
        out.append(ParseWarning(
            code=WarningCode.AMBIGUOUS_DATE, span=Span.of(source, start, start + len(m.group(0))),
            message=f"{m.group(0)!r} may be {calendar.month_name[a]} {b} or "
                    f"{calendar.month_name[b]} {a}, and the page shows no day order: "
                    "left unread"))
    return tuple(out)


# --------------------------------------------------------------------------- names

_BY = re.compile(
    r"(?:^|(?<=[\s|•·/,:;—–-]))(?:(?:written|posted|reported|words|story|text|analysis|"
    r"commentary|opinion|interview|review|compiled|edited|published)\s+)?"
    r"(?:by|byline|authors?)\s*[:|]?\s*(?=[A-Za-z@“\"'])",
    re.IGNORECASE,
)
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_CUT = re.compile(
    r"\s+[|•·/—–]\s*|\s+-{1,2}\s+|\s*\(|\S+@[\w-]+\.[a-z]{2,}|@|https?://|www\.|\s+(?:on|at|for|from|in)\s+"
    r"(?=[A-Z\d])|\b(?:updated|published|posted|last updated|view (?:more|all|my)|follow|"
    r"email|e-mail|read more|more from|special to|contact|categories|category|tags|tagged|"
    r"filed under)\b|\d"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)day\b",
    re.IGNORECASE,
)
_GLUED = re.compile(
    # a label, a capitalised word or a month run into the name ("Jen MillsPublished Jul 17")
    r"(?<=[a-z])(?=[A-Z]{2,}|(?:Published|Publish|Updated|Posted|Modified|Last)\b|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)"
)
_TRAILING_JOINER = re.compile(r"(?:[\s,;:|&-]*\s(?:on|at|for|from|in|and|the|of))*[\s,;:|&-]*$",
                              re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bwith\b)\s*", re.IGNORECASE)
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]+[A-Z][a-z]+|"
    r"(?:de|van|von|da|del|der|den|la|le|bin|al|dos|du|di|ter|ten|el)|Jr\.?|Sr\.?|II|III|IV)$"
)
_PARTICLE = re.compile(r"^(?:de|van|von|da|del|der|den|la|le|bin|al|dos|du|di|ter|ten|el)$")
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?D\.?|M\.?D\.?|R\.?N\.?)$")


def _title_case(word: str) -> str:
    if not (word.isupper() and sum(c.isalpha() for c in word) > 1):
        return word
    out = re.sub(r"[A-Za-z]+", lambda p: p.group(0).capitalize(), word.lower())
    return re.sub(r"\b(Mc|O')([a-z])", lambda p: p.group(1) + p.group(2).upper(), out)


def _strip_role(words: list[str]) -> list[str]:
    """Drop a trailing job title ("Staff Writer", "Senior Contributor") from a name."""
    roles, mods = lexicon("byline_roles"), lexicon("byline_role_modifiers")
    cut = len(words)
    seen_role = False
    for k in range(len(words) - 1, 0, -1):
        w = words[k].lower().strip(".,:")
        if w in roles:
            seen_role = True
            cut = k
        elif w in mods and seen_role:
            cut = k
        elif w in mods:
            continue
        else:
            break
    return words[:cut] if seen_role else words


_NICKNAME = re.compile(r"\s([\"“][A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}[\"”])(?=\s)")


def _clean_name(chunk: str, *, allow_single: bool) -> str | None:
    nick = _NICKNAME.search(chunk)
    if nick is not None:
        # a nickname in quotes between the given name and the surname: 'Amanda "Mae" Tan'
        name = _clean_name(chunk[: nick.start()] + chunk[nick.end():], allow_single=False)
        if name is None or " " not in name:
            return None
        first, rest = name.split(" ", 1)
        return f"{first} {nick.group(1)} {rest}"
    words = _strip_role(chunk.split())
    if len(words) > 2 and len(words[-1]) == 1 and words[-1].islower() and words[-2].isalpha():
        # a name whose last letter the page split off ("Jane Do e")
        words[-2:] = [words[-2] + words[-1]]
    if words and len(words[-1]) > 3 and words[-1].endswith(".") and words[-1][:-1].isalpha() and (
        words[-1].lower() not in ("jr.", "sr.")
    ):
        words[-1] = words[-1][:-1]
    if any(w.endswith(("'s", "’s")) for w in words):
        return None
    if not all(w.isupper() for w in words) and any(
        w.isupper() and w.isalpha() and 2 <= len(w) <= 4 and w not in ("II", "III", "IV")
        for w in words
    ):
        return None
    while words and _CREDENTIAL.match(words[-1]) and len(words) > 2:
        words.pop()
    if not words or len(words) > 5:
        return None
    stop = lexicon("byline_stopwords")
    if any(w.lower().strip(".,'’") in stop for w in words):
        return None
    if " ".join(words).casefold() in {a.casefold() for a in lexicon("byline_affiliations")}:
        return None
    if not all(_NAME_TOKEN.match(w) or _NAME_TOKEN.match(_title_case(w)) for w in words):
        return None
    capitalised = [w for w in words if not _PARTICLE.match(w)]
    if len(capitalised) < 2:
        w = capitalised[0] if capitalised else ""
        if not (allow_single and len(words) == 1 and len(w) >= 3 and not w.isupper()):
            return None
    return " ".join(_title_case(w) for w in words)


def _affiliations(text: str) -> list[str]:
    out: list[str] = []
    low = text.casefold()
    for aff in sorted(lexicon("byline_affiliations"), key=len, reverse=True):
        i = low.find(aff.casefold())
        if i < 0:
            continue
        j = i + len(aff)
        if ((i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum())
                and not any(aff.casefold() in o.casefold() for o in out)):
            out.append(aff)
    m = re.search(r"\bspecial to (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*){0,4})", text, re.IGNORECASE)
    if m:
        out.append(m.group(0))
    return out


_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
#: A name on a line without "By" has at most this many words (particles and initials apart).
MAX_NAME_WORDS = 3


def _trim_labels(piece: str) -> str:
    """Drop words that are never part of a name from the end of ``piece`` ("Jane Doe All",
    where category labels follow the name)."""
    stop = lexicon("byline_stopwords")
    while True:
        m = re.search(r"\s+(\S+)\s*$", piece)
        if m is None or len(piece[: m.start()].split()) < 2 or (
            m.group(1).lower().strip(".,:") not in stop
        ):
            return piece
        piece = piece[: m.start()]


#: The model's reading of the page, for names read without "By": its entity spans as
#: (start, end, label) sorted by start, set by :func:`parse_byline` for the page it reads.
_ENTITIES: contextvars.ContextVar[tuple[tuple[int, int, str], ...]] = contextvars.ContextVar(
    "byline_entities", default=())
#: Entity labels of the model that name something other than a person.
#: (Its ORG and NORP readings of lone names are too often wrong to count against a person.)
_NOT_PERSON = frozenset({"GPE", "LOC", "FAC"})

#: Named weights of the evidence that a name read without "By" is a person's (sum against
#: :data:`PERSON_THRESHOLD`); written by hand, each a general fact about names in bylines.
GIVEN_NAME = 1.0  # its first word is a known given name
MODEL_PERSON = 1.0  # the model reads a person there
MODEL_OTHER = -0.5  # the model reads a place there
PLACE_WORD = -1.0  # its first word opens place names ("Hong Kong", "New York")
OUTLET_NEXT = 1.0  # a known outlet follows it ("Jane Roe, Business Insider")
JOINED = 1.0  # it is joined by "and" to a name already read as a person
HEADER_SLOT = 1.0  # its line stands between the headline and a date line ("Title / Jane Roe /
#                    November 18, 2024"), where pages put the byline
PERSON_THRESHOLD = 1.0
#: A second name after a comma on a line without "By" or "and" ("Jane Doe, Kit Reviews")
#: needs two kinds of evidence.
LIST_THRESHOLD = 2.0


def _model_reading(start: int, end: int) -> str | None:
    """The label of the model's entity that covers most of ``[start, end)``, if any."""
    ents = _ENTITIES.get()
    if not ents or end <= start:
        return None
    k = bisect.bisect_left(ents, (start - 200,))
    best, label = 0, None
    for s, e, lab in ents[k:]:
        if s >= end:
            break
        share = min(e, end) - max(s, start)
        if share > best:
            best, label = share, lab
    return label if best * 2 >= end - start else None


def person_score(name: str, start: int, end: int, *, outlet_next: bool = False,
                 joined: bool = False, slot: bool = False) -> float:
    """How much the evidence says that ``name`` (read at ``[start, end)`` on the page, with
    no "By" before it) is a person's: the sum of the named weights above."""
    first = name.split()[0] if name else ""
    score = GIVEN_NAME if first in given_names() else 0.0
    label = _model_reading(start, end)
    if label == "PERSON":
        score += MODEL_PERSON
    elif label in _NOT_PERSON:
        score += MODEL_OTHER
    if first in lexicon("byline_place_words") or name in lexicon("entity_countries"):
        score += PLACE_WORD
    score += OUTLET_NEXT if outlet_next else 0.0
    score += JOINED if joined else 0.0
    score += HEADER_SLOT if slot else 0.0
    return score


def _is_person(name: str, start: int, end: int, threshold: float = PERSON_THRESHOLD,
               **evidence: bool) -> bool:
    return person_score(name, start, end, **evidence) >= threshold


def _piece_name(piece: str, *, explicit: bool, single: bool) -> tuple[str, str] | None:
    """The name a piece of a byline is, with the piece trimmed to it (None for an
    organisation or no name)."""
    if any(w.lower().strip(".,:") in lexicon("byline_org_words") for w in piece.split()) or (
        not explicit and piece.split()[-1].rstrip(",:") in lexicon("entity_org_suffixes")
    ):
        # "European Space Agency", "Betty Crocker Kitchens", "Brent Co" on a line without
        # "By" ("By Emily Co" is a person): an organisation
        return None
    name = _clean_name(piece.strip(), allow_single=explicit and single)
    if name is None and _trim_labels(piece) != piece:
        piece = _trim_labels(piece)
        name = _clean_name(piece.strip(), allow_single=False)
    if name is None:
        return None
    if not explicit and sum(
        1 for w in name.split() if not _PARTICLE.match(w) and not _INITIAL.match(w)
    ) > MAX_NAME_WORDS:
        # "Miguel Bernal North Diving": a line of four capitalised words is no name
        return None
    return name, piece


def _before_outlet(piece: str) -> str:
    """``piece`` less an outlet's name after the person's ("John Q. Public Springfield
    Gazette", "Mike Isaac New York Times"): a run of three or more words that ends in an
    outlet noun is cut before "The" or a word that opens place names, else after the first
    two words (three with a middle initial)."""
    words = piece.split()
    if len(words) < 3 or words[-1].lower().strip(".,") not in lexicon("byline_outlet_words"):
        return piece
    places = lexicon("byline_place_words")
    keep = next((k for k in range(2, len(words) - 1)
                 if words[k] == "The" or words[k] in places), None)
    if keep is None:
        keep = 3 if len(words) > 3 and _INITIAL.match(words[1]) else 2
    end = 0
    for w in words[:keep]:
        end = piece.index(w, end) + len(w)
    return piece[:end]


def _undoubled(piece: str) -> str:
    """A name the page printed twice, once ("Jane Roe Jane Roe")."""
    words = piece.split()
    half = len(words) // 2
    if half < 2 or len(words) % 2 or words[:half] != words[half:]:
        return piece
    end = 0
    for w in words[:half]:
        end = piece.index(w, end) + len(w)
    return piece[:end]


def split_authors(names: str, offset: int, source: str, *, explicit: bool = True,
                  slot: bool = False) -> list[Author]:
    """Split "Jane Doe and John Roe, Reuters" into authors with spans (affiliations apart).

    ``names`` is the text after "By" (``explicit``) or a whole line that may be only names;
    it is cut at the first date, handle, e-mail address or separator. ``slot``: the line
    stands between the headline and a date line (evidence for its first name).
    """
    glued = _GLUED.search(names)
    if glued:
        names = names[: glued.start()]
    cut = _CUT.search(names)
    head = names[: cut.start()] if cut else names
    head = _TRAILING_JOINER.sub("", head)
    affs = _affiliations(names)
    aff = affs[0] if affs else None
    authors: list[Author] = []
    chunks = [(m.start(), m.group(0)) for m in re.finditer(r"[^,;&]+", head)]
    pieces: list[tuple[int, str]] = []
    for pos, chunk in chunks:
        last = 0
        for sep in re.finditer(r"\s+(?:and|with)\s+", chunk, re.IGNORECASE):
            pieces.append((pos + last, chunk[last: sep.start()]))
            last = sep.end()
        pieces.append((pos + last, chunk[last:]))
    pieces = [(p, c) for p, c in pieces if c.strip()]
    known = {a.casefold() for a in lexicon("byline_affiliations")}
    joined = re.search(r"&|\band\b|\bwith\b", head, re.IGNORECASE) is not None
    # "Jane Doe, Business Insider": a name before a known outlet needs no known given name,
    # unless it is a place ("New York, Reuters")
    first_word = pieces[0][1].split()[0] if pieces else ""
    outlet_next = len(pieces) > 1 and pieces[1][1].strip().casefold() in known and (
        first_word not in lexicon("byline_place_words")
        and pieces[0][1].strip() not in lexicon("entity_countries"))
    for k, (pos, piece) in enumerate(pieces):
        if piece.strip().casefold() in known:
            # "Jane Doe, BBC News, New York": what follows the outlet is a place or a desk
            break
        piece = _undoubled(_before_outlet(piece))
        got = _piece_name(piece, explicit=explicit, single=len(pieces) == 1)
        name, piece = got if got is not None else ("", piece)
        lead = len(piece) - len(piece.lstrip())
        s = offset + pos + lead
        e = s + len(piece.strip())
        if not explicit and not (name and _is_person(
                name, s, e, outlet_next=k == 0 and outlet_next,
                joined=k > 0 and joined and bool(authors), slot=k == 0 and slot)):
            if k == 0:
                # a line without "By" that does not open with a name is no byline
                return []
            # nor are the names after a label on it ("Jane Doe All, Books, Kit Reviews")
            break
        if not name:
            continue
        if k > 0 and not joined and not _is_person(
                name, s, e, PERSON_THRESHOLD if explicit else LIST_THRESHOLD):
            # "Jane Doe, New York": a second name after a comma alone is a person only
            # when it reads as one
            continue
        authors.append(Author(name=name, span=Span.of(source, s, e), affiliation=aff))
    return authors


def _date_in(text: str) -> re.Match[str] | None:
    """The first date or time in ``text``; "Today" with a capital inside a name
    ("Miami Today") is not one."""
    for d in _DATE.finditer(text):
        word = d.group(0)
        if not (word[:1].isupper() and d.start() > 0
                and word.lower() in ("today", "yesterday", "just now")):
            return d
    return None


def _by(text: str) -> re.Match[str] | None:
    """The first "By" that opens names in ``text`` (not "By clicking", "Author Contributions",
    nor the credit of a picture or a video: "Photo by", "Video by")."""
    for m in _BY.finditer(text):
        after = text[m.end():].split(maxsplit=1)
        before = text[: m.start()].split()
        if before and before[-1].lower().strip(":,.;|") in lexicon("byline_credit_words"):
            continue
        if after and after[0].lower().strip(":,.;") not in lexicon(NOT_AFTER_BY):
            return m
    return None


def _explicit(seg: Segment) -> bool:
    return _by(seg.span.text) is not None


def _names_in(seg: Segment, source: str) -> list[Author]:
    text, off = seg.span.text, seg.span.start
    m = _by(text)
    if m is not None:
        tail = text[m.end():]
        d = _date_in(tail)
        if d is not None:
            tail = tail[: d.start()]
        return split_authors(tail, off + m.end(), source, explicit=True)
    lead = re.match(r"^(?:[*+•·o-]\s+)?", text)
    start = lead.end() if lead else 0
    body = text[start:]
    d = _date_in(body)
    if d is None:
        return split_authors(body, off + start, source, explicit=False)
    # a date in the line: the names before it, else those after it
    found = split_authors(body[: d.start()], off + start, source, explicit=False)
    if not found:
        rest = d.end() + len(body[d.end():]) - len(body[d.end():].lstrip(" ,|•·-–—"))
        found = split_authors(body[rest:], off + start + rest, source, explicit=False)
    return found


_NAME = r"(?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|la|le)){1,3})"
_ABOUT_THE_AUTHOR = re.compile(r"^(?i:about the author\s*[-–:]?\s*)" + _NAME + r"$")
#: Notes that say the name is the author's: the name needs no other evidence.
_LABELLED_NOTES = (
    AUTHOR_NOTE,
    _ABOUT_THE_AUTHOR,
    re.compile(r"^(?i:write to) " + _NAME + r" (?i:at)\b"),
    re.compile(r"^(?i:author|written by)\s*:\s*" + _NAME + r"$"),
)
#: Notes whose name must also read as a person's (a given name, the model's reading).
_AUTHOR_NOTES = (
    *_LABELLED_NOTES,
    re.compile(r"^(?i:about) " + _NAME + r"$"),
    re.compile(r"^(?i:email|e-mail|contact) " + _NAME + r" (?i:at)\b"),
    re.compile(r"^(?:I[’']m|I am|My name is) " + _NAME + r"[.,]"),
)
#: How many segments after the last paragraph are searched for a note about the author.
NOTE_AFTER = 40


def _authors_after_body(source: str, segments: Sequence[Segment]) -> list[Author]:
    """With no byline names: the author named in a note after the article ("Jane Doe is a
    staff writer ...", "About the author - Jane Doe", "Write to Jane Doe at ...")."""
    last = max((i for i, s in enumerate(segments) if s.kind is SegmentKind.PARAGRAPH),
               default=None)
    if last is None:
        return []
    # a box "About the author - Jane Doe" may stand anywhere in the page's lower part
    boxed = [s for s in segments[: last + 1] if s.kind is not SegmentKind.PARAGRAPH
             and len(s.span) <= 80 and _ABOUT_THE_AUTHOR.match(s.span.text.lstrip("*+•- "))]
    for seg in [*boxed, *segments[last + 1: last + 1 + NOTE_AFTER]]:
        text = seg.span.text.lstrip("*+•- ")
        m = next((m for p in _AUTHOR_NOTES if (m := p.match(text))), None)
        if m is None:
            continue
        lead = len(seg.span.text) - len(seg.span.text.lstrip("*+•- "))
        start = seg.span.start + lead + m.start("name")
        end = start + len(m.group("name"))
        name = _clean_name(m.group("name"), allow_single=False)
        if name is not None and (m.re in _LABELLED_NOTES or _is_person(name, start, end)):
            return [Author(name=name, span=Span.of(source, start, end))]
    return []


_PROFILE_LINKS = (
    re.compile(r"^(?i:(?:more|all|other|recent|latest) (?:articles|posts|stories) (?:from|by)) "
               + _NAME + r"$"),
    re.compile(r"^(?i:(?:view|see|read) (?:all|more) (?:articles|posts|stories) (?:from|by)) "
               + _NAME + r"$"),
    re.compile(r"^" + _NAME + r" (?i:(?:view|see|read) (?:all|more) (?:articles|posts|stories))$"),
    re.compile(r"^" + _NAME + r" (?i:view my complete profile)$"),
)
#: ... or closing a note about the author ("A professor at ... View all posts by Jane Doe").
_PROFILE_LINK_AFTER_NOTE = re.compile(
    r"[.!?)]\s+(?i:(?:view|see|read) (?:all|more) (?:articles|posts|stories) (?:from|by)) "
    + _NAME + r"$")


def _authors_from_profile_links(source: str, segments: Sequence[Segment]) -> list[Author]:
    """With no byline names: the author a page links to as the writer of its articles
    ("More articles from Jane Doe", "Jane Doe View More Articles"), when it names one only."""
    found: dict[str, Author] = {}
    for seg in segments:
        text = seg.span.text
        if len(text) > 300 or not text[:1].isalpha():
            continue
        m = (next((m for p in _PROFILE_LINKS if (m := p.match(text))), None)
             if len(text) <= 80 else None) or _PROFILE_LINK_AFTER_NOTE.search(text)
        if m is None:
            continue
        name = _clean_name(m.group("name"), allow_single=False)
        start = seg.span.start + m.start("name")
        first = name.split()[0] if name is not None else ""
        if name is None or not (_is_person(name, start, start + len(m.group("name")))
                                or _INITIAL.match(first)):
            continue
        found.setdefault(name.casefold(), Author(
            name=name, span=Span.of(source, start, start + len(m.group("name")))))
    return list(found.values()) if len(found) == 1 else []


#: How many segments after / before the title are searched for a date when no byline has one.
NEAR_AFTER, NEAR_BEFORE = 12, 4


def _date_near_title(
    source: str, segments: Sequence[Segment], reference: dt.datetime, page: _Page,
    title: int | None,
) -> PublishedTime | None:
    """The first absolute date written close to the headline (or, with none found, to the
    first paragraph): the segments after it first, then those just above it."""
    if title is None:
        title = next((i for i, s in enumerate(segments) if s.kind is SegmentKind.PARAGRAPH),
                     None)
    if title is None:
        return None
    order = [*range(title, min(len(segments), title + NEAR_AFTER + 1)),
             *range(title - 1, max(-1, title - NEAR_BEFORE - 1), -1)]
    fallback: PublishedTime | None = None
    for i in order:
        seg = segments[i]
        if i in page.listed or (
            seg.kind in (SegmentKind.PARAGRAPH, SegmentKind.HEADING) and len(seg.span) > 150
            and not _DATED_DATELINE.match(seg.span.text)
        ):
            continue
        for t in iter_times(seg.span.text, seg.span.start, source, reference, relative=False,
                            day_first=page.day_first(seg.span.text)):
            if not _publication_date(seg, t):
                continue
            if t.approximate and i + 1 < len(segments):
                t = _year_below(t, segments[i + 1], source)
            if not t.updated:
                return t
            fallback = fallback or t
    return fallback or _labelled_or_nearest(source, segments, reference, title, page)


_TIME_AND_YEAR = re.compile(
    r"^\s*(?:(?P<hh>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ap>[ap]\.?m\.?)?\s*)?(?P<year>\d{4})\s*$",
    re.IGNORECASE)


def _year_below(t: PublishedTime, below: Segment, source: str) -> PublishedTime:
    """A day written without its year, whose year (and time) the next line shows
    ("November 20" / "15:23 2019"): the time spans both lines."""
    m = _TIME_AND_YEAR.match(below.span.text)
    if m is None:
        return t
    hour = _hour(m.group("hh"), m.group("ap"))
    timed = hour is not None and int(m.group("mi")) < 60
    try:
        value = t.value.replace(year=int(m.group("year")))
        if timed:
            value = value.replace(hour=hour or 0, minute=int(m.group("mi")))
    except ValueError:
        return t
    if not 1990 <= value.year <= 2100:
        return t
    return PublishedTime(span=Span.of(source, t.span.start, below.span.end), value=value,
                         granularity=Granularity.MINUTE if timed else t.granularity,
                         timezone=t.timezone, updated=t.updated)


_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|last (?:edited|modified|updated)|created|date|written)\b"
    r"[^\d\n]{0,25}$",
    re.IGNORECASE,
)


def _labelled(seg: Segment, t: PublishedTime) -> bool:
    """Whether the page labels the date ``t`` in ``seg`` ("Published on ...", "Updated: ...")."""
    source_start = seg.span.start
    return _DATE_LABEL.search(seg.span.text[max(0, t.span.start - source_start - 40):
                                            t.span.start - source_start]) is not None


#: A line with a date and at most this many other words may be a date line of its own
#: ("Friday, November 22nd 2019 | Local News"); a longer one is a sentence that mentions one.
DATE_LINE_WORDS = 8
_CLAUSE_END = (".", "!", "?", "…", ";", ",", ":")
_SEPARATORS = "|•·—–/"
_WEEKDAY_TAIL = re.compile(
    r"[\s,]*(?:(?:on|published|posted)\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)"
    r"(?:day)?\.?)?[\s,]*$", re.IGNORECASE)
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
#: A paragraph that opens with a date and a dash: a dateline ("March 3, 2016 -- ...").
_DATED_DATELINE = re.compile(
    r"\W{0,3}(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)day,?\s+)?"
    r"(?:" + _MONTH.format(g="dm") + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+"
    + _MONTH.format(g="dm2") + r",?\s+\d{4})\s*(?:--|[—–]|-\s)", re.IGNORECASE)
_EMBED_CREDIT = re.compile(r"@\w{1,30}\)\s*$")


def _publication_date(seg: Segment, t: PublishedTime) -> bool:
    """Whether the date ``t`` found in ``seg`` (no byline on the page) may be the time the
    article was published: the segment is a date line, a dated credit or a byline, the page
    labels the date, or the segment is a short line that is not a sentence. A date inside
    a sentence ("The deadline is Nov. 1.") is something the article speaks of."""
    text = seg.span.text
    before = text[: t.span.start - seg.span.start].rstrip()
    if _EMBED_CREDIT.search(before):
        # an embedded post's credit ("— Jane Doe (@janedoe) November 1, 2019")
        return False
    if _labelled(seg, t) or is_date_line(text) or is_dated_credit(text) or is_byline_line(text):
        return True
    if not before and _DATED_DATELINE.match(text):
        # a dateline that is a date ("March 3, 2016 -- The council ...")
        return True
    after = text[t.span.end - seg.span.start:].strip()
    if not after or after[:1] in _SEPARATORS:
        # the date closes the line or a part of it: after a sentence ("... recovery? Monday,
        # 6 January 2020"), or after a few words that are not one ("By Ela on 31. October, 2023 |")
        lead = _WEEKDAY_TAIL.sub("", before)
        if not lead or lead.endswith(("?", "!", ".", "|", "•", "·")) or (
            len(lead.split()) <= 6 and not _SENTENCE_INSIDE.search(lead)
        ):
            return True
    if not _WEEKDAY_TAIL.sub("", before) and not after.endswith(_CLAUSE_END):
        # the date opens a line that is not a sentence ("21/06/2014 Jane Doe News")
        return True
    rest = (before + " " + after).strip(" ,|•·-–—/()[]")
    if rest.endswith(_CLAUSE_END) and rest[-2:-1] != ".":
        return False
    return len(rest.split()) <= DATE_LINE_WORDS


def _labelled_or_nearest(
    source: str, segments: Sequence[Segment], reference: dt.datetime, title: int, page: _Page
) -> PublishedTime | None:
    """Far from the headline: the first date the page labels as published (or posted,
    updated, edited), else the absolute date written closest to the headline."""
    nearest: tuple[int, PublishedTime] | None = None
    for i, seg in enumerate(segments):
        if i in page.listed or (
            seg.kind in (SegmentKind.PARAGRAPH, SegmentKind.HEADING) and len(seg.span) > 150
            and not _DATED_DATELINE.match(seg.span.text)
        ):
            continue
        for t in iter_times(seg.span.text, seg.span.start, source, reference, relative=False,
                            day_first=page.day_first(seg.span.text)):
            if _labelled(seg, t):
                return t
            if not _publication_date(seg, t):
                continue
            if nearest is None or abs(i - title) < nearest[0]:
                nearest = (abs(i - title), t)
    return nearest[1] if nearest else None


class _Page:
    """What the whole page tells about reading its dates: whether it writes them day first
    (read only when a slashed date is met) and which segments date a list of teasers."""

    def __init__(self, source: str, segments: Sequence[Segment]) -> None:
        self.source = source
        self.listed = _listed_dates(segments)

    @cached_property
    def _day_first(self) -> bool | None:
        return writes_day_first(self.source)

    def day_first(self, text: str) -> bool | None:
        """Whether a slashed date in ``text`` is read day first (``None``: the page does
        not show; an ambiguous slashed date is then left unread)."""
        return self._day_first if "/" in text else False


#: Date lines this many segments apart, three or more running, date a list of teasers.
LIST_STRIDES = (2, 3, 4)


_YEAR_OR_NUMERIC = re.compile(r"\d{4}|\d[/.]\d")


def _listed_dates(segments: Sequence[Segment]) -> frozenset[int]:
    """The segments that are the dates of a list of teasers ("Teaser / July 30, 2010 /
    AUTO NEWS / Teaser / November 20, 2015 / AUTO NEWS ..."): date lines that recur at the
    same short distance three times or more."""
    dated = [i for i, s in enumerate(segments) if len(s.span) <= 60
             and _YEAR_OR_NUMERIC.search(s.span.text) and is_date_line(s.span.text)]
    out: set[int] = set()
    for a, b, c in zip(dated, dated[1:], dated[2:], strict=False):
        if b - a == c - b and b - a in LIST_STRIDES:
            out.update((a, b, c))
    return frozenset(out)


_AFTER_NAMES = re.compile(
    # a footnote mark glued to the name ("Jane Doe1"), else a separator or a link
    r"\d|\s*(?:$|[,;|•·/—–(&-]|@\w|(?i:(?:view|see|more|follow|email|e-mail|read|contact|updated|"
    r"published|posted|special to)\b))")


def _names_only(seg: Segment, source: str, authors: list[Author]) -> bool:
    """Whether nothing but a separator, a date, a role or a link follows the names found on
    a line without "By" ("Jane Doe, Reuters", "Jane Doe View More Articles"), as against a
    name that opens a line of something else ("Jane Doe 100 backstroke")."""
    if not authors:
        return False
    rest = source[authors[-1].span.end: seg.span.end]
    if _AFTER_NAMES.match(rest):
        return True
    joined = re.match(r"\s+(?:and|&)\s+", rest)
    if joined is not None and rest[joined.end():].strip(" .").casefold() in {
            a.casefold() for a in lexicon("byline_affiliations")}:
        # "Jane Doe and AP"
        return True
    d = _date_in(rest)
    return d is not None and not rest[: d.start()].strip(" ,|•·-–—")


def _bare_names(seg: Segment, source: str, *, slot: bool = False) -> list[Author]:
    """The names on a line that is nothing but names ("Jane Doe", "Jane Doe and John Roe,
    Reuters", "* Jane Doe, PhD ,"); no date, no sentence. ``slot``: the line stands between
    the headline and a date line."""
    text = seg.span.text
    if len(text) > 80 or seg.kind is SegmentKind.TITLE or _date_in(text) is not None:
        return []
    lead = re.match(r"^(?:[*+•·o-]\s+)?", text)
    start = lead.end() if lead else 0
    found = split_authors(text[start:], seg.span.start + start, source, explicit=False,
                          slot=slot)
    if not found or found[0].span.start != seg.span.start + start:
        return []
    return found if _names_only(seg, source, found) else []


_ONLY_BY = re.compile(r"^(?:(?:written|posted|published|words|story)\s+)?(?:by|authors?)\s*:?$",
                      re.IGNORECASE)


_BULLET = re.compile(r"[*+•·]\s")
_LIST_MARK = re.compile(r"^(?:[*+•·-]|\d{1,2}[.)])\s+")
#: Lines between the names of a list under "By" that are no names ("…", "&").
_LIST_JOINERS = frozenset({"…", "...", "&", "and"})
#: A line that is only a handle ("@aprilroach28"), between the names of a list.
_HANDLE_LINE = re.compile(r"^\s*@\w{1,40}\s*$")
#: Most lines of names read under a line that is only "By".
MAX_NAMES_UNDER_BY = 12


def _names_under_by(
    source: str, segments: Sequence[Segment], i: int
) -> tuple[list[Author], int]:
    """The names on the lines under the line ``segments[i]`` that is only "By", one or more
    a line ("By" / "* Jane Doe," / "* John Roe &" / "Mary Major News Reporter"), up to the
    first line that is not only names; with the index of that line."""
    found: list[Author] = []
    j = i + 1
    while j < min(len(segments), i + 1 + MAX_NAMES_UNDER_BY):
        seg = segments[j]
        text = seg.span.text
        mark = _LIST_MARK.match(text)
        at = mark.end() if mark else 0
        if text[at:].strip() in _LIST_JOINERS or _HANDLE_LINE.match(text[at:]):
            j += 1
            continue
        names = split_authors(text[at:], seg.span.start + at, source, explicit=True)
        if not names or names[0].span.start != seg.span.start + at or not _names_only(
                seg, source, names) or (found and any(" " not in a.name for a in names)):
            # a one-word name is read only right under "By" ("By" / "Todd Bates" / "Date")
            break
        found.extend(a for a in names if all(a.name.casefold() != b.name.casefold()
                                             for b in found))
        j += 1
    return found, j
_SECTION_LABEL = re.compile(r"^[A-Z][a-z]{1,14}(?: [a-z])?$")


def _names_beside_dates(
    source: str, segments: Sequence[Segment], page: _Page, lo: int, hi: int,
    title: int | None = None,
) -> tuple[list[Author], int | None]:
    """Names on a line of their own right above or below a date line of the header
    ("Jane Doe" / "November 19th, 2019 at 8:40 AM"), after a date that opens a line
    ("21/06/2014 Jane Doe News, Reviews"), or under a line that is only "By"; with the
    index of the date line beside them, if any. Lines the layout offered as bylines were
    read already and are not read again."""
    for i in range(lo, hi):
        seg = segments[i]
        text = seg.span.text
        if _ONLY_BY.match(text.strip(" *•·-")) and i + 1 < len(segments):
            found, after = _names_under_by(source, segments, i)
            if found:
                dated = after if after < len(segments) and is_date_line(
                    segments[after].span.text) else None
                return found, dated
            continue
        if i in page.listed or len(seg.span) > 120:
            continue
        opening = _ABSOLUTE.match(text)
        if opening is not None and not (is_date_line(text) or is_dated_credit(text)):
            if seg.kind is SegmentKind.BYLINE:
                continue
            rest = text[opening.end():]
            gap = len(rest) - len(rest.lstrip(" ,|•·-–—"))
            at = seg.span.start + opening.end() + gap
            found = split_authors(rest[gap:], at, source, explicit=False)
            if found and found[0].span.start == at:
                return found, i
            continue
        if not (is_date_line(text) or is_dated_credit(text)):
            continue
        # the line above or below, or the one above a section label ("Jane Doe" /
        # "Business" / "11.15.2019 10:09 AM")
        label = i > 0 and _SECTION_LABEL.match(segments[i - 1].span.text) is not None
        for j in (i - 1, i + 1, *((i - 2,) if label else ())):
            slot = title is not None and abs(j - title) == 1 and min(i, title) < j < max(i, title)
            if (0 <= j < len(segments) and segments[j].kind is not SegmentKind.BYLINE
                    and (found := _bare_names(segments[j], source, slot=slot))):
                return found, i
    return [], None


def _under_by_near(
    source: str, segments: Sequence[Segment], title: int | None
) -> tuple[list[Author], Segment | None]:
    """The names listed under a line that is only "By" near the headline, with the line
    under them when it is a date line."""
    if title is None:
        return [], None
    for i in range(max(0, title - NEAR_BEFORE), min(len(segments), title + NEAR_AFTER + 1)):
        if _ONLY_BY.match(segments[i].span.text.strip(" *•·-")):
            found, after = _names_under_by(source, segments, i)
            below = segments[after] if after < len(segments) else None
            return found, below if below is not None and is_date_line(below.span.text) else None
    return [], None


def _names_at_top(source: str, segments: Sequence[Segment]) -> list[Author]:
    """Names after "By" on a line above the article's first paragraph, when the page has
    no byline where its headline is ("---- by Jane Doe", "Posted by Jane Doe 21.10.2019")."""
    for seg in segments:
        if seg.kind is SegmentKind.PARAGRAPH:
            break
        text = seg.span.text
        if (len(seg.span) > 120 or re.match(r"[*+•·]|-\s", text)
                or not (is_byline_line(text) and _explicit(seg))):
            # a menu's entries ("+ By Invitation") are no byline
            continue
        found = _names_in(seg, source)
        if len(found) == 1 and " " not in found[0].name and _date_in(text) is None:
            # one word after "By" is a name only with the date beside it
            continue
        if found:
            return found
    return []


#: Academic and medical degrees written after an author's name ("Jane Doe, PhD").
_DEGREES = re.compile(
    r"^(?:[*+•·-]\s+)?" + _NAME
    + r",\s*(?:Ph\.?D|M\.?D|MPH|DrPH|DPhil|MBBS|MSc|MBChB|RN|FRCP|FACP|DSc)\.?"
    r"(?:\s*,\s*(?:Ph\.?D|M\.?D|MPH|DrPH|DPhil|MBBS|MSc|MBChB|RN|FRCP|FACP|DSc)\.?)*\s*,?$")


def _names_with_degrees(source: str, segments: Sequence[Segment]) -> list[Author]:
    """The authors of a paper listed above its text, each with a degree ("* Jane Doe, PhD ,",
    "* John Roe, MD, MPH"): a degree is only ever written after a person's name."""
    found: dict[str, Author] = {}
    for seg in segments:
        if seg.kind is SegmentKind.PARAGRAPH:
            break
        m = _DEGREES.match(seg.span.text) if len(seg.span) <= 120 else None
        if m is None:
            continue
        name = _clean_name(m.group("name"), allow_single=False)
        # "Silver Spring, MD" is a place: the name must open with a given name or initial
        first = name.split()[0] if name is not None else ""
        start = seg.span.start + m.start("name")
        if name is not None and (_is_person(name, start, start + len(m.group("name")))
                                 or _INITIAL.match(first)):
            found.setdefault(name.casefold(), Author(
                name=name, span=Span.of(source, start, start + len(m.group("name")))))
    return list(found.values())


#: A "By" line with at least this many paragraphs above and below it inside the body signs
#: a part of the article (a box, a second report), not the article.
INNER_BYLINE_PARAGRAPHS = 3


def _inner(segments: Sequence[Segment], i: int, paragraphs: Sequence[int]) -> bool:
    """Whether the byline ``segments[i]`` stands inside the body, under a short heading;
    ``paragraphs`` holds how many paragraphs come before each segment (and in all, last)."""
    above = paragraphs[i]
    below = paragraphs[-1] - paragraphs[i + 1]
    head = segments[i - 1] if i > 0 else None
    return (above >= INNER_BYLINE_PARAGRAPHS and below >= INNER_BYLINE_PARAGRAPHS
            and head is not None and len(head.span.text.split()) <= 8
            and head.kind in (SegmentKind.HEADING, SegmentKind.BOILERPLATE)
            and re.search(r"[\d:|•·]", head.span.text) is None)


def _dated_byline(segments: Sequence[Segment], i: int) -> bool:
    """Whether ``segments[i]`` is a "By" line with a date on it or on one of the two lines
    under it (a byline block: "By Jane Doe" / "6 Jan 2026")."""
    seg = segments[i]
    if not _explicit(seg):
        return False
    return _date_in(seg.span.text) is not None or any(
        is_date_line(s.span.text) for s in segments[i + 1: i + 3])


def _brand(name: str, source: str) -> bool:
    """A one-word name that is not a known given name and opens a longer name on the page
    ("Posted by Vortex" on a page of "Vortex Cannon Entertainment") names an organisation."""
    if " " in name or name in given_names():
        return False
    return re.search(r"\b" + re.escape(name) + r" +[A-Z][a-z]", source) is not None


_COPYRIGHT_HOLDER = re.compile(
    r"(?:(?:©|\((?i:c)\)|(?i:copyright))\s*(?:\((?i:c)\)\s*|©\s*)?\d{4}(?:\s*[-–]\s*(?:\d{4})?)?"
    r"|\d{4}\s*[-–]\s*\d{4})\s+(?:(?i:by)\s+)?" + _NAME + r"(?=\s*(?:[.,|–—-]|$))")


#: A copyright line may stand this many segments above the article's last paragraph
#: (a licence note after it is a paragraph too).
COPYRIGHT_BEFORE_END = 2


def _copyright_holder(source: str, segments: Sequence[Segment]) -> list[Author]:
    """With no other name on the page: the person a line after the article names as the
    holder of its copyright ("Copyright (c) 2012- Jane Doe. All rights reserved.",
    "2009-2020 by Jane Doe – Powered by ..."), as on a personal site."""
    last = max((i for i, s in enumerate(segments) if s.kind is SegmentKind.PARAGRAPH),
               default=0)
    for seg in segments[max(0, last - COPYRIGHT_BEFORE_END):]:
        m = _COPYRIGHT_HOLDER.search(seg.span.text)
        if m is None or len(seg.span) > 200:
            continue
        name = _clean_name(m.group("name"), allow_single=False)
        start = seg.span.start + m.start("name")
        end = start + len(m.group("name"))
        if name is not None and _is_person(name, start, end) and len(name.split()) <= 3:
            return [Author(name=name, span=Span.of(source, start, end))]
    return []


def _people(found: list[Author], source: str, title: str) -> list[Author]:
    """``found`` less organisations ("Posted by Vortex" on a page of "Vortex Cannon
    Entertainment") and the people the headline (casefolded ``title``, given for names
    read without "By") speaks of."""
    return [a for a in found if not _brand(a.name, source)
            and not (title and a.name.casefold() in title)]


def parse_byline(
    source: str, segments: Sequence[Segment], reference: dt.datetime, doc: Doc | None = None
) -> Byline | None:
    """Authors and published time from the article's byline (and dateline) segments;
    ``doc``, the spaCy pass over ``source``, adds the model's reading of names (its PERSON
    spans, and the organisations and places it reads) to the given-name lexicon."""
    ents = () if doc is None else tuple(sorted(
        (e.start_char, e.end_char, e.label_) for e in doc.ents))
    token = _ENTITIES.set(ents)
    try:
        return _parse_byline(source, segments, reference)
    finally:
        _ENTITIES.reset(token)


def _parse_byline(
    source: str, segments: Sequence[Segment], reference: dt.datetime
) -> Byline | None:
    page = _Page(source, segments)
    paragraphs = [0]
    for s in segments:
        paragraphs.append(paragraphs[-1] + (s.kind is SegmentKind.PARAGRAPH))
    placed = [(i, s) for i, s in enumerate(segments)
              if s.kind in (SegmentKind.BYLINE, SegmentKind.DATELINE) and i not in page.listed]
    inner = {i for i, _ in placed if _inner(segments, i, paragraphs)}
    if any(i not in inner and s.kind is SegmentKind.BYLINE and _names_in(s, source)
           for i, s in placed) or not any(_dated_byline(segments, i) for i in inner):
        # a "By" line inside the body signs a part of the article, unless the article has
        # no byline of its own and the line heads a byline block with its date (the body
        # was then found to start too early)
        placed = [(i, s) for i, s in placed if i not in inner]
    entries = [(i, s) for i, s in placed if _BULLET.match(s.span.text)
               and not _explicit(s) and _names_in(s, source)]
    days = {t.date for _, s in entries
            for t in iter_times(s.span.text, s.span.start, source, reference, relative=False)}
    if len(days) > 1:
        # "* October 30, 2020 Jane Doe" / "* October 28, 2020 Jane Doe": a list of posts
        page.listed |= {i for i, _ in entries}
        placed = [(i, s) for i, s in placed if i not in page.listed]
    bylines = [s for _, s in placed]
    title = next((i for i, s in enumerate(segments) if s.kind is SegmentKind.TITLE), None)
    title_text = segments[title].span.text.casefold() if title is not None else ""
    authors: list[Author] = []
    from_names_only = False
    published: PublishedTime | None = None
    updated: PublishedTime | None = None
    under_by, under_by_date = _under_by_near(source, segments, title)
    # names after "By" win over lines that are only names
    explicit = any(_explicit(s) and _names_in(s, source) for s in bylines
                   if s.kind is SegmentKind.BYLINE) or bool(under_by) or None
    listing = False
    for i, seg in placed:
        if seg.kind is SegmentKind.BYLINE and (explicit is None or _explicit(seg) == explicit):
            found = _names_in(seg, source)
            if explicit is None and found:
                from_names_only = True
                if _date_in(seg.span.text) is None and not _names_only(seg, source, found):
                    # a name that opens a line of something else: a list, not a byline
                    listing = True
            for a in found:
                if all(a.name.casefold() != b.name.casefold() for b in authors):
                    authors.append(a)
            nxt = segments[i + 1] if i + 1 < len(segments) else None
            cont = re.match(r"(?:&|and)\s+", nxt.span.text) if nxt is not None else None
            if found and nxt is not None and cont is not None:
                # "Jane Doe, Staff Attorney" / "& John Roe, Director of ..."
                for a in split_authors(nxt.span.text[cont.end():], nxt.span.start + cont.end(),
                                       source, explicit=False):
                    if all(a.name.casefold() != b.name.casefold() for b in authors):
                        authors.append(a)
        for t in iter_times(seg.span.text, seg.span.start, source, reference,
                            day_first=page.day_first(seg.span.text)):
            if t.updated:
                updated = updated or t
            elif published is None:
                published = t
    if listing:
        # names on lines without "By" are not the byline when they are a list's entries
        authors = []
    for a in under_by:
        if all(a.name.casefold() != b.name.casefold() for b in authors):
            authors.append(a)
    authors = _people(authors, source, title_text if from_names_only else "")
    notes = _people(_authors_after_body(source, segments), source, "")
    if authors and from_names_only and notes:
        # a note about the author after the article outweighs names without "By"
        authors = notes
    if not authors and title is not None and not listing:
        found, dated = _names_beside_dates(
            source, segments, page, max(0, title - NEAR_BEFORE),
            min(len(segments), title + NEAR_AFTER + 1), title)
        authors = _people(found, source, title_text)
        if not found and title > 0:
            # a name line right above the headline ("Jane Doe" / "Why My Friend ...")
            authors = _people(_bare_names(segments[title - 1], source), source, title_text)
        if published is None and updated is None and authors and dated is not None:
            # the date beside the names
            seg = segments[dated]
            published = next(iter_times(seg.span.text, seg.span.start, source, reference,
                                        relative=False,
                                        day_first=page.day_first(seg.span.text)), None)
    if published is None and updated is None and under_by and under_by_date is not None:
        # the date under the names listed under "By"
        published = next(iter_times(
            under_by_date.span.text, under_by_date.span.start, source, reference,
            relative=False, day_first=page.day_first(under_by_date.span.text)), None)
    if published is None and updated is None:
        published = _date_near_title(source, segments, reference, page, title)
    if not authors:
        authors = notes or _people(_names_at_top(source, segments)
                                   or _names_with_degrees(source, segments), source, "")
    if not authors:
        authors = _people(_authors_from_profile_links(source, segments)
                          or _copyright_holder(source, segments), source, "")
    if not bylines:
        if published is None and not authors:
            return None
        return Byline(span=None, authors=tuple(authors), published=published)
    main = next((s for s in bylines if s.kind is SegmentKind.BYLINE), bylines[0])
    affiliations = tuple(dict.fromkeys(a.affiliation for a in authors if a.affiliation))
    return Byline(span=main.span, authors=tuple(authors), affiliations=affiliations,
                  published=published or updated, updated=updated)
