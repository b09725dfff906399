"""The title chosen among its candidates: the best-scoring one, against the "no title" option.

A candidate's score is the sum of its features times their weights. :func:`choose_bounded`
chooses as :func:`choose_title` does from vectors that bound the scores (each feature left
unread holding the value that scores most), reading features only for the candidates whose
bound may still beat the best score read so far: floating-point sums rounding monotonically,
a score never exceeds its bound, so the choice is the same.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from operator import mul

from newsstruct.layout.weights import header_weights


def _score(w: Sequence[float], x: Sequence[float]) -> float:
    if len(x) != len(w):
        raise ValueError(f"a feature vector of {len(x)} values for {len(w)} weights")
    # (the zero features add nothing: no score differs from the sum of the others)
    score: float = sum(map(mul, w, x))
    return score


def choose_title(candidates: Sequence[tuple[int, Sequence[float]]]) -> int | None:
    """The best-scoring candidate (the first of equals), or ``None`` when none beats the
    "no title" option."""
    weights = header_weights()
    w = weights.vector()
    best, best_i = weights.no_title, None
    for i, x in candidates:
        s = _score(w, x)
        if s > best:
            best, best_i = s, i
    return best_i


def choose_bounded(bounds: Sequence[tuple[int, list[float]]],
                   steps: Sequence[Callable[[int, list[float]], list[float]]]) -> int | None:
    """:func:`choose_title` of the candidates ``(i, x)`` of ``bounds`` once each of ``steps``
    (in turn) has read in full some of the features of ``x``, the others bounding the score.
    The candidate of highest bound is read one step further until one read in full scores
    more than every bound left; the candidates read in full are then chosen among."""
    weights = header_weights()
    w = weights.vector()
    # (minus the bound, the candidate's place, how many steps it has been read, its vector)
    heap = [(-_score(w, x), k, 0, x) for k, (_, x) in enumerate(bounds)]
    heapq.heapify(heap)
    best, read = weights.no_title, []
    while heap and -heap[0][0] >= best:
        neg, k, done, x = heapq.heappop(heap)
        if done == len(steps):
            # read in full: its bound is its score
            best = max(best, -neg)
            read.append((k, x))
            continue
        x = steps[done](bounds[k][0], x)
        heapq.heappush(heap, (-_score(w, x), k, done + 1, x))
    # in the candidates' order, as choose_title reads them (the first of equals wins)
    return choose_title([(bounds[k][0], x) for k, x in sorted(read)])
