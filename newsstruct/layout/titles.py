"""Title candidates: every headline-like line above the body, scored by named features with
named weights, against the option of no title at all.

The weights are read from ``newsstruct/data/header_weights.json``; they were fitted by
``benchmarks/fit_header.py`` (a conditional logit over the candidates of each page, on folds
grouped by site), and the file's ``origin`` says on what. A feature with no weight in the
file counts for nothing. The "no title" option scores :attr:`HeaderWeights.no_title`: a text
that is only an article's body has no line that beats it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import NamedTuple

from newsstruct.layout.casing import under_title_case
from newsstruct.layout.choice import choose_bounded, choose_title
from newsstruct.layout.cues import (
    _name_like,
    dateline_length,
)
from newsstruct.layout.features import (
    _LETTER,
    STANDFIRST_WORDS,
    _counts,
    _Feat,
    _full_stop,
    _title_like,
)
from newsstruct.layout.marks import (
    _CLOSING,
    _content_words,
    _Marks,
    _marks,
    _sentence_case_end,
    _separated_parts,
    dateline_paragraph,
    sentence_words,
)
from newsstruct.layout.page import (
    CANDIDATE_MAX_WORDS,
    CARRIER,
    _opening,
    _Page,
    _page,
)
from newsstruct.layout.weights import HeaderWeights, header_weights, set_header_weights

__all__ = ["CARRIER", "TITLE_FEATURES", "HeaderWeights", "best_title", "choose_title",
           "dateline_paragraph", "header_weights", "set_header_weights", "title_candidates"]

#: The features of a title candidate, in the order of a feature vector.
TITLE_FEATURES: tuple[str, ...] = (
    "anchored",             # the headline-like line just above (or under) the chosen byline,
                            # but the lower line of a stacked pair (stack_lower marks that)
    "anchored_by",          # ... and that header holds a "By" line
    "above_other_header",   # the headline-like line of another byline / date cluster
    "title_like",           # headline-like: length, no sentence end, no link, no name, ...
    "headline_shape",       # a capitalised line of 2-30 words not ending with "," or ";"
    "words_4_24",
    "words_1_2",
    "words_3",
    "bullet",               # a list item
    "prose",                # reads as a sentence of running text
    "long_sentence",        # ends with "." and has more than ten words
    "caption_cue",          # "Photo", "Getty Images", "(...)": a picture's caption
    "caption_credit",       # a caption with its credit ("... Photo: AP")
    "has_date",             # a date in the line: a teaser's or a post's details
    "upper_label",          # a short line in capitals: a section label
    "ends_colon",           # a lead-in ("Here's why:")
    "name_like",            # only a person's name
    "repeated",             # the page shows the line again (page title, share text)
    "named_elsewhere",      # a part of a "Title | Site" line, or named by the comments
    "site_part",            # "Title | Site" itself, one of whose parts the page repeats
    "first_line_copy",      # the first line of a text whose body starts near its top
    "opening_share",        # share of its content words found in the first paragraphs
    "lines_to_body",        # content lines between it and the body, in tens (at most 2)
    "wiki_title",           # the line above a wiki's tagline
    "carried",              # named by a share line ("Share All sharing options for: ...")
    "after_lone_by",        # under a lone "By": the author's or the source's name
    "link_or_symbol",       # an address, a handle or a line opening with a symbol
    "breadcrumb",           # "Home > News > ..."
    "agency",               # the name of an agency or outlet
    "in_body",              # the body's own first line
    "two_sentences",        # a long line holding two sentences
    "in_teaser_list",       # inside a run of headlines with their dates
    "full_stop",            # ends with a full stop that ends a sentence
    "dateline_opening",     # opens with a dateline ("LONDON (AP) —"): a first paragraph
    "standfirst_below",     # the next content line is longer prose: its standfirst
    "under_headline",       # the content line above is headline-like: it may be a standfirst
    "name_start",           # opens with a person's name ("Jane Roe Deputy Editor")
    "no_lower_words",       # three or more words, none in lower case: menu entries or labels
    "nearest_above_body",   # the headline-like line nearest above the body
    "best_share",           # the candidate sharing most words with the opening (half or more)
    "anchored_shares",      # anchored, and sharing a fifth of its words with the opening
    "part_of_other",        # another candidate line starts or ends with this whole line
    "holds_other",          # this line starts or ends with another candidate's whole text
    "date_below",           # the next content line is a date, dateline or byline line
    "glued_words",          # capitalised words run together ("HomeNewsPortugal"): a menu
    "interface_verb",       # opens with a page control's verb ("Click", "Sign in", "Share")
    "role_end",             # a short line ending with a job title: "Lucy Thornton News Reporter"
    "section_names",        # half or more of its words name a site's sections: a menu, a label
    "sentence_words",       # articles and "be" / "have" forms, which headlines leave out
    "over_anchored",        # a headline right above an anchored line of standfirst length (the
                            # upper line of a stacked pair, when it is no longer: a headline, its
                            # standfirst and a caption stacked)
    "anchored_under",       # that anchored line, of standfirst length, right under a headline
    "sentence_below",       # the next line of 8+ words reads more as a sentence: a standfirst
    "over_anchored_shares",  # over the anchored line, and sharing a fifth of its words with the
                            # opening: the headline over a standfirst that took the byline
    "lone_first_line",      # the first line of a text with no byline or date line near its top:
                            # an article's body alone opens so as often as a bare headline
    "sentence_case_end",    # ends a sentence (".", "!", "?") with a long word in lower case: the
                            # opening sentence of a body ("Time is not on Adam Schiff's side.")
    "stack_upper",          # the upper of two headline-like lines stacked over the byline
    "stack_lower",          # the lower of them (the anchored line), of standfirst length
    "stack_upper_shorter",  # the upper, no longer than the lower in words, or with an author's
                            # line between the two ("Marcus De Guzman View More Articles")
    "stack_lower_shares",   # the upper, over a lower line sharing a fifth of its words with the
                            # opening: a standfirst that sums up the body
    "dateline_below",       # the next content line opens with a dateline ("LONDON (AP) —"): the
                            # first paragraph of the body, with the headline right above it
    "opening_sentence",     # the text's first line, with no byline or date line near it, a
                            # sentence in sentence case over more prose: a body's first paragraph
    "under_title_case",     # in sentence case, under a headline in title case: its standfirst
                            # or a caption ("Olivia Munn: Queen of the Uncool" / "The Web and
                            # cable star has achieved fame by ...")
    "quoted",               # the whole line a quotation: a pull quote, not the headline
    "bare_text",            # no byline, date or boilerplate line in the text's first lines: an
                            # article's body alone (every candidate of the text; against "no
                            # title")
)


class Anchor(NamedTuple):
    """The headline-like line of the header's byline / date cluster, whether the cluster
    holds a "By" line, and the headline-like line stacked above it (with the author's line
    between the two, if any)."""

    line: int | None
    by: bool = False
    stacked: tuple[int, int | None] | None = None


#: The candidate sharing most words with the opening is marked when it shares this much.
BEST_SHARE = 0.5
#: An anchored headline sharing this much of its words with the opening is marked.
ANCHORED_SHARE = 0.2
#: ``lines_to_body`` counts the content lines between a candidate and the body in tens, up
#: to this many lines.
LINES_TO_BODY_CAP = 20


def _next_content(feats: Sequence[_Feat], i: int, step: int) -> _Feat | None:
    """The content line nearest ``i`` in direction ``step`` (at most two lines away)."""
    j = i + step
    while 0 <= j < len(feats) and abs(j - i) <= 2:
        if _counts(feats[j]):
            return feats[j]
        j += step
    return None


def _share(page: _Page, i: int, words: frozenset[str] | None = None) -> float:
    """The share of the content words of line ``i`` (``words``, when read already) that
    the body's opening holds."""
    if words is None:
        words = _content_words(page.feats[i].core)
    opening = _opening(page, i) if len(words) >= 2 else set()
    if not opening:
        return 0.0
    return len(words & opening) / len(words)


