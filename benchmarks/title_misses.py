"""The held-out title misses of ``benchmarks/eval_header.py --cv K``, one by one.

usage: python benchmarks/title_misses.py [--cv K] [--l2 X] [--set dev|wide] [--quiet]

The pages of ``../shared/eval/header`` dev.jsonl and wide.jsonl are split into the same
site-grouped folds as ``eval_header.py --cv``; on each fold the title weights are fitted on
the other folds (``benchmarks/fit_header.py``), and every page of the fold whose ``text_full``
title is read wrong is printed: the gold title, the line chosen, the rank of the gold line
among the candidates (``-`` when no candidate holds it), and the features on which the two
lines differ with their weighted contribution. The last line counts the misses by kind
(wrong candidate, no candidate, no title chosen) and gives the held-out title exact match
as read from the candidates (the same choice as the layout stage's).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import Any

from benchmarks import fit_header as fh
from newsstruct import layout as _layout
from newsstruct.layout import header as _header
from newsstruct.layout.titles import TITLE_FEATURES, HeaderWeights


def _lines(text: str) -> tuple[list[tuple[int, str, list[float]]], list[Any]] | None:
    regions = _layout._regions(text)
    if regions is None:
        return None
    _, feats, a, b = regions
    found = _header._header_candidates(feats, a, b)
    return [(i, fh.title_text(feats[i].core), x) for i, x in found.candidates], list(feats)


def _score(w: HeaderWeights, x: list[float]) -> float:
    return sum(wk * xk for wk, xk in zip(w.vector(), x, strict=True))


def _diff(w: HeaderWeights, gold: list[float], chosen: list[float] | None) -> str:
    vec = w.vector()
    other = chosen or [0.0] * len(gold)
    rows = [(name, g, c, vec[k] * (g - c)) for k, (name, g, c) in
            enumerate(zip(TITLE_FEATURES, gold, other, strict=True)) if g != c]
    rows.sort(key=lambda r: -abs(r[3]))
    return "  ".join(f"{n}={g:g}/{c:g}({d:+.2f})" for n, g, c, d in rows[:12])


def report(page: dict[str, Any], w: HeaderWeights, ntitle: Any, quiet: bool) -> str | None:
    """The kind of the page's miss (``None`` when its title is read right), printed."""
    read = _lines(page["text_full"])
    if read is None:
        return "no regions"
    cands, _ = read
    gold = ntitle(page["title"])
    scored = sorted(((_score(w, x), i, t, x) for i, t, x in cands), key=lambda c: -c[0])
    best = scored[0] if scored and scored[0][0] > w.no_title else None
    if best is not None and ntitle(best[2]) == gold:
        return None
    rank = next((r for r, c in enumerate(scored) if ntitle(c[2]) == gold), None)
    kind = ("no candidate" if rank is None else "no title chosen" if best is None
            else "wrong candidate")
    if not quiet:
        print(f"--- {page['id']} [{page['site']}] {kind}")
        print(f"  gold:   {page['title']!r}")
        print(f"  chosen: {best[2]!r} ({best[0]:.2f})" if best else
              f"  chosen: none (no_title {w.no_title:.2f})")
        if rank is not None:
            g = scored[rank]
            print(f"  gold line rank {rank + 1} of {len(scored)} ({g[0]:.2f})")
            print("  " + _diff(w, g[3], best[3] if best else None))
    return kind


def main(argv: list[str] | None = None) -> int:
    """Print the held-out misses and their count."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--l2", type=float, default=fh.L2)
    ap.add_argument("--set", choices=("dev", "wide"), default=None)
    ap.add_argument("--quiet", action="store_true", help="print only the counts")
    args = ap.parse_args(argv)
    ntitle = fh.load_scorer().ntitle
    pages = fh.load_pages()
    per_page = [fh.examples([p], ntitle) for p in pages]
    wire = fh.examples(fh.wire_copies(), ntitle)
    kinds: Counter[str] = Counter()
    n = 0
    for k, fold in enumerate(fh.folds(pages, args.cv)):
        inside = set(fold)
        train = [e for i, exs in enumerate(per_page) if i not in inside for e in exs] + wire
        w = fh.fit(train, args.l2, origin=f"fold {k}")
        for i in fold:
            p = pages[i]
            if not p.get("title") or not p.get("text_full"):
                continue
            if args.set and p["set"] != args.set:
                continue
            n += 1
            kind = report(p, w, ntitle, args.quiet)
            if kind is not None:
                kinds[kind] += 1
    misses = sum(kinds.values())
    counts = ", ".join(f"{v} {k}" for k, v in kinds.most_common())
    print(f"\n{misses} held-out misses of {n} titles ({counts}); "
          f"title exact match {1 - misses / max(1, n):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
