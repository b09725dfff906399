"""The byline block of a page: the byline and dateline lines the layout found, names beside
a date line or under a line that is only "By", and the reading of the whole page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsstruct.byline.names import (
    _ENTITIES,
    _date_in,
    _explicit,
    _names_in,
    split_authors,
)
from newsstruct.byline.notes import (
    _authors_after_body,
    _authors_from_profile_links,
    _copyright_holder,
    _name_from_address,
    _names_at_top,
    _names_with_degrees,
)
from newsstruct.byline.published import (
    NEAR_AFTER,
    NEAR_BEFORE,
    _date_near_title,
    _Page,
)
from newsstruct.byline.times import (
    _ABSOLUTE,
    iter_times,
)
from newsstruct.data import lexicon
from newsstruct.layout.cues import (
    given_names,
    is_date_line,
    is_dated_credit,
)
from newsstruct.types import (
    Author,
    Byline,
    PublishedTime,
    Segment,
    SegmentKind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


_AFTER_NAMES = re.compile(
    # a footnote mark or a label glued to the name ("Jane Doe1", "Jane DoeJournal News"),
    # else a separator or a link
    r"\d|[A-Z][a-z]|\s*(?:$|[,;|•·/—–(&-]|@\w|(?i:(?:view|see|more|follow|email|e-mail|read|contact|updated|"
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
#: Separators around the fields of a meta row ("/ Jane Roe / 10:08 am", "Jane Roe | Published").
_FIELD_GAP = " |/•·-–—"


def _names_then_date(seg: Segment, source: str) -> list[Author]:
    """The names that open a line whose rest is only a date or a time ("Jane Roe 2 minutes
    ago", "Jane Roe | Published 4 months ago", "/ Jane Roe / 10:08 am Fri Jul 19, 2013"):
    the date beside the names is the byline's evidence, as the slot under the headline is."""
    text = seg.span.text
    if seg.kind is SegmentKind.TITLE or len(text) > 100:
        return []
    # (not a dash: "— Jane Roe (@janeroe) January 1, 2020" signs an embedded post)
    start = len(text) - len(text.lstrip(" |/"))
    d = _date_in(text[start:])
    if d is None or d.start() == 0:
        return []
    at = seg.span.start + start
    found = split_authors(text[start: start + d.start()], at, source, explicit=False,
                          slot=True)
    if not found or found[0].span.start != at:
        return []
    rest = source[found[-1].span.end: seg.span.end].strip(_FIELD_GAP)
    return found if is_date_line(rest) and "@" not in rest else []


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
            found = _names_then_date(seg, source)
            if found:
                return found, i
            continue
        # the line above or below, or the one above a section label ("Jane Doe" /
        # "Business" / "11.15.2019 10:09 AM")
        label = i > 0 and _SECTION_LABEL.match(segments[i - 1].span.text) is not None
        for j in (i - 1, i + 1, *((i - 2,) if label else ())):
            # (between the headline and the date line, or right under a date line that
            # stands under the headline, perhaps under its standfirst; an entry of a list
            # under it is a meta row's: "* January 28, 2018" / "* Cake Recipes")
            slot = title is not None and (
                (abs(j - title) == 1 and min(i, title) < j < max(i, title))
                or (j == i + 1 and 0 < i - title <= 2 and 0 <= j < len(segments)
                    and _LIST_MARK.match(segments[j].span.text) is None))
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


def _add_new(authors: list[Author], found: Iterable[Author]) -> None:
    """Append to ``authors`` each author of ``found`` whose name is not read already."""
    for a in found:
        if all(a.name.casefold() != b.name.casefold() for b in authors):
            authors.append(a)


def _placed(
    source: str, segments: Sequence[Segment], reference: dt.datetime, page: _Page
) -> list[tuple[int, Segment]]:
    """The byline and dateline lines the layout found that may sign the article, with their
    indexes: not those dating a list of teasers or posts, nor a "By" line inside the body."""
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
    return placed


def _continued(source: str, segments: Sequence[Segment], i: int) -> list[Author]:
    """The names on the line after the byline ``segments[i]`` when it opens with "&" or
    "and" ("Jane Doe, Staff Attorney" / "& John Roe, Director of ...")."""
    nxt = segments[i + 1] if i + 1 < len(segments) else None
    cont = re.match(r"(?:&|and)\s+", nxt.span.text) if nxt is not None else None
    if nxt is None or cont is None:
        return []
    return split_authors(nxt.span.text[cont.end():], nxt.span.start + cont.end(), source,
                         explicit=False)


#: Lines that open with names and run on into something else that make a list.
LISTED_ENTRIES = 2


def _placed_names(
    source: str, segments: Sequence[Segment], placed: Sequence[tuple[int, Segment]],
    explicit: bool | None,
) -> tuple[list[Author], bool, bool]:
    """The authors named on the byline lines (with "By" when ``explicit``, without when not,
    either when ``None``); whether they were read from lines without "By"; and whether
    :data:`LISTED_ENTRIES` such lines or more open a line of something else (a list's
    entries, not a byline)."""
    authors: list[Author] = []
    from_names_only = False
    entries = 0
    for i, seg in placed:
        if not (seg.kind is SegmentKind.BYLINE
                and (explicit is None or _explicit(seg) == explicit)):
            continue
        found = _names_in(seg, source)
        if explicit is None and found:
            if _date_in(seg.span.text) is None and not _names_only(seg, source, found):
                # a name that opens a line of something else: a headline that names a
                # person ("Patti Smith and Stewart Copeland join ..."), or, with two such
                # lines or more, a list; no byline either way
                entries += 1
                continue
            from_names_only = True
        _add_new(authors, found)
        if found:
            _add_new(authors, _continued(source, segments, i))
    return authors, from_names_only, entries >= LISTED_ENTRIES


def _placed_times(
    source: str, placed: Sequence[tuple[int, Segment]], reference: dt.datetime, page: _Page
) -> tuple[PublishedTime | None, PublishedTime | None]:
    """The first published and the first updated time written on the byline lines."""
    published: PublishedTime | None = None
    updated: PublishedTime | None = None
    for _, seg in placed:
        for t in iter_times(seg.span.text, seg.span.start, source, reference,
                            day_first=page.day_first(seg.span.text)):
            if t.updated:
                updated = updated or t
            elif published is None:
                published = t
    return published, updated


def _first_date(
    seg: Segment, source: str, reference: dt.datetime, page: _Page
) -> PublishedTime | None:
    """The first absolute date written on ``seg``."""
    return next(iter_times(seg.span.text, seg.span.start, source, reference, relative=False,
                           day_first=page.day_first(seg.span.text)), None)


def _names_near_title(
    source: str, segments: Sequence[Segment], page: _Page, title: int, title_text: str
) -> tuple[list[Author], int | None]:
    """With no byline names: names beside a date line near the headline (with the index of
    that date line), else a name line right above the headline."""
    found, dated = _names_beside_dates(
        source, segments, page, max(0, title - NEAR_BEFORE),
        min(len(segments), title + NEAR_AFTER + 1), title)
    authors = _people(found, source, title_text)
    if not found and title > 0:
        # a name line right above the headline ("Jane Doe" / "Why My Friend ...")
        authors = _people(_bare_names(segments[title - 1], source), source, title_text)
    return authors, dated


def _authors_elsewhere(
    source: str, segments: Sequence[Segment], notes: list[Author]
) -> list[Author]:
    """With no names near the headline: a note about the author after the article, names
    after "By" or with degrees above the first paragraph, a link to the author's articles,
    the holder of the copyright."""
    return notes or _people(_names_at_top(source, segments)
                            or _names_with_degrees(source, segments), source, "") or _people(
        _authors_from_profile_links(source, segments) or _copyright_holder(source, segments)
        or _name_from_address(source, segments),
        source, "")


def _parse_byline(
    source: str, segments: Sequence[Segment], reference: dt.datetime
) -> Byline | None:
    page = _Page(source, segments)
    placed = _placed(source, segments, reference, page)
    bylines = [s for _, s in placed]
    title = next((i for i, s in enumerate(segments) if s.kind is SegmentKind.TITLE), None)
    title_text = segments[title].span.text.casefold() if title is not None else ""
    under_by, under_by_date = _under_by_near(source, segments, title)
    # names after "By" win over lines that are only names
    explicit = any(_explicit(s) and _names_in(s, source) for s in bylines
                   if s.kind is SegmentKind.BYLINE) or bool(under_by) or None
    authors, from_names_only, listing = _placed_names(source, segments, placed, explicit)
    published, updated = _placed_times(source, placed, reference, page)
    if listing:
        # names on lines without "By" are not the byline when they are a list's entries
        authors = []
    _add_new(authors, under_by)
    authors = _people(authors, source, title_text if from_names_only else "")
    notes = _people(_authors_after_body(source, segments), source, "")
    if authors and from_names_only and notes:
        # a note about the author after the article outweighs names without "By"
        authors = notes
    if not authors and title is not None and not listing:
        authors, dated = _names_near_title(source, segments, page, title, title_text)
        if published is None and updated is None and authors and dated is not None:
            # the date beside the names
            published = _first_date(segments[dated], source, reference, page)
    if published is None and updated is None and under_by and under_by_date is not None:
        # the date under the names listed under "By"
        published = _first_date(under_by_date, source, reference, page)
    if published is None and updated is None:
        published = _date_near_title(source, segments, reference, page, title)
    if not authors:
        authors = _authors_elsewhere(source, segments, notes)
    if not bylines:
        if published is None and not authors:
            return None
        return Byline(span=None, authors=tuple(authors), published=published)
    main = next((s for s in bylines if s.kind is SegmentKind.BYLINE), bylines[0])
    affiliations = tuple(dict.fromkeys(a.affiliation for a in authors if a.affiliation))
    return Byline(span=main.span, authors=tuple(authors), affiliations=affiliations,
                  published=published or updated, updated=updated)
