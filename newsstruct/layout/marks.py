"""What a title candidate's text alone says, read once for each line text: its content words,
the parts of a separated line, and the features of
:data:`~newsstruct.layout.titles.TITLE_FEATURES` that no other line of the page changes."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newsstruct.data import lexicon
from newsstruct.layout.casing import quoted
from newsstruct.layout.cues import _caption_credit, _name_like, dateline_length, has_date
from newsstruct.layout.features import (
    _BREADCRUMB,
    _agencies,
    _caption_cue,
    _full_stop,
    _not_title,
    _sentence_break,
)

_SEPARATED = re.compile(r"\s+[|–—-]\s+|\s*\|\s*|:\s+")
_WORD = re.compile(r"[^\W\d_]{4,}")


#: Closing quotes and brackets, seen through where a line's sentence end is read.
_CLOSING = "\"”’')"


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    """The words of four letters or more of ``text``, in lower case, but the common ones
    (cached: the lines of a page's header are compared with its opening again and again)."""
    return frozenset(w.lower() for w in _WORD.findall(text)) - lexicon("layout_common_words")


#: Capitalised words run together ("HomeNewsPortugal", "MagazineSubscribeSign"): two
#: joins in one word, where a brand name ("YouTube", "McDonald") has at most one.
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]+[A-Z]")


class _Marks(NamedTuple):
    """The features of a candidate that its text alone decides, each named as in
    :data:`~newsstruct.layout.titles.TITLE_FEATURES`, as the floats of its feature vector
    (each from 0 to 1)."""

    long_sentence: float
    caption_cue: float
    caption_credit: float
    has_date: float
    upper_label: float
    ends_colon: float
    name_like: float
    link_or_symbol: float
    breadcrumb: float
    agency: float
    two_sentences: float
    full_stop: float
    name_start: float
    no_lower_words: float
    glued_words: float
    interface_verb: float
    role_end: float
    section_names: float
    sentence_words: float
    sentence_case_end: float
    quoted: float


@lru_cache(maxsize=8192)
def _separated_parts(core: str) -> tuple[str, ...]:
    """The parts of three words or more of a separated line ("Title | Site"), case-folded;
    none when no separator splits it."""
    pieces = _SEPARATED.split(core)
    if len(pieces) < 2:
        return ()
    return tuple(p.strip().casefold() for p in pieces if len(p.split()) >= 3)


@lru_cache(maxsize=8192)
def _marks(core: str) -> _Marks:
    """The :class:`_Marks` of ``core``, read once for each line text (pages repeat their
    header lines, and a line is a candidate of several headers)."""
    split = core.split()
    words = len(split)
    return _Marks(
        long_sentence=float(words > 10 and core.rstrip(_CLOSING).endswith(".")),
        caption_cue=float(_caption_cue(core)),
        caption_credit=float(_caption_credit(core)),
        has_date=float(has_date(core)),
        upper_label=float(core.isupper() and words <= 5),
        ends_colon=float(core.endswith(":")),
        name_like=float(_name_like(core)),
        link_or_symbol=float(_not_title(core)),
        breadcrumb=float(_BREADCRUMB.search(core) is not None),
        agency=float(core.casefold() in _agencies()),
        two_sentences=float(words > 14 and _sentence_break(core)),
        full_stop=float(_full_stop(core)),
        name_start=float(words >= 3 and _name_like(" ".join(split[:2]))),
        no_lower_words=float(words >= 3 and not any(w[:1].islower() for w in split)),
        glued_words=float(_GLUED.search(core) is not None),
        interface_verb=float(_interface_verb(core)),
        role_end=float(words <= ROLE_LINE_WORDS and core.rsplit(None, 1)[-1].strip(",.:").lower()
                       in lexicon("byline_roles")),
        section_names=float(_section_names(core)),
        sentence_words=min(sentence_words(core), SENTENCE_WORDS_CAP) / SENTENCE_WORDS_CAP,
        sentence_case_end=float(_sentence_case_end(core)),
        quoted=float(quoted(core)),
    )


#: The longest line, in words, read as a credit when it ends with a job title.
ROLE_LINE_WORDS = 8
#: The count of :func:`sentence_words` at which the feature is full.
SENTENCE_WORDS_CAP = 3


def _interface_verb(core: str) -> bool:
    first = core.split(None, 1)[0].strip(":.!").lower() if core else ""
    return first in lexicon("layout_interface_verbs")


_MENU_SPLIT = re.compile(r"[\s/|]+")
_MENU_JOINERS = frozenset({"&", "+", "and", "the", "in", "-", "–", "—", "·", "•"})


@lru_cache(maxsize=8192)
def _section_names(core: str) -> bool:
    """Whether half or more of the words of ``core`` (two or more) name a site's sections
    ("Sources Warehouses Catalog Pricing Blog", "In Local News, News")."""
    names = lexicon("layout_section_names")
    words = [w.strip(",.:;()").lower() for w in _MENU_SPLIT.split(core)]
    words = [w for w in words if w and w not in _MENU_JOINERS]
    return len(words) >= 2 and 2 * sum(1 for w in words if w in names) >= len(words)


@lru_cache(maxsize=8192)
def sentence_words(core: str) -> int:
    """How many articles and forms of "be" and "have" ``core`` holds: headline style leaves
    them out ("Minister to resign"), a standfirst or a body's sentence keeps them."""
    words = lexicon("layout_sentence_words")
    return sum(1 for w in core.lower().split() if w.strip("‘'\"“”’,.:;!?()") in words)


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _sentence_case_end(core: str) -> bool:
    """Whether ``core`` ends a sentence (".", "!", "?"; not an abbreviation's stop) and a
    word of four letters or more in it is in lower case: written as a sentence, not in
    headline style."""
    return (_full_stop(core) or core.endswith(("!", "?"))) and any(
        w[:1].islower() for w in _LONG_WORD.findall(core))


@lru_cache(maxsize=8192)
def dateline_paragraph(core: str) -> bool:
    """Whether ``core`` opens with a dateline and goes on in sentence case ("HAYWARD, Calif.
    (AP) — The Latest on a deadly stabbing ..."): the first paragraph of an article's body,
    never its headline (a wire headline in capitals, "SOCCER - JAPAN GET LUCKY WIN", is no
    such line)."""
    dateline = dateline_length(core)
    return dateline > 0 and any(w[:1].islower() for w in _LONG_WORD.findall(core[dateline:]))
