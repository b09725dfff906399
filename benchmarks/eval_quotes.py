"""Quote extraction on the PolNeAR-derived gold set, scored by its own scorer.

usage: python benchmarks/eval_quotes.py GOLD.jsonl PRED.jsonl [--limit N]

Runs :func:`newsstruct.parse_article` on every gold article, writes one prediction line per
article in the shape ``score.py`` reads (scare quotes are not attributions and are left out),
prints the scorer's table, the cost of the quote stage as a share of the spaCy pass, and the share
of gold speakers given as a pronoun or a bare surname that the pipeline links to an entity with a
full name.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import newsstruct
from newsstruct import pipeline as _pipeline
from newsstruct import quotes as _quotes
from newsstruct.types import Article, Quote, QuoteKind

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "quotes" / "score.py"
PRONOUNS = frozenset(
    ["i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them",
     "this", "that", "who", "which", "one"]
)
_WORD = re.compile(r"\w+")


class Clock:
    """Seconds spent in named functions."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        """``func`` with its running time added to ``self.seconds[name]``."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - t0

        return timed


@contextmanager
def timed_stages(clock: Clock) -> Iterator[None]:
    """Time the spaCy pass and the quote stage inside ``parse_article``."""
    pipe, quotes = _pipeline.run_pipeline, _quotes.extract_quotes
    _pipeline.run_pipeline = clock.wrap("spacy", pipe)
    _quotes.extract_quotes = clock.wrap("quotes", quotes)
    try:
        yield
    finally:
        _pipeline.run_pipeline = pipe
        _quotes.extract_quotes = quotes


def prediction(doc_id: str, art: Article) -> dict[str, Any]:
    """One prediction line in the scorer's shape."""
    rows = []
    for q in art.quotes:
        if q.kind is QuoteKind.SCARE:
            continue
        row: dict[str, Any] = {
            "content_start": q.content.start, "content_end": q.content.end,
            "source_start": q.speaker.start if q.speaker else None,
            "source_end": q.speaker.end if q.speaker else None,
            "cue_start": q.cue.start if q.cue else None,
            "cue_end": q.cue.end if q.cue else None,
        }
        if q.kind is QuoteKind.DIRECT and len(q.fragments) > 1:
            row["content_fragments"] = [[f.start, f.end] for f in q.fragments]
        rows.append(row)
    return {"id": doc_id, "quotes": rows}


def _words(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in _WORD.finditer(text, start, end)}


def _full_name(art: Article, entity_id: str | None) -> bool:
    ent = art.entity(entity_id) if entity_id else None
    return ent is not None and len(ent.name.split()) >= 2


def _is_short_source(text: str) -> bool:
    words = text.split()
    if len(words) != 1:
        return False
    w = words[0].strip(",.:;'’\"")
    return w.lower() in PRONOUNS or (w[:1].isupper() and w.isalpha())


def linked_short_sources(gold: dict[str, Any], art: Article) -> tuple[int, int]:
    """(linked, total) over gold sources that are a pronoun or a bare surname."""
    text = gold["text"]
    linked = total = 0
    for g in gold["quotes"]:
        s, e = g.get("source_start"), g.get("source_end")
        if s is None or e is None or not _is_short_source(text[s:e]):
            continue
        total += 1
        gw = _words(text, g["content_start"], g["content_end"])
        best: tuple[float, Quote] | None = None
        for q in art.quotes:
            pw = _words(text, q.content.start, q.content.end)
            jac = len(gw & pw) / len(gw | pw) if gw | pw else 0.0
            if jac >= 0.5 and (best is None or jac > best[0]):
                best = (jac, q)
        match = best[1] if best else None
        if match is not None and match.speaker is not None and (
            match.speaker.start < e and s < match.speaker.end
        ):
            linked += _full_name(art, match.speaker_entity)
            continue
        for ent in art.entities:
            if len(ent.name.split()) >= 2 and any(
                m.span.start <= s and e <= m.span.end for m in ent.mentions
            ):
                linked += 1
                break
    return linked, total


def main(argv: list[str] | None = None) -> int:
    """Run, write predictions, print the scorer's table and the costs."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    with args.gold.open(encoding="utf-8") as fh:
        golds = [json.loads(line) for line in fh if line.strip()]
    golds = golds[: args.limit] if args.limit else golds
    newsstruct.parse_article("Warm-up. “A quote,” she said.", reference_date="2016-10-01")
    clock = Clock()
    linked = total = failures = 0
    with timed_stages(clock), args.pred.open("w", encoding="utf-8") as out:
        for g in golds:
            try:
                art = newsstruct.parse_article(g["text"], reference_date="2016-10-01")
            except Exception as exc:
                failures += 1
                print(f"{g['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
                out.write(json.dumps({"id": g["id"], "quotes": []}) + "\n")
                continue
            out.write(json.dumps(prediction(g["id"], art)) + "\n")
            a, b = linked_short_sources(g, art)
            linked, total = linked + a, total + b
    gold_path = args.gold.resolve()
    if args.limit:
        gold_path = args.pred.with_suffix(".gold.jsonl")
        gold_path.write_text("".join(json.dumps(g) + "\n" for g in golds), encoding="utf-8")
    sys.stdout.flush()
    if SCORER.exists():
        subprocess.run(
            [sys.executable, str(SCORER), str(gold_path), str(args.pred), "--name", "newsstruct"],
            check=False,
        )
    spacy_s, quote_s = clock.seconds.get("spacy", 0.0), clock.seconds.get("quotes", 0.0)
    print(f"articles {len(golds)}, exceptions {failures}")
    print(f"spaCy pass {spacy_s:.2f}s, quote stage {quote_s:.3f}s "
          f"= {100 * quote_s / spacy_s if spacy_s else 0.0:.1f}% of the pass")
    share = 100 * linked / total if total else 0.0
    print(f"gold speakers that are a pronoun or bare surname linked to a full-name entity: "
          f"{linked}/{total} = {share:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
