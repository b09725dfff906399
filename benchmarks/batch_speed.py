"""Speed of ``parse_articles`` with two worker processes against one, on the header dev pages.

Run: ``.venv/bin/python benchmarks/batch_speed.py [--limit N] [--batch-size B]``. Prints the
time of one-by-one ``parse_article``, of ``parse_articles`` with ``n_process=1`` and with
``n_process=2``, the speed-up of two processes over one, and whether all three give the same
JSON for every page, the CPU time spent in the main process and in the workers, and the load
average (the speed-up is only meaningful when the machine is otherwise idle). Reads
``../shared/eval/header/dev.jsonl`` (field ``text_full``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import newsstruct
from newsstruct.pipeline import load_model

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
DEV = EVAL / "header" / "dev.jsonl"
REFERENCE = "2025-09-06"


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--exclude", action="append", default=[], metavar="ID",
                    help="leave out the page with this id (repeatable)")
    args = ap.parse_args(argv)
    if not DEV.exists():
        print(f"missing {DEV}", file=sys.stderr)
        return 1
    with DEV.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    texts = [(r["text_full"], {"id": r["id"]}) for r in rows[: args.limit]
             if r["id"] not in args.exclude]
    n_chars = sum(len(t) for t, _ in texts)
    load_model()  # loading is not what is measured
    print(f"{len(texts)} pages, {n_chars:,} characters, {os.cpu_count()} cores, "
          f"batch_size={args.batch_size}")

    t0 = time.perf_counter()
    single_articles = [newsstruct.parse_article(t, reference_date=REFERENCE) for t, _ in texts]
    t_single = time.perf_counter() - t0
    single = [a.to_json() for a in single_articles]
    runs: dict[int, tuple[float, list[str]]] = {}
    cpu: dict[int, tuple[float, float]] = {}
    for n in (1, 2):
        t0, c0, k0 = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(
            resource.RUSAGE_CHILDREN)
        articles = list(newsstruct.parse_articles(
            texts, reference_date=REFERENCE, batch_size=args.batch_size, n_process=n
        ))
        secs = time.perf_counter() - t0
        cpu[n] = (_cpu(resource.RUSAGE_SELF) - c0, _cpu(resource.RUSAGE_CHILDREN) - k0)
        runs[n] = (secs, [a.to_json() for a in articles])  # JSON is not part of the time

    def same(out: list[str]) -> int:
        return sum(
            json.loads(a) == {**json.loads(b), "id": ctx["id"]}
            for a, b, (_, ctx) in zip(out, single, texts, strict=True)
        )

    print(f"parse_article one by one:     {t_single:7.2f} s")
    for n, (secs, out) in runs.items():
        print(f"parse_articles n_process={n}:  {secs:7.2f} s   "
              f"same JSON as one by one: {same(out)}/{len(texts)}")
    for n, (main_cpu, worker_cpu) in cpu.items():
        print(f"n_process={n}: CPU seconds in the main process {main_cpu:.2f}, "
              f"in workers {worker_cpu:.2f}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (1 min)")
    print(f"speed-up of n_process=2 over n_process=1: {runs[1][0] / runs[2][0]:.2f}x")
    print(f"speed-up of n_process=2 over one by one:  {t_single / runs[2][0]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
