"""The header: headline, standfirst and byline lines above the body."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsstruct.layout.cues import _caption_credit, _name_like
from newsstruct.layout.features import (
    STANDFIRST_WORDS,
    _caption_cue,
    _counts,
    _Feat,
    _title_like,
)
from newsstruct.layout.marks import _marks
from newsstruct.layout.titles import (
    CARRIER,
    Anchor,
    _name_over_date,
    best_title,
    choose_title,
    title_candidates,
)


@attrs.define(slots=True)
class _Header:
    title: int | None = None
    #: whether the title is carried by a share line ("Share All sharing options for: ...")
    carried: bool = False
    standfirst: list[int] = attrs.Factory(list)
    bylines: list[int] = attrs.Factory(list)
    body_start: int = 0


def _credit(core: str) -> bool:
    """Whether ``core`` credits a picture ("Swedish police officer - Copyright Fredrik
    Persson/AP") or names an author with a job title ("Steffan Rhys Deputy Content Hub
    Director", three words or more, every word capitalised): a line between a headline and
    its byline that is not the headline (the ``caption_credit`` and ``role_end`` marks)."""
    m = _marks(core)
    if m.caption_credit:
        return True
    words = core.split()
    return bool(m.role_end) and len(words) >= 3 and all(w[:1].isupper() for w in words)


def _title_above(feats: Sequence[_Feat], first: int, lo: int) -> int | None:
    """The headline-like line just above ``first``, skipping a standfirst, captions, section
    labels and boilerplate (at most three content lines). Another headline-like line stacked
    right above it is found by :func:`_stacked_above`; which of the two is the headline is
    left to the title's scorer."""
    skipped = 0
    for i in range(first - 1, lo - 1, -1):
        f = feats[i]
        if not _counts(f):
            continue
        after_by = i > 0 and feats[i - 1].core.lower() == "by"
        if (_title_like(f) and not after_by and not _credit(f.core)
                and not _marks(f.core).section_names):
            # (a line under a lone "By" is the author's or the source's name; a line naming
            # a site's sections is a menu or a label)
            return i
        if f.words > 1:
            # a one-word label ("News", "By", "Subscriptions") is passed over freely
            skipped += 1
        if skipped > 3:
            return None
    return None


def _stacked_above(feats: Sequence[_Feat], i: int, lo: int) -> tuple[int, int | None] | None:
    """The headline-like line of four words or more stacked right above line ``i`` (at most
    an author's line between them), when ``i`` is long enough to be its standfirst: that
    line, and the author's line between them (``None`` when there is none)."""
    f = feats[i]
    if f.words < STANDFIRST_WORDS or f.core[:1].isdigit():
        return None
    up = next((j for j in range(i - 1, max(lo, i - 3) - 1, -1) if _counts(feats[j])), None)
    author = None
    if up is not None and not _title_like(feats[up]) and _name_like(
            " ".join(feats[up].core.split()[:2])):
        # the author's line between the headline and its standfirst
        author = up
        up = next((j for j in range(up - 1, max(lo, up - 3) - 1, -1) if _counts(feats[j])),
                  None)
    if up is not None and _title_like(feats[up]) and feats[up].words >= 4:
        return up, author
    return None


def _title_below(feats: Sequence[_Feat], end: int) -> int | None:
    """The headline right under a date line with none above it ("CBS News February 24,
    2020", then the headline): the next content line, when headline-like, of four words or
    more and no sentence."""
    nxt = next((j for j in range(end + 1, min(len(feats), end + 3)) if _counts(feats[j])),
               None)
    if nxt is None:
        return None
    f = feats[nxt]
    if (not _title_like(f) or f.words < 4 or f.prose or f.byline or f.date
            or f.core.endswith((":", ";", ","))):
        # "Results of English league matches played on Friday:" leads into a table
        return None
    return nxt


def _clusters(feats: Sequence[_Feat], lo: int, hi: int) -> list[list[int]]:
    """Runs of byline / date lines in ``lo..hi`` (at most two other lines apart)."""
    out: list[list[int]] = []
    for j in range(lo, hi):
        f = feats[j]
        if not (f.byline or f.date):
            continue
        if out and j - out[-1][-1] <= 3 and not any(
            feats[k].prose or _title_like(feats[k]) for k in range(out[-1][-1] + 1, j)
        ):
            out[-1].append(j)
        else:
            out.append([j])
    return out


#: Headlines with their date lines, evenly spaced at most this many lines apart, three or
#: more in a row, are a list of teasers, not an article's header.
TEASER_RUN_GAP, TEASER_RUN = 8, 3


def _without_teaser_runs(
    feats: Sequence[_Feat], found: Sequence[tuple[int, list[int]]]
) -> tuple[list[tuple[int, list[int]]], set[int]]:
    """The headers found (headline, byline and date lines) less those in a run of teasers
    (a headline and its date, again and again, each the same number of lines, at most
    ``TEASER_RUN_GAP``, after the one before), and the lines those runs cover. A header with
    a "By" line is in no run. The spacing is read between the headers' byline / date lines,
    which stay where they are whichever line above them is taken as the headline."""
    runs: list[list[tuple[int, list[int]]]] = []
    for t, cl in found:
        if any(feats[j].byline for j in cl):
            runs += [[(t, cl)], []]
            continue
        run = runs[-1] if runs else []
        step = cl[0] - run[-1][1][0] if run else 0
        if run and t > run[-1][1][-1] and step <= TEASER_RUN_GAP and (
                len(run) == 1 or abs(step - (run[-1][1][0] - run[-2][1][0])) <= 1):
            run.append((t, cl))
        elif run and len(run) == 2 and t > run[-1][1][-1] and step <= TEASER_RUN_GAP:
            # the first two were a header and a teaser: the run starts at the teaser
            runs[-1] = run[:1]
            runs.append([run[-1], (t, cl)])
        else:
            runs.append([(t, cl)])
    kept = [h for run in runs if len(run) < TEASER_RUN for h in run]
    covered = {k for run in runs if len(run) >= TEASER_RUN
               for k in range(run[0][0], run[-1][1][-1] + 1)}
    return kept, covered


#: How many lines above its byline or date line a headline is looked for.
HEADER_SPAN = 16
#: How many lines above the body a header is looked for (further when a list of teasers
#: lies between).
HEADER_WINDOW = 80


#: How a cluster of byline and date lines is scored as the article's header (hand-set):
#: a base, less ``CLUSTER_PER_LINE`` for each content line between it and the body (list
#: items count ``CLUSTER_PER_ITEM`` of a line; prose lines of the body above its last line
#: ``CLUSTER_PER_PROSE`` lines each), more for a "By" line, a date line and a headline of
#: 4 to 24 words above it. A cluster scoring 0 or less is no header.
CLUSTER_BASE, CLUSTER_PER_LINE, CLUSTER_PER_ITEM, CLUSTER_PER_PROSE = 5.0, 0.3, 0.3, 3.0
CLUSTER_BYLINE, CLUSTER_DATE, CLUSTER_TITLE_WORDS = 3.0, 1.0, 1.0


def _cluster_score(feats: Sequence[_Feat], t: int, cl: list[int], a: int,
                   teasers: set[int]) -> float:
    end = cl[-1]
    if end < a:
        # byline and date lines between a header and the body are more header
        between = [k for k in range(end + 1, a) if k not in teasers and _counts(feats[k])]
        dist = float(sum(1 for k in between if not feats[k].bullet
                         and not feats[k].byline and not feats[k].date))
        dist += CLUSTER_PER_ITEM * sum(1 for k in between if feats[k].bullet)
    else:
        dist = sum(1 for k in range(a, end) if feats[k].prose) * CLUSTER_PER_PROSE
    score = CLUSTER_BASE - CLUSTER_PER_LINE * dist
    score += CLUSTER_BYLINE if any(feats[j].byline for j in cl) else 0.0
    score += CLUSTER_DATE if any(feats[j].date for j in cl) else 0.0
    score += CLUSTER_TITLE_WORDS if 4 <= feats[t].words <= 24 else 0.0
    return score


@attrs.define(slots=True)
class _Candidates:
    """The title candidates of a page, the title chosen among them, and the header cluster."""

    #: the candidates' lines, and the one chosen as the title (``None``: no title)
    lines: list[int]
    title: int | None
    #: the candidates with their feature vectors (left empty when only the choice was asked)
    candidates: list[tuple[int, list[float]]]
    cluster: list[int] | None
    #: the headline-like line found above (or under) the cluster
    anchored: int | None
    #: the headline stacked above the anchored line when an author's line lies between them
    #: (names are looked for from there, whichever of the two lines is the title)
    stack_top: int | None = None


def _header_candidates(feats: Sequence[_Feat], a: int, b: int,
                       vectors: bool = True) -> _Candidates:
    """The byline / date clusters near the body, the best of them (scored by
    :func:`_cluster_score`), and the title candidates with their features (with
    ``vectors`` false, the title is chosen reading in full only the vectors of the
    candidates that may win: :func:`~newsstruct.layout.titles.best_title`)."""
    n = len(feats)
    found: list[tuple[int, list[int]]] = []
    #: the line anchored by each cluster (by its first line), and the line stacked above it
    anchor_of: dict[int, tuple[int, tuple[int, int | None] | None]] = {}
    for cl in _clusters(feats, max(0, a - 2 * HEADER_WINDOW), min(b + 1, a + 8, n)):
        t = _title_above(feats, cl[0], max(0, cl[0] - HEADER_SPAN))
        if t is None:
            t = _title_below(feats, cl[-1])
        if t is not None:
            over = _stacked_above(feats, t, max(0, cl[0] - HEADER_SPAN))
            anchor_of[cl[0]] = (t, over)
            # a header's headline is the top line of a stacked pair
            found.append((t if over is None else over[0], cl))
    headers, teasers = _without_teaser_runs(feats, found)
    # a list of teasers between a header and the body does not count as distance
    lo = max(0, a - HEADER_WINDOW - len(teasers))
    best_score, best = 0.0, None
    for top, cl in headers:
        if top < lo:
            continue
        score = _cluster_score(feats, top, cl, a, teasers)
        if score > best_score:
            best_score, best = score, cl
    anchor = Anchor(None)
    if best is not None:
        t, over = anchor_of[best[0]]
        anchor = Anchor(t, any(feats[j].byline for j in best), over)
    others = {anchor_of[cl[0]][0] for top, cl in headers if top >= lo}
    start = a if best is None else max(a, best[-1] + 1)
    cands: list[tuple[int, list[float]]] = []
    if vectors:
        cands = title_candidates(feats, a, b, start, lo, anchor, others, teasers)
        lines, title = [i for i, _ in cands], choose_title(cands)
    else:
        lines, title = best_title(feats, a, b, start, lo, anchor, others, teasers)
    stack_top = None if anchor.stacked is None or anchor.stacked[1] is None else \
        anchor.stacked[0]
    return _Candidates(lines, title, cands, best, anchor.line, stack_top)


def _find_header(feats: Sequence[_Feat], a: int, b: int) -> _Header:
    """The header: the title chosen among its candidates, the byline lines of the header
    cluster under it (else the "By" line nearest the body, and name lines beside the
    title), the standfirst between them, and where the body starts."""
    head = _Header(body_start=a)
    found = _header_candidates(feats, a, b, vectors=False)
    t = found.title
    if t is not None:
        # a headline the page shows twice (its page title at the top) is read at its place
        # nearest the body
        # (and as a line of its own rather than a list item)
        key = feats[t].core.casefold()
        t = max((i for i in found.lines if feats[i].core.casefold() == key),
                key=lambda i: (not feats[i].bullet, i))
    head.title = t
    if found.cluster is not None:
        # the cluster's lines under the title (all of them under its own headline, which
        # may stand under its date line)
        head.bylines = [j for j in found.cluster
                        if t is None or t == found.anchored or j > t]
        head.body_start = max(a, found.cluster[-1] + 1)
    if t is None and found.cluster is None:
        # no headline: a name over a date line just above the body is still the byline
        top = next((j for j in range(max(0, a - HEADER_SPAN), a)
                    if _name_over_date(feats, j)), None)
        if top is not None:
            head.bylines = [top, top + 1]
            head.body_start = max(a, top + 2)
            return head
    names_from = t
    if t is not None and t == found.anchored and found.stack_top is not None:
        # the author's line between the headline and its standfirst, the standfirst the title
        names_from = found.stack_top
    _more_bylines(feats, head, a, b, t, names_from)
    return head


def _more_bylines(feats: Sequence[_Feat], head: _Header, a: int, b: int,
                  t: int | None, names_from: int | None = None) -> None:
    """Byline lines besides the header cluster, and the standfirst under the title ``t``
    (with no title, those under the body's start). Name lines are looked for from
    ``names_from`` down (by default from the title)."""
    n = len(feats)
    if t is not None:
        head.carried = CARRIER.match(feats[t].core) is not None
    else:
        t = max(-1, min(a, head.body_start) - 1)
    first = t if names_from is None else names_from
    if not any(feats[j].byline for j in head.bylines):
        # no "By" line beside the headline: the explicit byline nearest the body start
        near = [j for j in range(max(first + 1, a - 25), min(b + 1, head.body_start + 6, n))
                if feats[j].byline and j not in head.bylines]
        # else a "By" line further on: at the end of the article, or just after it
        near = near or [j for j in range(max(0, first - 10), min(n, b + 1 + BYLINE_AFTER))
                        if feats[j].byline and not feats[j].bullet and j not in head.bylines
                        and not head.body_start <= j < head.body_start + 6]
        if near:
            j = min(near, key=lambda k: abs(k - head.body_start))
            head.bylines.append(j)
            if head.body_start <= j < head.body_start + 6:
                head.body_start = j + 1
    # a bare name line next to the title or to a date line is a byline too
    top = max(head.bylines[-1] + 2 if head.bylines else first + 4, head.body_start + 1)
    for j in range(first + 1, min(top, n)):
        f = feats[j]
        if j not in head.bylines and f.bp is None and not f.byline and not f.date and (
            _name_like(f.core)
        ):
            head.bylines.append(j)
            # a name after the body's first paragraph does not move the body's start
            if j >= a and not any(feats[k].prose for k in range(a, j)):
                head.body_start = max(head.body_start, j + 1)
    head.bylines.sort()
    # the standfirst: prose between the title and the first byline / the body
    limit = min([*head.bylines, head.body_start]) if head.title is not None else t + 1
    for j in range(t + 1, limit):
        f = feats[j]
        if (f.bp is None and f.words >= 8 and not f.date and not f.byline
                and not _caption_cue(f.core)
                and not _caption_credit(f.core)):
            head.standfirst.append(j)
            break


#: How many lines after the body a "By" line is still the article's.
BYLINE_AFTER = 15
