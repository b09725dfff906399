"""The body region: the run of lines with the highest score, and its adjustments."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsstruct.layout.cues import _DIGIT, AUTHOR_NOTE, _caption_credit, _name_like
from newsstruct.layout.features import _LINK, _caption_cue, _Feat
from newsstruct.layout.header import _stacked_above, _title_above
from newsstruct.layout.marks import _content_words
from newsstruct.types import BoilerplateKind

_END_MARKERS = {BoilerplateKind.COPYRIGHT: -40.0, BoilerplateKind.COMMENTS: -40.0,
                BoilerplateKind.TAGS: -40.0, BoilerplateKind.NEWSLETTER: -15.0}
#: Score of a short heading over related stories ("Most Read", "More from ..."): it closes
#: the article as surely as the end markers above, though it is no hard stop (a "Read more"
#: link may stand inside an article).
RELATED_HEADING = -40.0
#: Score of a line no body runs across: comments, tags, a copyright notice that is not a
#: picture credit.
_HARD_STOP = float("-inf")


#: One-word buttons under an embedded post or a comment ("Reply", "Report"): comment
#: furniture, but no sign that the article has ended.
_COMMENT_BUTTONS = frozenset({"reply", "report", "flag"})
#: A line starting with "©" that runs on past this many words is a picture's caption
#: ("© Jane Doe Detainees at a detention center ... 2018."), not the page's copyright notice.
CAPTION_COPYRIGHT_WORDS = 12


def _is_hard_stop(f: _Feat) -> bool:
    if f.bp is BoilerplateKind.TAGS:
        return True
    if f.bp is BoilerplateKind.COMMENTS:
        return f.core.lower().strip(" .") not in _COMMENT_BUTTONS
    return (f.bp is BoilerplateKind.COPYRIGHT and not _caption_cue(f.core)
            and _YEAR_OR_RIGHTS.search(f.core) is not None
            and (f.words <= CAPTION_COPYRIGHT_WORDS or _NOTICE.search(f.core) is not None))


_YEAR_OR_RIGHTS = re.compile(r"\b(?:19|20)\d\d\b|rights reserved", re.IGNORECASE)
_NOTICE = re.compile(r"\bcopyright\b|rights reserved", re.IGNORECASE)


def _line_score(f: _Feat) -> float:
    """How much a line counts towards being in the body: prose for its length, furniture
    against; the lines that close an article (copyright, comments, tags, a "Related" heading)
    strongly against, so the body does not run on into what follows it."""
    if f.bp is not None:
        if _is_hard_stop(f):
            return _HARD_STOP
        if f.bp is BoilerplateKind.RELATED and f.words <= 4:
            return RELATED_HEADING
        if f.bp is BoilerplateKind.COMMENTS and f.core.lower().strip(" .") in _COMMENT_BUTTONS:
            return -6.0
        if f.bp is BoilerplateKind.COPYRIGHT and f.words > CAPTION_COPYRIGHT_WORDS and (
                _NOTICE.search(f.core) is None):
            # a picture's caption led by its copyright holder
            return -6.0
        return _END_MARKERS.get(f.bp, -6.0)
    if f.prose:
        w = float(min(f.words, 80))
        return w * 0.7 if f.bullet else w
    if f.byline or f.date:
        return -3.0
    if f.row:
        return ROW_SCORE
    if f.bullet:
        return -3.0
    if not f.letters:
        return -1.0
    return -1.0 if f.headline else -2.0


#: How much a row of a results table or schedule counts towards the body: a little, so that
#: a table inside an article, or closing it, stays in the body.
ROW_SCORE = 0.5
_CLOSING = frozenset({BoilerplateKind.RELATED, BoilerplateKind.COMMENTS, BoilerplateKind.TAGS,
                      BoilerplateKind.COPYRIGHT, BoilerplateKind.NEWSLETTER})
#: How much a teaser's summary line counts towards the body, alone and in a list of
#: teasers (another one at most ``TEASER_GAP`` lines away).
TEASER_WEIGHT, TEASER_LIST_WEIGHT = 0.2, 0.1
TEASER_GAP, TEASER_LIST = 10, 3


#: A short line shown this many times on a page or more is a label of its furniture
#: ("Article content" between every paragraph), not a headline.
LABEL_REPEATS, LABEL_WORDS = 3, 4


def _repeated_labels(feats: Sequence[_Feat]) -> set[str]:
    """The short lines a page repeats ``LABEL_REPEATS`` times or more."""
    seen = Counter(f.core for f in feats if f.words <= LABEL_WORDS and not f.prose)
    return {core for core, k in seen.items() if k >= LABEL_REPEATS}


def _scores(feats: Sequence[_Feat]) -> list[float]:
    """Line scores, with teasers discounted: a prose line between a headline-like line and a
    short line (the "headline, summary, time" rhythm of related-story lists) counts little."""
    scores = [_line_score(f) for f in feats]
    n = len(feats)
    labels = _repeated_labels(feats)
    teasers: list[int] = []
    for i, f in enumerate(feats):
        if not f.prose or scores[i] <= 0:
            continue
        if i and feats[i - 1].prose and feats[i - 1].bp is None:
            continue  # prose right above: no teaser (the test below, made quickly)
        # above: a headline, perhaps with its author and date, and no prose
        above = [j for j in range(i - 1, max(-1, i - 5), -1) if feats[j].bp is None][:3]
        if not above or feats[above[0]].prose or feats[above[0]].core.endswith(":"):
            # (a label ending with a colon leads into its paragraph: "Background:")
            continue
        run = []
        for j in above:
            if feats[j].prose:
                break
            run.append(j)
        if not any(feats[j].headline and not (feats[j].date or feats[j].byline)
                   and feats[j].core not in labels for j in run):
            continue
        # what follows: another headline, a time, a label; not more prose, and not the
        # furniture that closes an article (its last section may be one paragraph long)
        if i + 1 < n and feats[i + 1].bp in _CLOSING:
            continue
        nxt = next((j for j in range(i + 1, min(n, i + 3)) if feats[j].bp is None), None)
        if nxt is None or not (feats[nxt].prose or feats[nxt].core.endswith(":")):
            # (a lead-in ending with a colon goes on with the article)
            teasers.append(i)
    # teasers in a list of them (three or more, each close to the next) count for less
    # than one or two alone
    group: list[int] = []
    for k, i in enumerate(teasers):
        group.append(i)
        if k + 1 == len(teasers) or teasers[k + 1] - i > TEASER_GAP:
            weight = TEASER_LIST_WEIGHT if len(group) >= TEASER_LIST else TEASER_WEIGHT
            for j in group:
                scores[j] *= weight
            group = []
    return scores


def _body_region(feats: Sequence[_Feat], scores: Sequence[float]) -> tuple[int, int]:
    """The run of lines with the highest summed score (inclusive bounds). No run crosses a
    hard stop; a run that follows an earlier substantial run across a hard stop (comments
    after an article) counts for less."""
    best, best_a, best_b = float("-inf"), 0, -1
    run, run_a = 0.0, 0
    earlier = 0.0
    section_best = 0.0
    discount = 1.0
    for i, s in enumerate(scores):
        if s == _HARD_STOP:
            earlier = max(earlier, section_best)
            if earlier >= 60:
                discount = 0.35
            run, run_a, section_best = 0.0, i + 1, 0.0
            continue
        if run <= 0:
            run, run_a = s, i
        else:
            run += s
        section_best = max(section_best, run)
        if run * discount > best:
            best, best_a, best_b = run * discount, run_a, i
    if best <= 0:
        return 0, len(feats) - 1
    return best_a, best_b


#: A run that starts under a headline and a "By" line is the body when it scores at least
#: this much, and at least ``ANCHORED_SHARE`` of the best run's score.
ANCHORED_MIN, ANCHORED_SHARE = 60.0, 0.35


def _run_from(scores: Sequence[float], start: int) -> tuple[int, float]:
    """The end and sum of the best run of ``scores`` that starts at ``start``."""
    total, best, best_end = 0.0, float("-inf"), start
    for i in range(start, len(scores)):
        if scores[i] == _HARD_STOP:
            break
        total += scores[i]
        if total > best:
            best, best_end = total, i
    return best_end, best


def _byline_anchored_region(
    feats: Sequence[_Feat], scores: Sequence[float], a: int, b: int
) -> tuple[int, int]:
    """Prefer the body that follows a headline and a "By" line over a larger run elsewhere
    (a long footer or list of teasers): the article is where its byline is."""
    best = sum(scores[a: b + 1])
    n = len(feats)
    for j in range(a):
        f = feats[j]
        if not f.byline or f.bullet or _title_above(feats, j, max(0, j - 6)) is None:
            continue
        start = next((k for k in range(j + 1, min(n, j + 8)) if feats[k].prose), None)
        if start is None:
            continue
        end, total = _run_from(scores, start)
        # a run reaching into the best one only adds what lies between: keep the best;
        # the best run beyond comments or tags that close the byline's run is what follows
        # the article (its comments), whatever its size
        closed = any(s == _HARD_STOP for s in scores[end + 1: a])
        if end < a and total >= ANCHORED_MIN and (closed or total >= ANCHORED_SHARE * best):
            return start, end
    return _after_list_header(feats, scores, a, b)


#: The share of a run's score, at least, that list items make for the run to be a list of
#: teasers rather than an article's opening.
LIST_SHARE = 0.7


def _after_list_header(
    feats: Sequence[_Feat], scores: Sequence[float], a: int, b: int
) -> tuple[int, int]:
    """A run that opens with a list of teasers (list items with their summaries) and holds a
    headline and a "By" line further on starts under that byline: the list is the page's,
    the article the one with the byline."""
    for j in range(a + 1, b):
        f = feats[j]
        if not f.byline or f.bullet:
            continue
        t = _title_above(feats, j, max(a + 1, j - 6))
        if t is None:
            continue
        over = _stacked_above(feats, t, max(a + 1, j - 6))
        t = t if over is None else over[0]
        before = [(scores[k], feats[k].bullet) for k in range(a, t) if scores[k] > 0]
        total = sum(s for s, _ in before)
        listed = sum(s for s, bullet in before if bullet)
        start = next((k for k in range(j + 1, min(b + 1, j + 8)) if feats[k].prose), None)
        if start is not None and total > 0 and listed >= LIST_SHARE * total:
            return start, b
        return a, b
    return a, b


def _after_caption(feats: Sequence[_Feat], a: int, b: int) -> int:
    """The body's first line: a picture's caption with its credit ("... Photo: AP") that
    opens the run is the header's, and the body starts at the next prose line."""
    if not feats[a].prose or not _caption_credit(feats[a].core):
        return a
    return next((j for j in range(a + 1, b + 1) if feats[j].prose), a)


