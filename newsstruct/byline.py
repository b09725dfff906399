"""Bylines: author names and the published / updated time from byline and dateline text.

Names are split on commas, "and", "&" and "with"; job titles ("Staff Writer"), affiliations
("Reuters", "Special to the Pioneer Press"), handles, e-mail addresses and dates are cut away;
ALL-CAPS names are put in title case. A line without "By" gives names only when it is nothing
but names, starting with a known given name (``newsstruct/data/byline_given_names.txt``);
names after "By" win over such lines. With no name in the byline, a note after the article
("Jane Doe is a staff writer ...", "Write to Jane Doe at ...") names the author.

Times are read without dateparser, by patterns for the forms pages show ("Nov. 19, 2019",
"Published 7:05 PM EST, Tue March 3, 2020", "2019-11-19T12:48:14Z", "11/19/19 06:56 AM EST",
"21.10.2019", "Updated Nov 19, 6:55 AM" with the year of the reference date); the local day
and the zone named are kept. Relative times ("1 month Ago", "2 hours ago", "yesterday") are
resolved against the reference date and used only when no absolute date is written. The
first date not marked "Updated" is the published one. With no date in the byline: the first
date near the headline, else the first date the page labels as published (or posted,
updated), else the absolute date closest to the headline; in each case only a date that
stands on its own (a date line, a short line that is not a sentence, a date closing a line
after a sentence) or that the page labels: a date inside a sentence ("The deadline is
Nov. 1.") is what the article speaks of, not when it was published. With no name in the
byline, a note after the article, or a page's only link to an author's articles ("More
articles from Jane Doe"), names the author.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence

from newsstruct.data import lexicon
from newsstruct.layout import (
    AUTHOR_NOTE,
    DATE_PATTERN,
    is_byline_line,
    is_date_line,
    is_dated_credit,
)
from newsstruct.types import (
    Author,
    Byline,
    Granularity,
    PublishedTime,
    Segment,
    SegmentKind,
    Span,
)

__all__ = ["page_reference_date", "parse_byline", "parse_time", "split_authors"]

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
    r"(?<![\w/.-])(?:"
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?:[T ](?P<ih>\d{2}):(?P<imi>\d{2})"
    r"(?::\d{2}(?:\.\d+)?)?(?P<iz>Z|[+-]\d{2}:?\d{2})?)?"
    r"|" + _MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH.format(g="m2")
    + r",?\s+(?P<y2>\d{4})"
    r"|(?P<n1>\d{1,2})(?P<sep>[/.])(?P<n2>\d{1,2})(?P=sep)(?P<n3>\d{4}|\d{2})"
    r")(?![\w/])" + _TIME,
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


def _absolute_value(m: re.Match[str]) -> tuple[dt.datetime, bool, str | None] | None:
    """The datetime a match of ``_ABSOLUTE`` denotes, whether it has a time, and its zone."""
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
                month, d, year = _MONTHS[g["m2"].lower()], int(g["d2"]), int(g["y2"])
            else:
                n1, n2, n3 = int(g["n1"]), int(g["n2"]), int(g["n3"])
                year = n3 + 2000 if n3 < 100 else n3
                # day first for dotted dates and when the first number cannot be a month
                if n1 > 12 or (g["sep"] == "." and n2 <= 12):
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
    text: str, offset: int, source: str, reference: dt.datetime, *, relative: bool = True
) -> Iterator[PublishedTime]:
    """Every published-looking time written in ``text`` (found at ``offset`` in ``source``),
    in order: absolute dates first where both kinds overlap."""
    found: list[PublishedTime] = []
    taken: list[tuple[int, int]] = []
    for m in _ABSOLUTE.finditer(text):
        got = _absolute_value(m)
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
            if r.group("n") and not r.group("ago") and not re.search(
                r"(?:^|[|/•·,]\s*)$", text[: r.start()]
            ):
                continue
            value, gran, approx = _relative(r, reference)
            updated = bool(_UPDATED.search(text[: r.start()]))
            found.append(PublishedTime(
                span=Span.of(source, offset + r.start(), offset + r.end()), value=value,
                granularity=gran, relative=True, approximate=approx, updated=updated))
    found.sort(key=lambda t: t.span.start)
    yield from found


def parse_time(
    text: str, offset: int, source: str, reference: dt.datetime, *, updated: bool = False
) -> PublishedTime | None:
    """The first published time written in ``text`` (found at ``offset`` in ``source``)."""
    for t in iter_times(text, offset, source, reference):
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


# --------------------------------------------------------------------------- names

_BY = re.compile(
    r"(?:^|(?<=[\s|•·/,:;—–-]))(?:(?:written|posted|reported|words|story|text|analysis|"
    r"commentary|opinion|interview|review|compiled|edited|published)\s+)?"
    r"(?:by|byline|authors?)\s*[:|]?\s*(?=[A-Za-z@“\"'])",
    re.IGNORECASE,
)
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_CUT = re.compile(
    r"\s+[|•·/—–]\s*|\s+-{1,2}\s+|\s*\(|\s@|\S+@\S+|https?://|www\.|\s+(?:on|at|for|from|in)\s+"
    r"(?=[A-Z\d])|\b(?:updated|published|posted|last updated|view (?:more|all|my)|follow|"
    r"email|e-mail|read more|more from|special to|contact)\b|\d"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)day\b",
    re.IGNORECASE,
)
_GLUED = re.compile(
    r"(?<=[a-z])(?=[A-Z]{2,}|(?:January|February|March|April|May|June|July|August|September|"
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


def _clean_name(chunk: str, *, allow_single: bool) -> str | None:
    words = _strip_role(chunk.split())
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


def split_authors(names: str, offset: int, source: str, *, explicit: bool = True) -> list[Author]:
    """Split "Jane Doe and John Roe, Reuters" into authors with spans (affiliations apart).

    ``names`` is the text after "By" (``explicit``) or a whole line that may be only names;
    it is cut at the first date, handle, e-mail address or separator.
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
    given = lexicon("byline_given_names")
    known = {a.casefold() for a in lexicon("byline_affiliations")}
    joined = re.search(r"&|\band\b|\bwith\b", head, re.IGNORECASE) is not None
    for k, (pos, piece) in enumerate(pieces):
        if piece.strip().casefold() in known:
            # "Jane Doe, BBC News, New York": what follows the outlet is a place or a desk
            break
        name = _clean_name(piece.strip(), allow_single=explicit and len(pieces) == 1)
        if name is None or (not explicit and name.split()[0] not in given):
            continue
        if k > 0 and not joined and name.split()[0] not in given:
            # "Jane Doe, New York": a second name after a comma alone is a person only
            # when it starts with a given name
            continue
        lead = len(piece) - len(piece.lstrip())
        s = offset + pos + lead
        e = s + len(piece.strip())
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