def _over_anchored(page: _Page, i: int, anchored: int | None) -> bool:
    """Whether line ``i`` is a headline right above the anchored line, and that line is
    long enough to be its standfirst."""
    if anchored is None or i >= anchored or not _title_like(page.feats[i]):
        return False
    if page.feats[i].words < 4 or page.feats[anchored].words < STANDFIRST_WORDS:
        return False
    # the anchored line is the next content line, at most two lines down
    return anchored - i <= 2 and page.content_between(i, anchored) == 0


def _sentence_below(f: _Feat, below: _Feat) -> bool:
    """Whether ``below``, the content line under ``f``, reads more as a sentence than ``f``
    (more articles and "be" / "have" forms, or a full stop where ``f`` has none): the
    standfirst under a headline."""
    if below.words < STANDFIRST_WORDS or below.byline or below.date or not f.headline or f.prose:
        return False
    return (sentence_words(below.core) > sentence_words(f.core)
            or (_full_stop(below.core) and not _full_stop(f.core)))


def _upper_first(page: _Page, anchor: Anchor) -> bool:
    """Whether the upper line of the stacked pair is no longer than the lower one, or has
    an author's line between them."""
    if anchor.stacked is None or anchor.line is None:
        return False
    upper, lower = page.feats[anchor.stacked[0]], page.feats[anchor.line]
    return upper.words <= lower.words or anchor.stacked[1] is not None


