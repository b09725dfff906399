"""Time expressions on the TempEval-3 dev set: predictions for the shared scorer, and speed.

Usage::

    python benchmarks/eval_timex.py [GOLD.jsonl] [PRED.jsonl] [--model NAME] [--no-score]

Each document goes through the one spaCy pass and the time stage with its ``dct`` as the
published time; the times are written in the scorer's shape to PRED and
``../shared/eval/temporal/score.py`` is run on them. The time stage is timed on its own against the
bare spaCy pass over the same texts, and the ratio is printed. Unless ``--no-article``, the
documents are also parsed whole with ``parse_articles`` and the ``dct`` as each article's
``reference_date`` and ``published`` time (written beside PRED as ``*.article.jsonl`` and scored):
the figures users get from the public API.

The stage's predictions are also scored against ``dev.deadline_cues.jsonl`` (the times of the
same documents that follow a deadline cue: "by", "until", "within", "due", "expire"...): its
relaxed recall is the deadline cue recall, the share of those times the stage finds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import newsstruct
from newsstruct import layout, pipeline, timex
from newsstruct.article import coerce_reference_date
from newsstruct.types import TimeExpression

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "temporal"


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _line(doc_id: str | None, times: tuple[TimeExpression, ...]) -> dict[str, Any]:
    return {"id": doc_id, "timexes": [
        {"start": t.span.start, "end": t.span.end, "text": t.span.text, "type": t.type.value,
         "value": t.value or "", "mod": t.mod.value if t.mod else None} for t in times]}


def predict_articles(gold: list[dict[str, Any]], model: str | None) -> list[dict[str, Any]]:
    """One prediction line per gold document, from whole-article parses."""
    items = [(d["text"], {"reference_date": d["dct"], "published": d["dct"], "id": d["id"]})
             for d in gold]
    return [_line(art.id, art.times) for art in newsstruct.parse_articles(items, model=model)]


def predict_stage(
    gold: list[dict[str, Any]], model: str | None
) -> tuple[list[dict[str, Any]], float, float]:
    """Predictions of the time stage anchored on each ``dct``, with the seconds of the bare
    spaCy pass and of the time stage over the same documents."""
    nlp = pipeline.load_model(model)
    prepared = [(d["text"], layout.segment_text(d["text"])) for d in gold]
    t0 = time.perf_counter()
    docs = list(pipeline.pipe_docs(nlp, prepared))
    spacy_s = time.perf_counter() - t0
    out: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for d, (text, segs), doc in zip(gold, prepared, docs, strict=True):
        times = timex.extract_times(doc, text, segs, coerce_reference_date(d["dct"]))
        out.append(_line(d["id"], times))
    return out, spacy_s, time.perf_counter() - t0


def _write(path: str, preds: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Write predictions, score them and print the time stage's cost."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(EVAL / "dev.jsonl"))
    ap.add_argument("pred", nargs="?", default="/tmp/timex_pred.jsonl")
    ap.add_argument("--model", default=None)
    ap.add_argument("--no-score", action="store_true")
    ap.add_argument("--no-article", action="store_true")
    args = ap.parse_args(argv)
    gold = _load(Path(args.gold))
    scorer = EVAL / "score.py"
    preds, spacy_s, stage_s = predict_stage(gold, args.model)
    _write(args.pred, preds)
    print(f"wrote {len(preds)} documents to {args.pred} (time stage, dct as published time)")
    if not args.no_score and scorer.exists():
        subprocess.run([sys.executable, str(scorer), args.gold, args.pred], check=False)
        cues = EVAL / "dev.deadline_cues.jsonl"
        if cues.exists() and Path(args.gold).resolve() == (EVAL / "dev.jsonl").resolve():
            print("deadline cue recall: the relaxed R below (precision is not meaningful here)")
            subprocess.run([sys.executable, str(scorer), str(cues), args.pred], check=False)
    print(f"spaCy pass {spacy_s:.2f}s, time stage {stage_s:.3f}s "
          f"= {100 * stage_s / spacy_s:.1f}% of the pass")
    if not args.no_article:
        path = str(Path(args.pred).with_suffix(".article.jsonl"))
        _write(path, predict_articles(gold, args.model))
        print(f"wrote {len(gold)} documents to {path} (parse_articles, dct as published time)")
        if not args.no_score and scorer.exists():
            subprocess.run([sys.executable, str(scorer), args.gold, path], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