def _explicit(seg: Segment) -> bool:
    return _BY.search(seg.span.text) is not None


def _names_in(seg: Segment, source: str) -> list[Author]:
    text, off = seg.span.text, seg.span.start
    m = _BY.search(text)
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
_AUTHOR_NOTES = (
    AUTHOR_NOTE,
    re.compile(r"^(?i:about (?:the author\s*[-–:]?\s*)?)" + _NAME + r"$"),
    re.compile(r"^(?i:write to|email|e-mail|contact) " + _NAME + r" (?i:at)\b"),
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
    for seg in segments[last + 1: last + 1 + NOTE_AFTER]:
        text = seg.span.text.lstrip("*+•- ")
        m = next((m for p in _AUTHOR_NOTES if (m := p.match(text))), None)
        if m is None:
            continue
        lead = len(seg.span.text) - len(seg.span.text.lstrip("*+•- "))
        start = seg.span.start + lead + m.start("name")
        name = _clean_name(m.group("name"), allow_single=False)
        if name is not None and name.split()[0] in lexicon("byline_given_names"):
            return [Author(name=name, span=Span.of(source, start, start + len(m.group("name"))))]
    return []


_PROFILE_LINKS = (
    re.compile(r"^(?i:(?:more|all|other|recent|latest) (?:articles|posts|stories) (?:from|by)) "
               + _NAME + r"$"),
    re.compile(r"^(?i:(?:view|see|read) (?:all|more) (?:articles|posts|stories) (?:from|by)) "
               + _NAME + r"$"),
    re.compile(r"^" + _NAME + r" (?i:(?:view|see|read) (?:all|more) (?:articles|posts|stories))$"),
)


def _authors_from_profile_links(source: str, segments: Sequence[Segment]) -> list[Author]:
    """With no byline names: the author a page links to as the writer of its articles
    ("More articles from Jane Doe", "Jane Doe View More Articles"), when it names one only."""
    found: dict[str, Author] = {}
    for seg in segments:
        text = seg.span.text
        if len(text) > 80 or not text[:1].isalpha():
            continue
        m = next((m for p in _PROFILE_LINKS if (m := p.match(text))), None)
        if m is None:
            continue
        name = _clean_name(m.group("name"), allow_single=False)
        if name is None or name.split()[0] not in lexicon("byline_given_names"):
            continue
        start = seg.span.start + m.start("name")
        found.setdefault(name.casefold(), Author(
            name=name, span=Span.of(source, start, start + len(m.group("name")))))
    return list(found.values()) if len(found) == 1 else []


#: How many segments after / before the title are searched for a date when no byline has one.
NEAR_AFTER, NEAR_BEFORE = 12, 4


def _date_near_title(
    source: str, segments: Sequence[Segment], reference: dt.datetime
) -> PublishedTime | None:
    """The first absolute date written close to the headline: the segments after it first,
    then those just above it."""
    title = next((i for i, s in enumerate(segments) if s.kind is SegmentKind.TITLE), None)
    if title is None:
        return None
    order = [*range(title, min(len(segments), title + NEAR_AFTER + 1)),
             *range(title - 1, max(-1, title - NEAR_BEFORE - 1), -1)]
    fallback: PublishedTime | None = None
    for i in order:
        seg = segments[i]
        if seg.kind in (SegmentKind.PARAGRAPH, SegmentKind.HEADING) and len(seg.span) > 150:
            continue
        for t in iter_times(seg.span.text, seg.span.start, source, reference, relative=False):
            if not _publication_date(seg, t):
                continue
            if not t.updated:
                return t
            fallback = fallback or t
    return fallback or _labelled_or_nearest(source, segments, reference, title)


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


def _publication_date(seg: Segment, t: PublishedTime) -> bool:
    """Whether the date ``t`` found in ``seg`` (no byline on the page) may be the time the
    article was published: the segment is a date line, a dated credit or a byline, the page
    labels the date, or the segment is a short line that is not a sentence. A date inside
    a sentence ("The deadline is Nov. 1.") is something the article speaks of."""
    text = seg.span.text
    if _labelled(seg, t) or is_date_line(text) or is_dated_credit(text) or is_byline_line(text):
        return True
    before = text[: t.span.start - seg.span.start].rstrip()
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
    source: str, segments: Sequence[Segment], reference: dt.datetime, title: int
) -> PublishedTime | None:
    """Far from the headline: the first date the page labels as published (or posted,
    updated, edited), else the absolute date written closest to the headline."""
    nearest: tuple[int, PublishedTime] | None = None
    for i, seg in enumerate(segments):
        if seg.kind in (SegmentKind.PARAGRAPH, SegmentKind.HEADING) and len(seg.span) > 150:
            continue
        for t in iter_times(seg.span.text, seg.span.start, source, reference, relative=False):
            if _labelled(seg, t):
                return t
            if not _publication_date(seg, t):
                continue
            if nearest is None or abs(i - title) < nearest[0]:
                nearest = (abs(i - title), t)
    return nearest[1] if nearest else None


