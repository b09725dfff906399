"""Authors named away from the byline: a note after the article, a link to the author's
articles, names with degrees or affiliation numbers or after "By" above the first paragraph,
a copyright holder."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsstruct.byline.names import (
    _INITIAL,
    _clean_name,
    _date_in,
    _explicit,
    _is_person,
    _names_in,
)
from newsstruct.layout.cues import (
    AUTHOR_NOTE,
    is_byline_line,
)
from newsstruct.types import (
    Author,
    Segment,
    SegmentKind,
    Span,
)

_NAME = r"(?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|la|le)){1,3})"
_ABOUT_THE_AUTHOR = re.compile(r"^(?i:about the author\s*[-–:]?\s*)" + _NAME + r"$")
#: Notes that say the name is the author's: the name needs no other evidence.
_LABELLED_NOTES = (
    AUTHOR_NOTE,
    _ABOUT_THE_AUTHOR,
    re.compile(r"^(?i:write to) " + _NAME + r" (?i:at)\b"),
    re.compile(r"^(?i:author|written by)\s*:\s*" + _NAME + r"$"),
    # a post's footer: "Posted by Jane Doe at 5:11 AM"
    re.compile(r"^(?i:posted by) " + _NAME + r" (?i:at) \d{1,2}:\d{2}\b"),
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
    staff writer ...", "About the author - Jane Doe", "Write to Jane Doe at ...", "Posted by
    Jane Doe at 5:11 AM")."""
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
#: An entry of a paper's list of authors with the number of an affiliation glued to the
#: name ("* Marwan H. Adwan1", "* Rachel Brazil0", "* Xiaoying You0,").
_AFFILIATION_MARK = re.compile(
    r"^[*+•·-]\s+(?P<name>[A-Z][^\W\d_.'’-]*\.?(?: (?:[A-Z][^\W\d_]*\.?|de|van|von|da|del|la|le))"
    r"{1,3})(?<=[a-z])\d{1,2}(?:,\d{1,2})*\s*,?$")


def _names_with_degrees(source: str, segments: Sequence[Segment]) -> list[Author]:
    """The authors of a paper listed above its text, each with a degree ("* Jane Doe, PhD ,",
    "* John Roe, MD, MPH") or the number of an affiliation ("* Jane Doe1"): a degree is only
    ever written after a person's name, and such a number only after an author's."""
    found: dict[str, Author] = {}
    for seg in segments:
        if seg.kind is SegmentKind.PARAGRAPH:
            break
        if len(seg.span) > 120:
            continue
        m = _DEGREES.match(seg.span.text)
        marked = m is None and (m := _AFFILIATION_MARK.match(seg.span.text)) is not None
        if m is None:
            continue
        name = _clean_name(m.group("name"), allow_single=False)
        # "Silver Spring, MD" is a place: with a degree the name must open with a given
        # name or initial (no place takes an affiliation's number)
        first = name.split()[0] if name is not None else ""
        start = seg.span.start + m.start("name")
        if name is not None and (marked or _INITIAL.match(first)
                                 or _is_person(name, start, start + len(m.group("name")))):
            found.setdefault(name.casefold(), Author(
                name=name, span=Span.of(source, start, start + len(m.group("name")))))
    return list(found.values())


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


#: A request to write to the writer at an address that spells the name ("Email the writer at
#: louise_matsakis@wired.com", "can email him at timothy.nerozzi@fox.com").
_WRITER_ADDRESS = re.compile(
    r"\b(?i:e-?mail|contact|reach|write to) (?i:the (?:writer|author|reporter)|him|her) (?i:at) "
    r"(?P<first>[a-z]{2,20})[._](?P<last>[a-z]{2,20})@[\w-]+\.[\w.]+")


def _name_from_address(source: str, segments: Sequence[Segment]) -> list[Author]:
    """With no other name on the page: the writer whose address a paragraph or a note gives
    for writing to the writer, when it spells a given name and a surname."""
    for seg in segments:
        text = seg.span.text
        m = _WRITER_ADDRESS.search(text) if "@" in text else None
        if m is None:
            continue
        name = f"{m.group('first').capitalize()} {m.group('last').capitalize()}"
        start, end = seg.span.start + m.start("first"), seg.span.start + m.end("last")
        if _is_person(name, start, end):
            return [Author(name=name, span=Span.of(source, start, end))]
    return []
