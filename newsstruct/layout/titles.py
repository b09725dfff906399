"""Title candidates: every headline-like line above the body, scored by named features with
named weights, against the option of no title at all.

The weights are read from ``newsstruct/data/header_weights.json``; they were fitted by
``benchmarks/fit_header.py`` (a conditional logit over the candidates of each page, on folds
grouped by site), and the file's ``origin`` says on what. A feature with no weight in the
file counts for nothing. The "no title" option scores :attr:`HeaderWeights.no_title`: a text
that is only an article's body has no line that beats it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import mul
from typing import NamedTuple

import attrs

from newsstruct.layout.casing import quoted, under_title_case
from newsstruct.layout.cues import (
    _caption_credit,
    _holds_any,
    _name_like,
    dateline_length,
)
from newsstruct.layout.features import (
    _LETTER,
    STANDFIRST_WORDS,
    _counts,
    _Feat,
    _full_stop,
    _not_title,
    _title_like,
)
from newsstruct.layout.marks import (
    _CLOSING,
    _content_words,
    _marks,
    _sentence_case_end,
    _separated_parts,
    dateline_paragraph,
    sentence_words,
)
from newsstruct.layout.weights import HeaderWeights, header_weights, set_header_weights

__all__ = ["TITLE_FEATURES", "HeaderWeights", "dateline_paragraph", "header_weights",
           "set_header_weights"]

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


#: The quotes one of which opens the headline in :data:`_COMMENTS_ON`, after a space: a
#: line with none of them is not searched.
_SPACED_QUOTES = (" “", ' "', " ‘", " '")
_COMMENTS_ON = re.compile(
    r"\b(?:thoughts?|comments?|responses?|repl(?:y|ies)) (?:on|to) [“\"‘'](.{8,200}?)[”\"’']\s*$",
    re.IGNORECASE)
#: A text whose body starts within this many lines of its top begins with its headline
#: (a copied article rather than a whole page) ...
COPY_TOP = 20
#: ... and has at most this many furniture lines (boilerplate, list items) before the body.
COPY_FURNITURE = 12
#: The opening of the body is its first prose lines, up to this many ...
OPENING_LINES = 3
#: ... and is too short to compare a headline with when it has fewer content words.
OPENING_MIN_WORDS = 8
#: The candidate sharing most words with the opening is marked when it shares this much.
BEST_SHARE = 0.5
#: An anchored headline sharing this much of its words with the opening is marked.
ANCHORED_SHARE = 0.2
#: A text with no byline, date or boilerplate line among this many first lines is bare.
BARE_TOP = 15
#: The longest line, in words, taken as a candidate.
CANDIDATE_MAX_WORDS = 40
#: A share line that carries the headline: "Share All sharing options for: <headline>".
CARRIER = re.compile(r"^(?:share|sharing options)\b[^:]{0,40}\bfor:\s+(?=\S)", re.IGNORECASE)
#: A wiki's tagline under the page's title: "From Wikipedia, the free encyclopedia".
WIKI_TAGLINE = re.compile(r"^from (?:wikipedia\b|[\w .'’-]{1,40}\bwiki\b)", re.IGNORECASE)


@attrs.define(slots=True)
class _Page:
    """What the features of every candidate of one page read: line counts, the parts of
    separated lines, the opening's words, and the lines special places name."""

    feats: Sequence[_Feat]
    a: int
    seen: dict[str, int]
    parts: dict[str, int]
    #: the first prose lines of the body (one more than the opening takes) and their words
    opening_lines: list[tuple[int, frozenset[str]]]
    #: the opening's words as every line but those of the opening sees them
    opening: frozenset[str]
    first: int | None
    wiki: int | None
    carried: int | None
    nearest: int | None
    #: ``content[j]``: how many content lines (:func:`_counts`) come before line ``j``
    content: list[int] = attrs.field(factory=list)
    #: no byline, date or boilerplate line among the first :data:`BARE_TOP` lines
    bare: bool = False

    def content_between(self, i: int, j: int) -> int:
        """How many content lines lie strictly between lines ``i`` and ``j`` (``i < j``)."""
        last = len(self.content) - 1
        return max(0, self.content[min(max(j, i + 1), last)] - self.content[min(i + 1, last)])