#: A note about the author closes the article when at least this share of the region's
#: prose (in words) stands above it.
NOTE_SHARE = 0.6


def _before_author_note(feats: Sequence[_Feat], a: int, b: int) -> int:
    """The body's last line: a note about the author ("Jane Doe is a staff writer ...")
    closes the article, and what follows it in the region (teasers, promotions) is the
    page's. A note with less than ``NOTE_SHARE`` of the region's prose above it (a note
    opening the page, or one quoted in the article) moves nothing."""
    total = sum(f.words for f in feats[a: b + 1] if f.prose)
    above = 0
    for k in range(a, b + 1):
        f = feats[k]
        if f.prose and k > a and AUTHOR_NOTE.match(f.core) and above >= NOTE_SHARE * total:
            return max(a, next((j for j in range(k - 1, a - 1, -1) if feats[j].prose), a))
        if f.prose:
            above += f.words
    return b


def _plain(feats: Sequence[_Feat]) -> bool:
    """Whether a text shows no page furniture at all (no boilerplate line, no list of links,
    no link): an article's own text, whose tables and short lines are its content."""
    return not any(f.bp is not None or (f.bullet and not f.row) or _LINK.search(f.core)
                   for f in feats)


def _table_tail(feats: Sequence[_Feat], b: int) -> int:
    """The body's last line, taking in the results tables, schedules and short lines that
    close an article when nothing after the body is page furniture: no boilerplate line, no
    list item, no link and no byline up to the end of the text, and some rows of figures or
    prose among those lines."""
    n = len(feats)
    if n - b - 1 > TAIL_LINES:
        return b
    content = False
    for j in range(b + 1, n):
        f = feats[j]
        if f.bp is not None or f.byline or (f.bullet and not f.row) or _LINK.search(f.core):
            return b
        content = content or f.row or f.prose
    return n - 1 if content else b