def _stack_head(page: _Page, anchor: Anchor) -> int | None:
    """The line the ``over_anchored`` features look above: the upper line of the stacked
    pair when :func:`_upper_first`, else the anchored line. A headline over a standfirst
    and a caption (three lines stacked) is so marked over the standfirst."""
    if anchor.stacked is not None and _upper_first(page, anchor):
        return anchor.stacked[0]
    return anchor.line


def _stack_features(page: _Page, i: int, anchor: Anchor) -> list[float]:
    """The features of line ``i`` as a line of a stacked pair (``stack_*``)."""
    if anchor.stacked is None or anchor.line is None or i not in (anchor.line,
                                                                    anchor.stacked[0]):
        return [0.0] * 4
    if i == anchor.line:
        return [0.0, 1.0, 0.0, 0.0]
    return [1.0, 0.0, float(_upper_first(page, anchor)),
            float(_share(page, anchor.line) >= ANCHORED_SHARE)]


def _opening_sentence(page: _Page, i: int, anchored: int | None, below: _Feat | None,
                      dateline_below: bool) -> bool:
    """Whether line ``i`` opens the text (no content line above it, no header cluster),
    ends a sentence written in sentence case (closing quotes seen through) and has prose
    under it that opens with no dateline: the first paragraph of a text that is only an
    article's body."""
    if (anchored is not None or page.content[i] > 0 or below is None or not below.prose
            or dateline_below):
        # (a dateline opening the next line is the body's start: the line is a headline)
        return False
    return _sentence_case_end(page.feats[i].core.rstrip(_CLOSING))


class _Near(NamedTuple):
    """The features of a candidate that read the lines around it (and the page's other lines
    for ``site_part``), each named as in :data:`TITLE_FEATURES`."""

    site_part: float
    after_lone_by: float
    lines_to_body: float
    dateline_opening: float
    standfirst_below: float
    under_headline: float
    date_below: float
    over_anchored: float
    anchored_under: float
    sentence_below: float
    over_anchored_shares: float
    opening_sentence: float
    dateline_below: float
    under_title_case: float


def _near(page: _Page, i: int, anchor: Anchor) -> _Near:
    """The :class:`_Near` features of line ``i``."""
    feats, f = page.feats, page.feats[i]
    head = _stack_head(page, anchor)
    over = _over_anchored(page, i, head)
    below, above = _next_content(feats, i, 1), _next_content(feats, i, -1)
    dateline_below = below is not None and dateline_length(below.core) > 0
    under_headline = above is not None and _title_like(above) and above.words >= 4
    lone = i == anchor.line and anchor.stacked is None
    return _Near(
        site_part=float(any(p in page.seen for p in _separated_parts(f.core))),
        after_lone_by=float(i > 0 and feats[i - 1].core.lower() == "by"),
        lines_to_body=min(page.content_between(i, page.a), LINES_TO_BODY_CAP) / 10.0,
        dateline_opening=float(f.prose and dateline_length(f.core) > 0),
        standfirst_below=float(below is not None and below.words >= STANDFIRST_WORDS
                               and below.words > f.words and not below.byline
                               and not below.date),
        under_headline=float(under_headline),
        date_below=float(below is not None and (below.date or below.byline)
                         and (lone or i != anchor.line)),
        over_anchored=float(over),
        anchored_under=float(i == head and f.words >= STANDFIRST_WORDS and under_headline),
        sentence_below=float(below is not None and _sentence_below(f, below)),
        over_anchored_shares=float(over and _share(page, i) >= ANCHORED_SHARE),
        opening_sentence=float(_opening_sentence(page, i, anchor.line, below, dateline_below)),
        dateline_below=float(dateline_below),
        under_title_case=float(under_title_case(f, above)),
    )