def _counts_and_parts(feats: Sequence[_Feat]) -> tuple[dict[str, int], dict[str, int]]:
    seen: dict[str, int] = {}
    parts: dict[str, int] = {}
    for f in feats:
        if f.words > CANDIDATE_MAX_WORDS:
            continue
        key = f.core.casefold()
        seen[key] = seen.get(key, 0) + 1
        if "|" in key or " - " in key or ": " in key or "–" in key or "—" in key:
            for part in _separated_parts(f.core):
                parts[part] = parts.get(part, 0) + 1
        m = _COMMENTS_ON.search(f.core) if _holds_any(key, _SPACED_QUOTES) and (
            "on" in key or "to" in key) else None
        if m is not None:
            # "6 thoughts on “How to Adopt ...”": the comments name the headline
            named = m.group(1).strip().casefold()
            parts[named] = parts.get(named, 0) + 1
    return seen, parts


def _opening_lines(feats: Sequence[_Feat], start: int) -> list[tuple[int, frozenset[str]]]:
    """The first prose lines from ``start`` (one more than the opening takes, so that a
    line of the opening is compared with the others) and their content words."""
    out: list[tuple[int, frozenset[str]]] = []
    for j in range(start, min(start + 12, len(feats))):
        if feats[j].prose:
            out.append((j, _content_words(feats[j].core)))
            if len(out) > OPENING_LINES:
                break
    return out


def _opening_words(lines: Sequence[tuple[int, frozenset[str]]], i: int) -> frozenset[str]:
    """The content words of the opening drawn from ``lines`` less line ``i``; none when
    they are too few to compare with."""
    words = frozenset().union(*[w for j, w in lines if j != i][:OPENING_LINES])
    return words if len(words) >= OPENING_MIN_WORDS else frozenset()


def _opening(page: _Page, i: int) -> frozenset[str]:
    """The content words of the body's opening, less line ``i`` (a line is not compared
    with itself: the first line of a text that is only a body is its own opening). Read
    once for the page; again only for a line of the opening."""
    if all(j != i for j, _ in page.opening_lines[:OPENING_LINES]):
        return page.opening
    return _opening_words(page.opening_lines, i)


def _first_line_title(feats: Sequence[_Feat], a: int) -> int | None:
    """The first line, when the text is a copy that starts at the headline."""
    if a > COPY_TOP or not feats:
        return None
    if sum(1 for g in feats[1:a] if g.bp is not None or g.bullet) > COPY_FURNITURE:
        return None
    f = feats[0]
    if (f.bp is not None or f.byline or f.date or f.bullet or not 4 <= f.words <= 25
            or (f.prose and f.core.rstrip(_CLOSING).endswith(".")) or _not_title(f.core)
            or f.core.endswith((",", ";", ":")) or _caption_credit(f.core)):
        # a picture's caption with its credit ("... Photo: AP") opens many copies too
        return None
    return 0


def _wiki_title(feats: Sequence[_Feat], a: int) -> int | None:
    """The title of a wiki's page: the line right above its tagline."""
    for i in range(1, min(a, len(feats))):
        # (the tagline's first letter tested first: this runs over the whole header)
        if (feats[i].core[:1] in "Ff" and WIKI_TAGLINE.match(feats[i].core)
                and feats[i].words <= 12):
            f = feats[i - 1]
            if f.bp is None and 1 <= f.words <= 12 and _LETTER.search(f.core):
                return i - 1
            return None
    return None


def _carried_title(feats: Sequence[_Feat], a: int, b: int) -> int | None:
    """The headline a share line above the body carries: the line that repeats it, or,
    when no line does (a copy that starts at the share line), the share line itself."""
    for i in range(min(a, len(feats))):
        f = feats[i]
        m = CARRIER.match(f.core) if f.core[:1] in "Ss" else None
        if m is None:
            continue
        rest = f.core[m.end():].strip()
        if len(rest.split()) < 3:
            return None
        key = rest.casefold()
        same = next((j for j in range(min(b + 1, len(feats))) if j != i
                     and feats[j].core.casefold() == key), None)
        return same if same is not None else i
    return None


def _page(feats: Sequence[_Feat], a: int, b: int, start: int, lo: int) -> _Page:
    seen, parts = _counts_and_parts(feats)
    nearest = next((j for j in range(min(a, len(feats)) - 1, lo - 1, -1)
                    if _title_like(feats[j])), None)
    content = list(accumulate(map(_counts, feats), initial=0))
    opening = _opening_lines(feats, start)
    bare = not any(f.byline or f.date or f.bp is not None for f in feats[:BARE_TOP])
    return _Page(feats, a, seen, parts, opening, _opening_words(opening, -1),
                 _first_line_title(feats, a), _wiki_title(feats, a),
                 _carried_title(feats, a, b), nearest, content, bare)


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


