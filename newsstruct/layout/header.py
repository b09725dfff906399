"""The header: headline, standfirst and byline lines above the body."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from newsstruct.data import lexicon
from newsstruct.layout.cues import _CAPTION_CREDIT, _DATE, _name_like
from newsstruct.layout.features import (
    _CAPTION_CUE,
    _LETTER,
    _NOT_TITLE,
    STANDFIRST_WORDS,
    _counts,
    _Feat,
    _holds_any,
    _title_like,
)

_SEPARATED = re.compile(r"(?<!\s)\s+[|–—-]\s+|(?:(?<!\s)\s+)?\|\s*|:\s+")


def _title_score(i: int, feats: Sequence[_Feat], anchor: int, seen: dict[str, int],
                 parts: dict[str, int]) -> float:
    f = feats[i]
    score = 0.0
    between = sum(1 for j in range(i + 1, anchor) if feats[j].bp is None and feats[j].core
                  and _LETTER.search(feats[j].core))
    score -= 0.6 * between
    if 4 <= f.words <= 24:
        score += 2.0
    elif between == 0 and i + 1 == anchor and not f.bullet and f.bp is None:
        # a short heading right above the body: an encyclopedia's or a wiki's title
        score += 1.0
    elif f.words <= 2:
        score -= 4.0
    elif f.words == 3:
        score -= 0.5
    if f.bullet:
        score -= 3.0
    key = f.core.casefold()
    if seen.get(key, 0) > 1:
        score += 1.5
    if parts.get(key, 0) > 0:
        score += 2.0
    if _SEPARATED.search(f.core) and any(
        p.casefold() in seen for p in _SEPARATED.split(f.core) if len(p.split()) >= 3
    ):
        score -= 3.0
    if f.core.endswith(".") and f.words > 10:
        score -= 3.0
    if f.prose:
        score -= 1.5
    if _CAPTION_CUE.search(f.core):
        score -= 1.5
    if _DATE.search(f.core):
        # a line with a date in it is a post's details or a teaser's
        score -= 2.0
    if f.core.isupper() and f.words <= 5:
        # a section label in capitals
        score -= 2.0
    if f.core.endswith(":"):
        # a lead-in to what follows ("Here's why:")
        score -= 3.0
    if _name_like(f.core):
        score -= 3.0
    return score


@attrs.define(slots=True)
class _Header:
    title: int | None = None
    #: whether the title is carried by a share line ("Share All sharing options for: ...")
    carried: bool = False
    standfirst: list[int] = attrs.Factory(list)
    bylines: list[int] = attrs.Factory(list)
    body_start: int = 0


def _title_above(feats: Sequence[_Feat], first: int, lo: int) -> int | None:
    """The headline-like line just above ``first``, skipping a standfirst, captions, section
    labels and boilerplate (at most three content lines). When the line found has another
    headline-like line right above it that is no longer, that one is the headline and the
    line found its standfirst."""
    skipped = 0
    for i in range(first - 1, lo - 1, -1):
        f = feats[i]
        if not _counts(f):
            continue
        after_by = i > 0 and feats[i - 1].core.lower() == "by"
        if _title_like(f) and not after_by:
            # (a line under a lone "By" is the author's or the source's name)
            up = next((j for j in range(i - 1, max(lo, i - 3) - 1, -1) if _counts(feats[j])),
                      None)
            author = up is not None and not _title_like(feats[up]) and _name_like(
                " ".join(feats[up].core.split()[:2]))
            if up is not None and author:
                # the author's line between the headline and its standfirst
                up = next((j for j in range(up - 1, max(lo, up - 3) - 1, -1)
                           if _counts(feats[j])), None)
            if (up is not None and _title_like(feats[up]) and feats[up].words >= 4
                    and (feats[up].words <= f.words or author)
                    and f.words >= STANDFIRST_WORDS
                    and not f.core[:1].isdigit()):
                return up
            return i
        if f.words > 1:
            # a one-word label ("News", "By", "Subscriptions") is passed over freely
            skipped += 1
        if skipped > 3:
            return None
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


#: A share line that carries the headline: "Share All sharing options for: <headline>".
CARRIER = re.compile(r"^(?:share|sharing options)\b[^:]{0,40}\bfor:\s+(?=\S)", re.IGNORECASE)


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


#: Headlines with their date lines, evenly spaced at most this many lines apart, three or
#: more in a row, are a list of teasers, not an article's header.
TEASER_RUN_GAP, TEASER_RUN = 8, 3


def _without_teaser_runs(
    feats: Sequence[_Feat], found: Sequence[tuple[int, list[int]]]
) -> tuple[list[tuple[int, list[int]]], set[int]]:
    """The headers found (headline, byline and date lines) less those in a run of teasers
    (a headline and its date, again and again, each headline the same number of lines,
    at most ``TEASER_RUN_GAP``, after the one before), and the lines those runs cover. A
    header with a "By" line is in no run."""
    runs: list[list[tuple[int, list[int]]]] = []
    for t, cl in found:
        if any(feats[j].byline for j in cl):
            runs += [[(t, cl)], []]
            continue
        run = runs[-1] if runs else []
        step = t - run[-1][0] if run else 0
        if run and t > run[-1][1][-1] and step <= TEASER_RUN_GAP and (
                len(run) == 1 or abs(step - (run[-1][0] - run[-2][0])) <= 1):
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


#: A wiki's tagline under the page's title: "From Wikipedia, the free encyclopedia".
WIKI_TAGLINE = re.compile(r"^from (?:wikipedia\b|[\w .'’-]{1,40}\bwiki\b)", re.IGNORECASE)


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


#: How many lines above its byline or date line a headline is looked for.
HEADER_SPAN = 16
#: How many lines above the body a header is looked for (further when a list of teasers
#: lies between).
HEADER_WINDOW = 80


def _find_header(feats: Sequence[_Feat], a: int, b: int) -> _Header:
    head = _Header(body_start=a)
    n = len(feats)
    lo = max(0, a - HEADER_WINDOW)
    best_score, best = float("-inf"), None
    found: list[tuple[int, list[int]]] = []
    for cl in _clusters(feats, max(0, a - 2 * HEADER_WINDOW), min(b + 1, a + 8, n)):
        t = _title_above(feats, cl[0], max(0, cl[0] - HEADER_SPAN))
        if t is None:
            t = _title_below(feats, cl[-1])
        if t is not None:
            found.append((t, cl))
    headers, teasers = _without_teaser_runs(feats, found)
    # a list of teasers between a header and the body does not count as distance
    lo = max(0, lo - len(teasers))
    for t, cl in headers:
        end = cl[-1]
        if t < lo:
            continue
        if end < a:
            # byline and date lines between a header and the body are more header
            between = [k for k in range(end + 1, a) if k not in teasers and _counts(feats[k])]
            dist = float(sum(1 for k in between if not feats[k].bullet
                             and not feats[k].byline and not feats[k].date))
            dist += 0.3 * sum(1 for k in between if feats[k].bullet)
        else:
            dist = sum(1 for k in range(a, end) if feats[k].prose) * 3.0
        score = 5.0 - 0.3 * dist
        score += 3.0 if any(feats[j].byline for j in cl) else 0.0
        score += 1.0 if any(feats[j].date for j in cl) else 0.0
        score += 1.0 if 4 <= feats[t].words <= 24 else 0.0
        if score > best_score:
            best_score, best = score, (t, cl)
    if best is not None and best_score > 0:
        t, cl = best
        head.title = _prefer_repeated(feats, t, cl[0], cl[-1], lo)
        head.bylines = list(cl)
        head.body_start = max(a, cl[-1] + 1)
    else:
        head.title = _title_fallback(feats, a)
    first = _first_line_title(feats, a)
    if first is not None and head.title is not None and _repeated(feats, head.title) and (
            not _repeated(feats, first)):
        # the headline the page repeats, under a blog's name on the first line
        first = head.title
    if first is not None and first != head.title:
        head.title = first
        head.bylines = [j for j in head.bylines if j > first]
    # under a headline found above a byline or date line lie its standfirst and captions
    below = head.title if best is not None and best_score > 0 else None
    # a headline found above a "By" line is not replaced by a line under it
    by = next((j for j in head.bylines if feats[j].byline), None) if below is not None else None
    better = None if first is not None else _title_by_words(feats, head.title, a,
                                                             head.body_start, below, by)
    if better is not None and better != head.title:
        head.title = better
        head.bylines = [j for j in head.bylines if j > better]
    wiki = _wiki_title(feats, a)
    if wiki is not None and wiki != head.title:
        head.title = wiki
        head.bylines = [j for j in head.bylines if j > wiki]
    carried = _carried_title(feats, a, b)
    if carried is not None:
        head.carried = CARRIER.match(feats[carried].core) is not None
        if carried != head.title:
            head.title = carried
            head.bylines = [j for j in head.bylines if j > carried]
    if head.title is None:
        # no headline: a name over a date line just above the body is still the byline
        top = next((j for j in range(max(0, a - HEADER_SPAN), a) if _name_over_date(feats, j)),
                   None)
        if top is not None:
            head.bylines = [top, top + 1]
            head.body_start = max(a, top + 2)
        return head
    t = head.title
    if not any(feats[j].byline for j in head.bylines):
        # no "By" line beside the headline: the explicit byline nearest the body start
        near = [j for j in range(max(t + 1, a - 25), min(b + 1, head.body_start + 6, n))
                if feats[j].byline and j not in head.bylines]
        # else a "By" line further on: at the end of the article, or just after it
        near = near or [j for j in range(max(0, t - 10), min(n, b + 1 + BYLINE_AFTER))
                        if feats[j].byline and not feats[j].bullet and j not in head.bylines
                        and not head.body_start <= j < head.body_start + 6]
        if near:
            j = min(near, key=lambda k: abs(k - head.body_start))
            head.bylines.append(j)
            if head.body_start <= j < head.body_start + 6:
                head.body_start = j + 1
    # a bare name line next to the title or to a date line is a byline too
    top = max(head.bylines[-1] + 2 if head.bylines else t + 4, head.body_start + 1)
    for j in range(t + 1, min(top, n)):
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
    limit = min([*head.bylines, head.body_start])
    for j in range(t + 1, limit):
        f = feats[j]
        if (f.bp is None and f.words >= 8 and not f.date and not f.byline
                and not _CAPTION_CUE.search(f.core)
                and not _CAPTION_CREDIT.search(f.core)):
            head.standfirst.append(j)
            break
    return head


_WORD = re.compile(r"[^\W\d_]{4,}")
#: How much of a headline's words the opening of the body shares, at least, for a line to
#: be taken as the headline instead of a line that shares (``TITLE_WORDS_GAIN``) less.
TITLE_WORDS_MIN, TITLE_WORDS_GAIN = 0.5, 0.35
#: A headline above its byline that shares at least this much of its words with the opening
#: is not replaced by a line under it (a standfirst, a caption, a video label).
ANCHORED_WORDS = 0.2


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - lexicon("layout_common_words")


def _title_by_words(feats: Sequence[_Feat], t: int | None, a: int, start: int,
                    below: int | None = None, by: int | None = None) -> int | None:
    """A headline shares words with the opening of its article; section labels, site names
    and teasers do not. When the line chosen shares few and a headline-like line close
    above the body shares many, that one is the headline. Lines after ``below`` (a headline
    anchored by its byline), from ``by`` (its "By" line) on and the body's first line are
    not candidates."""
    opening: set[str] = set()
    taken = 0
    for f in feats[start: start + 12]:
        if f.prose:
            opening |= _content_words(f.core)
            taken += 1
            if taken == 3:
                break
    if len(opening) < 8:
        return None

    def share(i: int) -> float:
        words = _content_words(feats[i].core)
        return len(words & opening) / len(words) if len(words) >= 2 else 0.0

    current = share(t) if t is not None else 0.0
    best, best_i = current, None
    # a headline anchored by its byline that shares some words with the opening stands
    # against the lines under it
    anchored = below is not None and current >= ANCHORED_WORDS
    # the line right under an anchored headline sharing any word is its standfirst
    under = None if below is None or current == 0 else next(
        (j for j in range(below + 1, min(len(feats), below + 3)) if _counts(feats[j])), None)
    last = min(below, a + 1, start) if anchored and below is not None else min(
        a + 1, len(feats), start, len(feats) if by is None else by)
    for i in range(max(0, a - 40), last):
        f = feats[i]
        if i in (t, under) or not _title_like(f) or f.words < 4:
            continue
        if len(_content_words(f.core)) < 3:
            # "Dancing With the Stars": too few words to tell a headline from a label
            continue
        v = share(i)
        if v >= TITLE_WORDS_MIN and v >= current + TITLE_WORDS_GAIN and v >= best:
            best, best_i = v, i
    return best_i


#: How many lines after the body a "By" line is still the article's.
BYLINE_AFTER = 15
#: A text whose body starts within this many lines of its top begins with its headline
#: (a copied article rather than a whole page).
COPY_TOP = 20
#: ... and has at most this many furniture lines (boilerplate, list items) before the body.
COPY_FURNITURE = 12


def _first_line_title(feats: Sequence[_Feat], a: int) -> int | None:
    """The first line, when the text is a copy that starts at the headline."""
    if a > COPY_TOP or not feats:
        return None
    if sum(1 for g in feats[1:a] if g.bp is not None or g.bullet) > COPY_FURNITURE:
        return None
    f = feats[0]
    if (f.bp is not None or f.byline or f.date or f.bullet or not 4 <= f.words <= 25
            or (f.prose and f.core.endswith(".")) or _NOT_TITLE.search(f.core)
            or f.core.endswith((",", ";", ":")) or _CAPTION_CREDIT.search(f.core)):
        # a picture's caption with its credit ("... Photo: AP") opens many copies too
        return None
    return 0


def _repeated(feats: Sequence[_Feat], i: int) -> bool:
    """Whether line ``i`` (of four words or more) appears again on the page."""
    key = feats[i].core.casefold()
    return feats[i].words >= 4 and sum(1 for f in feats if f.core.casefold() == key) > 1


def _prefer_repeated(feats: Sequence[_Feat], t: int, anchor: int, end: int, lo: int) -> int:
    """A page often repeats its headline (breadcrumb, page title, share text): when the line
    found above the byline (lines ``anchor..end``) is not repeated but a headline-like line
    close above it (or, under a line of three words or fewer, right under the byline) is,
    the repeated one is the headline."""
    counts: dict[str, int] = {}
    for f in feats:
        if 4 <= f.words <= 25:
            key = f.core.casefold()
            counts[key] = counts.get(key, 0) + 1
    if counts.get(feats[t].core.casefold(), 0) > 1:
        return t
    below = next((j for j in range(end + 1, min(len(feats), end + 4)) if _counts(feats[j])),
                 None)
    if (below is not None and _title_like(feats[below])
            and (feats[t].words <= 3 or counts.get(feats[below].core.casefold(), 0) > 2)
            and feats[below].words >= 4
            and not feats[below].core.endswith(".")
            and counts.get(feats[below].core.casefold(), 0) > 1):
        # the headline under its byline and date, repeated from the page's title
        return below
    content = 0
    for i in range(anchor - 1, lo - 1, -1):
        f = feats[i]
        if not _counts(f):
            continue
        content += 1
        if content > 4:
            break
        if (i != t and _title_like(f) and f.words >= 5 and not f.core.endswith(".")
                and counts.get(f.core.casefold(), 0) > 1):
            return i
    return t


#: The quotes one of which opens the headline in :data:`_COMMENTS_ON`.
_OPENING_QUOTES = ("“", '"', "‘", "'")
_COMMENTS_ON = re.compile(
    r"\b(?:thoughts?|comments?|responses?|repl(?:y|ies)) (?:on|to) [“\"‘'](.{8,200}?)[”\"’']\s*$",
    re.IGNORECASE)


def _name_over_date(feats: Sequence[_Feat], i: int) -> bool:
    """Whether line ``i`` is only a person's name, right above a date line: the author and
    the time of a post ("Jane Doe" / "Nov 18, 2019 @17:19 PM"), not a headline."""
    return (i + 1 < len(feats) and feats[i + 1].date and feats[i].bp is None
            and _name_like(feats[i].core))


def _title_fallback(feats: Sequence[_Feat], a: int) -> int | None:
    """With no byline in sight: the best headline-like line above the body."""
    seen: dict[str, int] = {}
    parts: dict[str, int] = {}
    for f in feats:
        if f.words > 40:
            continue
        key = f.core.casefold()
        seen[key] = seen.get(key, 0) + 1
        if ("|" in key or " - " in key or ": " in key or "–" in key or "—" in key) and (
            _SEPARATED.search(f.core)
        ):
            for p in _SEPARATED.split(f.core):
                if len(p.split()) >= 3:
                    parts[p.strip().casefold()] = parts.get(p.strip().casefold(), 0) + 1
        m = _COMMENTS_ON.search(f.core) if ("on" in key or "to" in key) and _holds_any(
            key, _OPENING_QUOTES) else None
        if m is not None:
            # "6 thoughts on “How to Adopt ...”": the comments name the headline
            named = m.group(1).strip().casefold()
            parts[named] = parts.get(named, 0) + 1
    best, best_i = float("-inf"), None
    for i in range(max(0, a - 40), min(a + 1, len(feats))):
        f = feats[i]
        if not f.headline or f.byline or f.date or _name_over_date(feats, i):
            continue
        s = _title_score(i, feats, max(a, i + 1), seen, parts)
        if s > best:
            best, best_i = s, i
    return best_i
