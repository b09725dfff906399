"""Classification: the kind of every line, given the body region and the header."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsstruct.layout.body import _repeated_labels
from newsstruct.layout.cues import _DATELINE_LINE, AUTHOR_NOTE, _caption_credit, _holds_any
from newsstruct.layout.features import _caption_cue, _Feat
from newsstruct.layout.header import _Header
from newsstruct.types import BoilerplateKind, SegmentKind

_Kind = tuple[SegmentKind, BoilerplateKind | None]
#: The longest caption, in characters.
CAPTION_MAX_CHARS = 400
#: The kinds lines are classified as, made once.
_AS_TITLE: _Kind = (SegmentKind.TITLE, None)
_AS_STANDFIRST: _Kind = (SegmentKind.STANDFIRST, None)
_AS_BYLINE: _Kind = (SegmentKind.BYLINE, None)
_AS_DATELINE: _Kind = (SegmentKind.DATELINE, None)
_AS_HEADING: _Kind = (SegmentKind.HEADING, None)
_AS_PARAGRAPH: _Kind = (SegmentKind.PARAGRAPH, None)
_AS_CAPTION: _Kind = (SegmentKind.CAPTION, None)
_AS_NAVIGATION: _Kind = (SegmentKind.BOILERPLATE, BoilerplateKind.NAVIGATION)
_AS_RELATED: _Kind = (SegmentKind.BOILERPLATE, BoilerplateKind.RELATED)
_AS_CREDIT: _Kind = (SegmentKind.BOILERPLATE, BoilerplateKind.CREDIT)
_AS_OTHER: _Kind = (SegmentKind.BOILERPLATE, BoilerplateKind.OTHER)


#: A picture of a gallery: "2 of 4 A shopper looks at extension cords ...".
_GALLERY = re.compile(r"^\d{1,3} of \d{1,3} [A-Z“\"‘']")


_CAPTION_HINTS = ("credit", "photo", "image", "picture", "getty", "illustration", "afp", "ap ",
                  "reuters", "epa", "/", "(", "…", "...", "©")


def _is_caption(f: _Feat) -> bool:
    if _GALLERY.match(f.core):
        return True
    low = f.core.lower()
    if not _holds_any(low, _CAPTION_HINTS):
        return False
    return (not f.prose and _caption_cue(f.core)) or _caption_credit(f.core)


_OFFERS = frozenset({BoilerplateKind.SUBSCRIBE, BoilerplateKind.LOGIN})


def _offer_item(i: int, feats: Sequence[_Feat]) -> bool:
    """Whether the list item ``i`` lists what a subscription or an account offers: the
    first line above its list is a prompt to subscribe or sign in ("Subscribe now to read
    the latest news ..." / "* Exclusive articles from ...")."""
    j = i - 1
    while j >= 0 and feats[j].bullet and feats[j].bp is None:
        j -= 1
    return j >= 0 and feats[j].bp in _OFFERS


#: Two lines opening with the same this many characters show the same caption.
SAME_CAPTION = 40


def _credited(i: int, feats: Sequence[_Feat]) -> bool:
    """Whether the line ``i`` stands over a picture's credit ("Photo: Jane Doe, AP"), itself
    or shown twice: above the first paragraph, the lead picture's caption."""
    j = i + 1
    if j < len(feats) and feats[j].core[:SAME_CAPTION] == feats[i].core[:SAME_CAPTION]:
        # (the caption again, cut short: "... more")
        j += 1
    return (j < len(feats) and feats[j].bp is BoilerplateKind.CREDIT
            and _WRITERS_CREDIT.match(feats[j].core) is None)


#: A credit of the article's writers ("Reporting by ...; Editing by ..."), not a picture's.
_WRITERS_CREDIT = re.compile(
    r"^\(?(?:reporting|editing|additional reporting|writing|compiled)\b", re.IGNORECASE)


def _is_heading(i: int, feats: Sequence[_Feat], b: int) -> bool:
    f = feats[i]
    if not f.headline or f.prose or f.words > 16 or len(f.core) > 120:
        return False
    if f.core.endswith((".", ",", ";")) or _caption_cue(f.core):
        return False
    nxt = next((j for j in range(i + 1, b + 1) if feats[j].bp is None), None)
    return nxt is not None and feats[nxt].prose


def _in_table(i: int, feats: Sequence[_Feat]) -> bool:
    """Whether a line with words sits among rows of a table (the line before it, or one of
    the two after it, is a row, and two of the lines around it are) and is no list item."""
    f = feats[i]
    if f.bullet or not f.letters:
        return False
    near = [feats[j].row for j in range(max(0, i - 2), min(len(feats), i + 4))]
    return sum(near) >= 2 and any(
        0 <= j < len(feats) and feats[j].row for j in (i - 1, i + 1, i + 2))


def _above_body(i: int, feats: Sequence[_Feat], a: int, b: int, top: int,
                last_byline: int) -> _Kind | None:
    """The kind of a line between the header's top and the first paragraph (``i < a``)."""
    f = feats[i]
    if i == a - 1 and i > last_byline and _is_heading(i, feats, b):
        # a section heading right before the first paragraph
        return _AS_HEADING
    if i > top and not (f.byline or f.date) and _in_table(i, feats):
        # the lead-in or a label of a table that opens the body
        return _AS_PARAGRAPH
    if f.date and i > top:
        return _AS_DATELINE
    if f.words >= 6 and f.letters:
        # (a picture's caption is short: a longer line is other text of the page)
        return _AS_CAPTION if len(f.core) <= CAPTION_MAX_CHARS else _AS_OTHER
    return None


def _in_body(i: int, feats: Sequence[_Feat], b: int, top: int, paragraph_seen: bool,
             seen_in_body: set[str]) -> _Kind | None:
    """The kind of a line of the body region (``a <= i <= b``); ``seen_in_body`` collects
    the paragraphs read so far."""
    f = feats[i]
    if f.date and top < i and not paragraph_seen:
        # a date line between the headline and the first paragraph ("LONDON 1996-08-30")
        return _AS_DATELINE
    if i >= b - 3 and AUTHOR_NOTE.match(f.core):
        return _AS_CREDIT
    if f.bullet and _offer_item(i, feats):
        return _AS_OTHER
    if f.core in seen_in_body and f.words >= 4:
        # the same text again (pages render a caption or teaser more than once)
        return _AS_OTHER
    if f.prose or f.row or (f.words >= 4 and not f.byline and not f.date):
        seen_in_body.add(f.core)
        if _is_heading(i, feats, b):
            return _AS_HEADING
        if (_is_caption(f) or (not paragraph_seen and _credited(i, feats))) and (
                len(f.core) <= CAPTION_MAX_CHARS):
            # (a credit under a line after the first paragraph may be a chart's or a
            # picture's with no caption: the line over it is the article's)
            return _AS_CAPTION
        return _AS_PARAGRAPH
    if f.headline and f.words >= 2 and _is_heading(i, feats, b):
        return _AS_HEADING
    if _in_table(i, feats) and not f.byline and not f.date:
        # a label or a wrapped cell of a table in the body ("AMERICAN LEAGUE", "Leeds)")
        return _AS_PARAGRAPH
    return None


def _classify(feats: Sequence[_Feat], a: int, b: int, head: _Header) -> list[_Kind]:
    n = len(feats)
    kinds: list[_Kind] = [_AS_OTHER] * n
    top = head.title if head.title is not None else a
    last_byline = max(head.bylines, default=top)
    seen_in_body: set[str] = set()
    labels = _repeated_labels(feats)
    paragraph_seen = False
    for i in range(n):
        f = feats[i]
        if i - 1 > top and kinds[i - 1][0] is SegmentKind.PARAGRAPH:
            paragraph_seen = True
        kind: _Kind | None
        if f.bp is not None:
            kind = (SegmentKind.BOILERPLATE, f.bp)
        elif i < top:
            dateline = f.date and i >= top - 2 and _DATELINE_LINE.match(f.core) is not None
            kind = _AS_DATELINE if dateline else _AS_NAVIGATION
        elif f.core in labels:
            # a label of the page's furniture, shown again and again ("Article content")
            kind = _AS_OTHER
        elif i > b:
            kind = _AS_RELATED if (f.headline or f.bullet) else _AS_OTHER
        elif i < a:
            kind = _above_body(i, feats, a, b, top, last_byline)
        else:
            kind = _in_body(i, feats, b, top, paragraph_seen, seen_in_body)
        if kind is not None:
            kinds[i] = kind
    if head.title is not None:
        kinds[head.title] = ((SegmentKind.TITLE, BoilerplateKind.SHARE) if head.carried
                             else _AS_TITLE)
    for j in head.standfirst:
        kinds[j] = _AS_STANDFIRST
    for j in head.bylines:
        kinds[j] = _AS_BYLINE
    return kinds