def _features(page: _Page, i: int, anchor: Anchor, others: set[int],
              covered: set[int]) -> list[float]:
    """The feature vector of line ``i`` (in the order of :data:`TITLE_FEATURES`)."""
    anchored, anchored_by = anchor.line, anchor.by
    feats, f = page.feats, page.feats[i]
    core, words = f.core, f.words
    key = core.casefold()
    m = _marks(core)
    head = _stack_head(page, anchor)
    share, over = _share(page, i, m.words), _over_anchored(page, i, head)
    between = page.content_between(i, page.a)
    below, above = _next_content(feats, i, 1), _next_content(feats, i, -1)
    dateline_below = below is not None and dateline_length(below.core) > 0
    # the lower line of a stacked pair is marked by stack_lower, not by the anchored_* features
    lone = i == anchored and anchor.stacked is None
    return [
        float(lone),
        float(lone and anchored_by),
        float(i in others and i != anchored),
        float(_title_like(f)),
        float(f.headline),
        m.words_4_24,
        m.words_1_2,
        m.words_3,
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
        float(page.parts.get(key, 0) > 0),
        float(any(p in page.seen for p in m.parts)),
        float(i == page.first),
        share,
        min(between, 20) / 10.0,
        float(i == page.wiki),
        float(i == page.carried),
        float(i > 0 and feats[i - 1].core.lower() == "by"),
        m.link_or_symbol,
        m.breadcrumb,
        m.agency,
        float(i >= page.a),
        m.two_sentences,
        float(i in covered),
        m.full_stop,
        float(f.prose and m.dateline),
        float(below is not None and below.words >= STANDFIRST_WORDS and below.words > words
              and not below.byline and not below.date),
        float(above is not None and _title_like(above) and above.words >= 4),
        m.name_start,
        m.no_lower_words,
        float(i == page.nearest),
        0.0,
        float(lone and share >= ANCHORED_SHARE),
        0.0,
        0.0,
        float(below is not None and (below.date or below.byline) and (lone or i != anchored)),
        m.glued_words,
        m.interface_verb,
        m.role_end,
        m.section_names,
        m.sentence_words,
        float(over),
        float(i == head and words >= STANDFIRST_WORDS and above is not None
              and _title_like(above) and above.words >= 4),
        float(below is not None and _sentence_below(f, below)),
        float(over and share >= ANCHORED_SHARE),
        float(i == page.first and anchored is None),
        m.sentence_case_end,
        *_stack_features(page, i, anchor),
        float(dateline_below),
        float(_opening_sentence(page, i, anchored, below, dateline_below)),
        float(under_title_case(f, above)),
        float(quoted(core)),
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
            and not _marks(f.core).dateline_paragraph)


def title_candidates(feats: Sequence[_Feat], a: int, b: int, start: int, lo: int,
                     anchor: Anchor, others: set[int],
                     covered: set[int]) -> list[tuple[int, list[float]]]:
    """The candidates of a page (lines ``lo`` to ``a``, and the headlines of its byline and
    date clusters) with their feature vectors. ``start`` is where the body's text starts."""
    page = _page(feats, a, b, start, lo)
    lines = set(range(lo, min(a + 1, len(feats)))) | others
    for special in (anchor.line, anchor.stacked[0] if anchor.stacked else None):
        if special is not None:
            lines.add(special)
    for special in (page.first, page.wiki, page.carried):
        if special is not None:
            lines.add(special)
    out = [(i, _features(page, i, anchor, others, covered))
           for i in sorted(lines) if _candidate(feats[i], i, page.carried)
           and not _name_over_date(feats, i)]
    _mark_parts(feats, out)
    share = TITLE_FEATURES.index("opening_share")
    best = max(out, key=lambda c: c[1][share], default=None)
    if best is not None and best[1][share] >= BEST_SHARE:
        best[1][TITLE_FEATURES.index("best_share")] = 1.0
    return out


def choose_title(candidates: Sequence[tuple[int, Sequence[float]]]) -> int | None:
    """The best-scoring candidate, or ``None`` when none beats the "no title" option."""
    weights = header_weights()
    w = weights.vector()
    best, best_i = weights.no_title, None
    for i, x in candidates:
        if len(x) != len(w):
            raise ValueError(f"a feature vector of {len(x)} values for {len(w)} weights")
        # (the zero features add nothing: no score differs from the sum of the others)
        s = sum(map(mul, w, x))
        if s > best:
            best, best_i = s, i
    return best_i
