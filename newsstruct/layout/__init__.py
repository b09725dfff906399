"""Layout: split an article's text, or a whole rendered page, into labelled segments.

Every non-whitespace character of the input lies in exactly one :class:`Segment`; a segment's
span starts and ends on non-whitespace characters. Boilerplate is labelled with its kind and
kept. This stage needs no spaCy model.

How a page is read:

1. The text is split into non-blank lines (a line that is a whole text with its line breaks
   collapsed is cut into sentence groups); each line gets cheap features (word count, list
   marker, sentence punctuation, a boilerplate kind from the lexicon
   ``newsstruct/data/boilerplate_patterns.txt``, whether it reads as a byline or a date line).
2. The body is the run of lines with the highest score: prose lines count for their length,
   navigation, link lists and boilerplate against, a teaser's summary (between a headline-like
   line and a short one) for little, and for less still in a list of three or more teasers;
   a long line of capitalised words with no sentence end is menu entries run together, not
   prose; a short line the page repeats three times or more ("Article content") is a label
   of its furniture, neither a teaser's headline nor a section heading. No run crosses
   comments, tags or a copyright notice (the buttons under an embedded post, "Reply",
   "Report", and a picture's caption led by "©" are no such stop), and a run after such a
   stop counts for less; a heading over related stories counts against as much. A run that
   follows a headline and a "By" line is preferred to a larger one elsewhere (always to one
   beyond the comments or tags that close it), and to one that opens with a list of teasers
   above that headline. A list that closes the article (a short heading or lead-in sharing
   a word with it, then three or more list items or lines with figures, up to the page's
   furniture) is the body's too; a note about the author ("Jane Doe is a staff writer ...")
   with most of the prose above it closes the article; a picture's caption with its credit
   does not open the body.
3. The header is read above the body: the cluster of byline and date lines nearest to it,
   scored by named weights (a run of evenly spaced headlines with their dates is a list of
   teasers, passed over and not counted as distance). Every headline-like line above the
   body, and the headline of each cluster, is a title candidate scored by the named
   features and fitted weights of :mod:`newsstruct.layout.titles`; the best is the title
   unless the "no title" option scores more (a text that is an article's body alone). A
   headline shown twice is read at its place nearest the body. The standfirst is the prose
   between headline and byline.
4. Lines before the header are navigation, lines after the body related links or other
   furniture, unless the lexicon names a more precise kind. Inside the body, captions with
   credits (a credit after "©" too, or a credit line under them above the first paragraph)
   and the pictures of a gallery ("2 of 4 ..."), repeated
   lines and notes about the author are told apart from paragraphs, and
   short headline-like lines followed by prose are section headings.
5. A dateline that opens the first paragraph ("WASHINGTON (Reuters) -", "MADRID —") is cut
   into its own DATELINE segment, so the paragraph starts with its first word; a dateline or
   date line of its own between the headline and the first paragraph ("LONDON 1996-08-30")
   is a DATELINE segment too. A headline's line holding a run of ten spaces or more (the
   cells of a table rendered onto one line) is cut there: the first cell is the title, the
   rest boilerplate.
6. A text with no page furniture at all (no boilerplate line, no list of links, no link) is
   an article's own text: rows of results tables and schedules ("Leicestershire 22 points,
   Somerset 4.") count towards its body, the short lines that close it stay in the body,
   and labels among rows are paragraphs. On a page with furniture such lines are read as
   before.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsstruct.layout.body import (
    _after_caption,
    _before_author_note,
    _body_region,
    _byline_anchored_region,
    _closing_list,
    _plain,
    _scores,
    _table_tail,
)
from newsstruct.layout.boilerplate import KIND_ORDER, _kind_cached, boilerplate_kind
from newsstruct.layout.build import _build
from newsstruct.layout.classify import _classify
from newsstruct.layout.cues import (
    AUTHOR_NOTE,
    DATE_PATTERN,
    NOT_AFTER_BY,
    _name_like,
    dateline_length,
    given_names,
    is_byline_line,
    is_date_line,
    is_dated_credit,
)
from newsstruct.layout.features import _Feat, _features_cached, _line_features, _title_like
from newsstruct.layout.header import _find_header
from newsstruct.layout.lines import (
    COLLAPSED_CHARS,
    Line,
    _line_rows,
    _Row,
    collapsed_line,
    split_lines,
)
from newsstruct.layout.marks import (
    _content_words,
    _marks,
    _section_names,
    _separated_parts,
    dateline_paragraph,
    sentence_words,
)
from newsstruct.types import ParseWarning, Segment, SegmentKind, Span, WarningCode

__all__ = [
    "AUTHOR_NOTE",
    "DATE_PATTERN",
    "KIND_ORDER",
    "NOT_AFTER_BY",
    "Line",
    "boilerplate_kind",
    "dateline_length",
    "given_names",
    "is_byline_line",
    "is_date_line",
    "is_dated_credit",
    "layout_warnings",
    "reset_caches",
    "segment_text",
    "split_lines",
]


def reset_caches() -> None:
    """Empty the caches of the layout stage."""
    _kind_cached.cache_clear()
    _features_cached.cache_clear()
    _title_like.cache_clear()
    _name_like.cache_clear()
    _content_words.cache_clear()
    _section_names.cache_clear()
    sentence_words.cache_clear()
    dateline_paragraph.cache_clear()
    _marks.cache_clear()
    _separated_parts.cache_clear()


def segment_text(text: str) -> tuple[Segment, ...]:
    """Split ``text`` into labelled segments covering every non-space character once."""
    regions = _regions(text)
    if regions is None:
        return ()
    lines, feats, a, b = regions
    head = _find_header(feats, a, b)
    kinds = _classify(feats, head.body_start, b, head)
    return _build(text, lines, kinds)


def _regions(text: str) -> tuple[list[_Row], list[_Feat], int, int] | None:
    """The lines of ``text``, their features and the body's first and last lines (``None``
    for a text with no line)."""
    lines = _line_rows(text)
    if not lines:
        return None
    feats = [_features_cached(line) if len(line) <= 120 else _line_features(line)
             for _, _, line, _ in lines]
    if not _plain(feats):
        # on a page with furniture, short lines with figures may be links and widgets
        feats = [f._replace(row=False) if f.row else f for f in feats]
    scores = _scores(feats)
    a, b = _body_region(feats, scores)
    a, b = _byline_anchored_region(feats, scores, a, b)
    b = _table_tail(feats, b)
    b = _closing_list(feats, a, b)
    b = _before_author_note(feats, a, b)
    a = _after_caption(feats, a, b)
    return lines, feats, a, b


def layout_warnings(text: str, segments: Sequence[Segment]) -> tuple[ParseWarning, ...]:
    """What the layout of ``text`` (read as ``segments``) warns of: a line that is a whole
    text with its line breaks collapsed (read in sentence groups), and a text with body
    paragraphs but no title (an article's body alone: its first paragraph is no title)."""
    out: list[ParseWarning] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if len(stripped) >= COLLAPSED_CHARS and collapsed_line(stripped):
            start = pos + len(raw) - len(raw.lstrip())
            out.append(ParseWarning(
                code=WarningCode.COLLAPSED_WHITESPACE,
                message=f"a line of {len(stripped)} characters holds a whole text with its "
                        "line breaks collapsed; it was read in groups of sentences",
                span=Span.of(text, start, start + len(stripped))))
            break
        pos += len(raw)
    kinds = {s.kind for s in segments}
    if SegmentKind.PARAGRAPH in kinds and SegmentKind.TITLE not in kinds:
        out.append(ParseWarning(
            code=WarningCode.NO_TITLE,
            message="no title was found: the text reads as an article's body alone"))
    return tuple(out)
