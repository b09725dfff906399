"""Speed of ``parse_article`` against a bare spaCy pass over the same texts, in the same run.

The texts are the articles of ``../shared/eval/quotes/dev.jsonl``; the model is the one
``parse_article`` resolves. Each repeat times, text by text, a bare ``nlp(text)`` and
``parse_article`` (each stage timed); the best repeat of each is reported with the median of
the per-repeat ratios (on a shared machine the minimum is the least noisy figure).

Usage: ``python benchmarks/speed.py [--repeats N] [--limit N]``
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import newsstruct
from newsstruct import (
    byline,
    deadlines,
    entities,
    layout,
    pipeline,
    quotes,
    textcheck,
    timex,
)

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
QUOTES_DEV = EVAL / "quotes" / "dev.jsonl"

#: (stage name, module, function name) of every stage ``parse_article`` calls.
STAGES: tuple[tuple[str, Any, str], ...] = (
    ("layout", layout, "segment_text"),
    ("pass", pipeline, "run_pipeline"),
    ("byline", byline, "parse_byline"),
    ("entities", entities, "extract_entities"),
    ("quotes", quotes, "extract_quotes"),
    ("timex", timex, "extract_times"),
    ("deadlines", deadlines, "extract_deadlines"),
    ("textcheck", textcheck, "diagnose"),
)


def load_texts(limit: int | None) -> list[str]:
    """The article texts of the quotes dev set."""
    with QUOTES_DEV.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:limit] if limit else texts


@contextmanager
def timed_stages(
    totals: dict[str, float], clock: Callable[[], float] = time.perf_counter
) -> Iterator[None]:
    """Wrap every stage function so that its time (by ``clock``) adds up in ``totals``."""
    saved: list[tuple[Any, str, Callable[..., Any]]] = []

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + clock() - t0

        return timed

    for name, module, attr in STAGES:
        fn = getattr(module, attr, None)
        if fn is None:
            continue
        saved.append((module, attr, fn))
        setattr(module, attr, wrap(name, fn))
    try:
        yield
    finally:
        for module, attr, fn in saved:
            setattr(module, attr, fn)


def one_repeat(nlp: Any, texts: list[str]) -> tuple[float, float, dict[str, float]]:
    """Seconds of the bare pass and of ``parse_article`` over every text, and of each stage.

    The two are interleaved text by text (their order alternating), so that a change in the
    machine's load weighs on both alike."""
    bare = full = 0.0
    totals: dict[str, float] = {}
    gc.collect()
    with timed_stages(totals):
        for i, text in enumerate(texts):
            for side in ((0, 1) if i % 2 else (1, 0)):
                t0 = time.perf_counter()
                if side == 0:
                    nlp(text)
                    bare += time.perf_counter() - t0
                else:
                    newsstruct.parse_article(text, reference_date="2016-11-01", model=nlp)
                    full += time.perf_counter() - t0
    return bare, full, totals


def main(argv: list[str] | None = None) -> int:
    """Print the ratio, the spaCy pass time and the per-stage shares."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    args = parser.parse_args(argv)
    if not QUOTES_DEV.exists():
        print(f"{QUOTES_DEV} not found: the shared evaluation sets must sit beside the repo")
        return 2
    texts = load_texts(args.limit)
    nlp = pipeline.load_model(None)
    chars = sum(len(t) for t in texts)
    print(f"model {pipeline.model_name(nlp)}; {len(texts)} texts, {chars:,} characters; "
          f"components {nlp.pipe_names}")

    one_repeat(nlp, texts[:5])  # warm up both paths (lazy imports, vocab, caches)
    best_bare = best_full = float("inf")
    best_stages: dict[str, float] = {}
    ratios: list[float] = []
    for r in range(args.repeats):
        bare, full, stages = one_repeat(nlp, texts)
        ratios.append(full / bare)
        print(f"repeat {r + 1}: spaCy pass {bare:.3f} s, parse_article {full:.3f} s, "
              f"ratio {full / bare:.3f}", flush=True)
        best_bare = min(best_bare, bare)
        best_full = min(best_full, full)
        for name, seconds in stages.items():
            best_stages[name] = min(best_stages.get(name, float("inf")), seconds)

    ratio = best_full / best_bare
    print()
    print(f"bare spaCy pass (best of {args.repeats}): {best_bare:.3f} s "
          f"({chars / best_bare / 1000:.0f} k chars/s)")
    print(f"parse_article   (best of {args.repeats}): {best_full:.3f} s")
    print(f"ratio parse_article / spaCy pass: {ratio:.3f} of the best times, "
          f"{statistics.median(ratios):.3f} median of the repeats  (target <= 1.35)")
    print()
    print(f"{'stage':<11}{'seconds':>9}{'% of pass':>11}{'% of parse':>12}")
    accounted = 0.0
    for name, _, _ in STAGES:
        if name not in best_stages:
            continue
        seconds = best_stages[name]
        accounted += seconds
        print(f"{name:<11}{seconds:>9.3f}{100 * seconds / best_bare:>10.1f}%"
              f"{100 * seconds / best_full:>11.1f}%")
    rest = max(0.0, best_full - accounted)
    print(f"{'other':<11}{rest:>9.3f}{100 * rest / best_bare:>10.1f}%"
          f"{100 * rest / best_full:>11.1f}%")
    if "pass" in best_stages:
        overhead = best_stages["pass"] - best_bare
        print(f"\npass inside parse_article minus bare pass: {overhead:+.3f} s "
              f"({100 * overhead / best_bare:+.1f}% of the pass: blanking, sentence starts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
