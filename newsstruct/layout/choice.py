"""The title chosen among its candidates: the best-scoring one, against the "no title" option.

A candidate's score is the sum of its features times their weights. :func:`choose_bounded`
chooses as :func:`choose_title` does from vectors that bound the scores (each feature left
unread holding the value that scores most), reading in full only the candidates whose bound
may still beat the best score read so far: floating-point sums rounding monotonically, a
score never exceeds its bound, so the choice is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import mul

from newsstruct.layout.weights import header_weights


def _score(w: Sequence[float], x: Sequence[float]) -> float:
    if len(x) != len(w):
        raise ValueError(f"a feature vector of {len(x)} values for {len(w)} weights")
    # (the zero features add nothing: no score differs from the sum of the others)
    return sum(map(mul, w, x))


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
                   exact: Callable[[int, list[float]], list[float]]) -> int | None:
    """:func:`choose_title` of the candidates ``(i, exact(i, x))``, given their bounding
    vectors ``(i, x)`` (in the candidates' order): the candidates are read in full from the
    highest bound down, until a bound falls below the best score read."""
    weights = header_weights()
    w = weights.vector()
    ranked = sorted(((_score(w, x), k) for k, (_, x) in enumerate(bounds)), reverse=True)
    best, read = weights.no_title, []
    for bound, k in ranked:
        if bound < best:
            break
        i, x = bounds[k]
        full = exact(i, x)
        best = max(best, _score(w, full))
        read.append((k, i, full))
    # in the candidates' order, as choose_title reads them (the first of equals wins)
    return choose_title([(i, full) for _, i, full in sorted(read, key=lambda r: r[0])])