def parse_byline(
    source: str, segments: Sequence[Segment], reference: dt.datetime
) -> Byline | None:
    """Authors and published time from the article's byline (and dateline) segments."""
    bylines = [s for s in segments if s.kind in (SegmentKind.BYLINE, SegmentKind.DATELINE)]
    if not bylines:
        near = _date_near_title(source, segments, reference)
        noted = tuple(_authors_after_body(source, segments)
                      or _authors_from_profile_links(source, segments))
        if near is None and not noted:
            return None
        return Byline(span=None, authors=noted, published=near)
    authors: list[Author] = []
    published: PublishedTime | None = None
    updated: PublishedTime | None = None
    # names after "By" win over lines that are only names
    explicit = any(_explicit(s) and _names_in(s, source) for s in bylines
                   if s.kind is SegmentKind.BYLINE) or None
    for seg in bylines:
        if seg.kind is SegmentKind.BYLINE and (explicit is None or _explicit(seg) == explicit):
            for a in _names_in(seg, source):
                if all(a.name.casefold() != b.name.casefold() for b in authors):
                    authors.append(a)
        for t in iter_times(seg.span.text, seg.span.start, source, reference):
            if t.updated:
                updated = updated or t
            elif published is None:
                published = t
    if published is None and updated is None:
        published = _date_near_title(source, segments, reference)
    if not authors:
        authors = (_authors_after_body(source, segments)
                   or _authors_from_profile_links(source, segments))
    main = next((s for s in bylines if s.kind is SegmentKind.BYLINE), bylines[0])
    affiliations = tuple(dict.fromkeys(a.affiliation for a in authors if a.affiliation))
    return Byline(span=main.span, authors=tuple(authors), affiliations=affiliations,
                  published=published or updated, updated=updated)