def _features(page: _Page, i: int, anchor: Anchor, others: set[int],
              covered: set[int], m: _Marks, n: _Near) -> list[float]:
    """The feature vector of line ``i`` (in the order of :data:`TITLE_FEATURES`), with ``m``
    for the features its text alone decides and ``n`` for those reading the lines around."""
    anchored, anchored_by = anchor.line, anchor.by
    f = page.feats[i]
    core, words = f.core, f.words
    key = core.casefold()
    share = _share(page, i, _content_words(core))
    # the lower line of a stacked pair is marked by stack_lower, not by the anchored_* features
    lone = i == anchored and anchor.stacked is None
    return [
        float(lone),
        float(lone and anchored_by),
        float(i in others and i != anchored),
        float(_title_like(f)),
        float(f.headline),
        float(4 <= words <= 24),
        float(words <= 2),
        float(words == 3),
        float(f.bullet),
        float(f.prose),
        m.long_sentence,
        m.caption_cue,
        m.caption_credit,
        m.has_date,
        m.upper_label,
        m.ends_colon,
        m.name_like,
        float(words >= 4 and page.seen.get(key, 0) > 1),
        float(page.named(key)),
        n.site_part,
        float(i == page.first),
        share,
        n.lines_to_body,
        float(i == page.wiki),
        float(i == page.carried),
        n.after_lone_by,
        m.link_or_symbol,
        m.breadcrumb,
        m.agency,
        float(i >= page.a),
        m.two_sentences,
        float(i in covered),
        m.full_stop,
        n.dateline_opening,
        n.standfirst_below,
        n.under_headline,
        m.name_start,
        m.no_lower_words,
        float(i == page.nearest),
        0.0,
        float(lone and share >= ANCHORED_SHARE),
        0.0,
        0.0,
        n.date_below,
        m.glued_words,
        m.interface_verb,
        m.role_end,
        m.section_names,
        m.sentence_words,
        n.over_anchored,
        n.anchored_under,
        n.sentence_below,
        n.over_anchored_shares,
        float(i == page.first and anchored is None),
        m.sentence_case_end,
        *_stack_features(page, i, anchor),
        n.dateline_below,
        n.opening_sentence,
        n.under_title_case,
        m.quoted,
        float(page.bare),
    ]


def _mark_parts(feats: Sequence[_Feat], out: list[tuple[int, list[float]]]) -> None:
    """Set ``part_of_other`` and ``holds_other``: a breadcrumb or a site's name glued to the
    headline ("HomeNews Portugal emerges as ...") holds the clean headline line."""
    part, holds = TITLE_FEATURES.index("part_of_other"), TITLE_FEATURES.index("holds_other")
    keys = sorted(((feats[i].core.casefold(), x) for i, x in out if feats[i].words >= 3),
                  key=lambda kx: len(kx[0]))
    sizes = [len(k) for k, _ in keys]
    for k, x in keys:
        # (only the keys more than two characters longer can hold this one)
        for other, y in keys[bisect_right(sizes, len(k) + 2):]:
            if other.endswith(k) or other.startswith(k):
                x[part] = 1.0
                y[holds] = 1.0


def _name_over_date(feats: Sequence[_Feat], i: int) -> bool:
    """Whether line ``i`` is only a person's name, right above a date line: the author and
    the time of a post ("Jane Doe" / "Nov 18, 2019 @17:19 PM"), not a headline."""
    return (i + 1 < len(feats) and feats[i + 1].date and feats[i].bp is None
            and _name_like(feats[i].core))