#: At most this many lines after the body are taken in as its closing tables.
TAIL_LINES = 400
#: A list closing an article has at least this many items ...
CLOSING_ITEMS = 3
#: ... of at most this many words each.
CLOSING_ITEM_WORDS = 25


def _list_item(f: _Feat) -> bool:
    """A line of a list that belongs to an article: a list item or a short line with figures
    (a tour date, a result), with no link in it."""
    if (f.bp is not None or f.byline or f.date or f.words > CLOSING_ITEM_WORDS
            or _LINK.search(f.core)):
        return False
    return (f.bullet or _DIGIT.search(f.core) is not None) and f.letters


def _closing_list(feats: Sequence[_Feat], a: int, b: int) -> int:
    """The body's last line, taking in a list that closes the article: a short heading or
    lead-in right after the body ("Tour dates:", "Qualified teams") that shares a word with
    the article, then at least ``CLOSING_ITEMS`` list lines, up to page furniture, a line
    of no prose or the end of the text."""
    n = len(feats)
    nxt = [j for j in range(b + 1, min(n, b + 3)) if feats[j].bp is None][:2]
    if not nxt or nxt[0] != b + 1:
        return b
    words: set[str] | None = None
    for lead in nxt:
        f = feats[lead]
        if (f.bullet or f.byline or f.date or f.words > 12 or not f.letters
                or not (f.headline or f.core.endswith(":")) or _name_like(f.core)):
            return b
        end = lead
        while end + 1 < n and _list_item(feats[end + 1]):
            end += 1
        if end - lead < CLOSING_ITEMS:
            if lead == b + 1 and lead + 1 < n and feats[lead + 1].bp is None:
                continue
            return b
        if end + 1 < n and feats[end + 1].prose:
            # prose after the list: the list is not the article's last part
            return b
        if words is None:
            words = set()
            for f2 in feats[max(0, a - 10): b + 1]:
                words |= _content_words(f2.core)
        return end if _content_words(f.core) & words else b
    return b
