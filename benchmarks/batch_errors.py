"""``parse_articles`` over the header dev pages with bad items mixed in, in each error mode.

Run: ``.venv/bin/python benchmarks/batch_errors.py [--limit N] [--n-process P]``. Puts 5
``None`` items and 5 empty strings among the pages of ``../shared/eval/header/dev.jsonl``
(field ``text_full``; at fixed, evenly spread positions) and checks that:

- ``errors="record"`` gives every page's article and a ``Failure`` for each bad item, each in
  its input place;
- ``errors="skip"`` gives the same articles;
- ``errors="raise"`` raises at the first bad item, naming its position and id.

Prints the counts, the checks and the time of each run; exits 1 if a check fails.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import newsstruct
from newsstruct.pipeline import load_model

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "header" / "dev.jsonl"
REFERENCE = "2025-09-06"


def mixed_items(pages: list[tuple[str, str]], n_bad: int = 10) -> list[Any]:
    """``(text, {"id": ...})`` for each page, with ``n_bad`` bad items (``None`` and ``""`` in
    turn, ids ``bad-0``, ``bad-1``, ...) spread evenly from the third place on."""
    items: list[Any] = [(text, {"id": page_id}) for page_id, text in pages]
    step = max(1, len(items) // n_bad)
    for k in range(n_bad):
        items.insert(2 + k * (step + 1), (None if k % 2 == 0 else "", {"id": f"bad-{k}"}))
    return items


def main(argv: list[str] | None = None) -> int:
    """Run the three modes and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args(argv)
    if not DEV.exists():
        print(f"missing {DEV} (../shared/eval is not beside the checkout)", file=sys.stderr)
        return 1
    with DEV.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()][: args.limit]
    items = mixed_items([(r["id"], r["text_full"]) for r in rows])
    bad = [i for i, (text, _) in enumerate(items) if not text]
    load_model()
    kw: dict[str, Any] = {"reference_date": REFERENCE, "n_process": args.n_process}
    ok = True

    t0 = time.perf_counter()
    recorded = list(newsstruct.parse_articles(items, errors="record", **kw))
    t_record = time.perf_counter() - t0
    failures = [r for r in recorded if isinstance(r, newsstruct.Failure)]
    articles = [r for r in recorded if isinstance(r, newsstruct.Article)]
    in_place = [i for i, r in enumerate(recorded) if isinstance(r, newsstruct.Failure)] == bad
    ids_kept = [r.id for r in recorded] == [ctx["id"] for _, ctx in items]
    print(f"record: {len(articles)} articles + {len(failures)} failures "
          f"({', '.join(sorted({f.error for f in failures}))}) of {len(items)} items; "
          f"failures in their input places: {in_place}; ids in input order: {ids_kept}; "
          f"{t_record:.1f} s")
    ok &= len(articles) == len(rows) and len(failures) == len(bad) and in_place and ids_kept

    t0 = time.perf_counter()
    skipped = list(newsstruct.parse_articles(items, errors="skip", **kw))
    t_skip = time.perf_counter() - t0
    same = [a.to_dict() for a in skipped] == [a.to_dict() for a in articles]
    print(f"skip: {len(skipped)} articles; equal to record's articles: {same}; {t_skip:.1f} s")
    ok &= len(skipped) == len(rows) and same

    t0 = time.perf_counter()
    seen = 0
    try:
        for _ in newsstruct.parse_articles(items, errors="raise", **kw):
            seen += 1
        print("raise: nothing raised")
        ok = False
    except newsstruct.NewsstructError as exc:
        t_raise = time.perf_counter() - t0
        right = exc.index == bad[0] and seen == bad[0] and f"item {bad[0]}" in str(exc)
        print(f"raise: {type(exc).__name__} after {seen} articles, index={exc.index}, "
              f"item_id={exc.item_id!r}: {exc}; at the first bad item: {right}; "
              f"{t_raise:.1f} s")
        ok &= right
    print("all checks passed" if ok else "A CHECK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