def _candidate(f: _Feat, i: int, carried: int | None) -> bool:
    return ((f.bp is None or i == carried) and not f.byline and not f.date
            and 1 <= f.words <= CANDIDATE_MAX_WORDS and _LETTER.search(f.core) is not None
            and not dateline_paragraph(f.core))


def title_candidates(feats: Sequence[_Feat], a: int, b: int, start: int, lo: int,
                     anchor: Anchor, others: set[int],
                     covered: set[int]) -> list[tuple[int, list[float]]]:
    """The candidates of a page (lines ``lo`` to ``a``, and the headlines of its byline and
    date clusters) with their feature vectors. ``start`` is where the body's text starts."""
    page = _page(feats, a, b, start, lo)
    return _candidates(page, lo, anchor, others, covered,
                       lambda i: (_marks(feats[i].core), _near(page, i, anchor)))


#: The places in a feature vector of the features a candidate's text alone decides, and of
#: those reading the lines around it, and the most each may be.
_MARK_PLACES = tuple(TITLE_FEATURES.index(name) for name in _Marks._fields)
_NEAR_PLACES = tuple(TITLE_FEATURES.index(name) for name in _Near._fields)
_NEAR_MOST = _Near(*(LINES_TO_BODY_CAP / 10.0 if name == "lines_to_body" else 1.0
                     for name in _Near._fields))


def best_title(feats: Sequence[_Feat], a: int, b: int, start: int, lo: int, anchor: Anchor,
               others: set[int], covered: set[int]) -> tuple[list[int], int | None]:
    """The lines of :func:`title_candidates` and the one :func:`choose_title` chooses among
    them, the features a line's text alone decides (:class:`_Marks`) and those reading the
    lines around it (:class:`_Near`) read only for the candidates that may win: the others
    are bounded with the values of those features that score most."""
    w = header_weights().vector()
    top_marks = _Marks(*(1.0 if w[k] > 0 else 0.0 for k in _MARK_PLACES))
    top_near = _Near(*(most if w[k] > 0 else 0.0 for k, most in zip(_NEAR_PLACES, _NEAR_MOST,
                                                                     strict=True)))
    page = _page(feats, a, b, start, lo)
    bounds = _candidates(page, lo, anchor, others, covered, lambda _: (top_marks, top_near))

    def near(i: int, x: list[float]) -> list[float]:
        return _overlay(x, _NEAR_PLACES, _near(page, i, anchor))

    def marks(i: int, x: list[float]) -> list[float]:
        return _overlay(x, _MARK_PLACES, _marks(feats[i].core))

    # the features around a line are quicker read than its text's marks
    return [i for i, _ in bounds], choose_bounded(bounds, (near, marks))


def _overlay(x: list[float], places: tuple[int, ...], values: Sequence[float]) -> list[float]:
    """``x`` with ``values`` at ``places``."""
    out = list(x)
    for k, value in zip(places, values, strict=True):
        out[k] = value
    return out


def _candidates(page: _Page, lo: int, anchor: Anchor, others: set[int], covered: set[int],
                read: Callable[[int], tuple[_Marks, _Near]]) -> list[tuple[int, list[float]]]:
    """:func:`title_candidates` of ``page``, the :class:`_Marks` and :class:`_Near` features
    of line ``i`` given by ``read(i)``."""
    feats, a = page.feats, page.a
    lines = set(range(lo, min(a + 1, len(feats)))) | others
    for special in (anchor.line, anchor.stacked[0] if anchor.stacked else None):
        if special is not None:
            lines.add(special)
    for special in (page.first, page.wiki, page.carried):
        if special is not None:
            lines.add(special)
    out = [(i, _features(page, i, anchor, others, covered, *read(i)))
           for i in sorted(lines) if _candidate(feats[i], i, page.carried)
           and not _name_over_date(feats, i)]
    _mark_parts(feats, out)
    share = TITLE_FEATURES.index("opening_share")
    best = max(out, key=lambda c: c[1][share], default=None)
    if best is not None and best[1][share] >= BEST_SHARE:
        best[1][TITLE_FEATURES.index("best_share")] = 1.0
    return out
