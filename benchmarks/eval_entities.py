"""Entities on the CoNLL-2003 dev articles, scored by the set's own scorer; cost and resolver
figures on the quote dev set.

usage: python benchmarks/eval_entities.py GOLD.jsonl PRED.jsonl [--quotes QUOTES.jsonl]
                                          [--limit N] [--no-quotes] [--raw-spacy]
       python benchmarks/eval_entities.py GOLD.jsonl OUT.jsonl --build-unselected

1. Runs :func:`newsstruct.parse_article` over every article of GOLD (the text as is), writes
   every NAME mention of every entity with its entity's type to PRED, and prints the table of
   ``../shared/eval/ner/score.py``; with ``--raw-spacy``, the same table for the model's own
   entities over the same texts (the baseline).
2. Over the quote dev set: times the entity stage against the spaCy pass (process time, same
   run), and reports the share of gold speakers written as a pronoun or a bare surname that the
   entity stage links to an entity with a full name.

With ``--build-unselected``, writes the unselected golden set instead: every document at a
position divisible by :data:`EVERY` in GOLD, whole, with its gold entities
(``tests/data/entities_unselected.jsonl``); :func:`line_passes` scores it sentence by sentence.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import newsstruct
from newsstruct import byline as _byline
from newsstruct import entities as _entities
from newsstruct import layout as _layout
from newsstruct import pipeline as _pipeline
from newsstruct.types import MentionKind

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SCORER = EVAL / "ner" / "score.py"
PRONOUNS = frozenset(["he", "him", "his", "she", "her", "hers"])
#: The unselected golden set takes every EVERY-th document of the CoNLL dev set (0, 20, ...).
EVERY = 20
#: Our entity types in CoNLL's four (the mapping of ``../shared/eval/ner/score.py``).
CONLL_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
              "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
              "LANGUAGE": "MISC", "PRODUCT": "MISC", "MISC": "MISC"}


def build_unselected(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every :data:`EVERY`-th document of the CoNLL dev set, whole, with its gold entities."""
    return [{"source": f"ner/dev {g['id']}", "rule": f"every {EVERY}th document of ner/dev",
             "text": g["text"], "headline_end": g["headline_end"], "entities": g["entities"]}
            for g in gold[::EVERY]]


def line_passes(text: str, gold: list[dict[str, Any]], pred: list[tuple[int, int, str]]
                ) -> tuple[int, int]:
    """``(passed, lines)``: a non-blank line passes when the name mentions predicted in it,
    as (start, end, CoNLL type), are exactly its gold entities."""
    passed = lines = 0
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        want = {(e["start"], e["end"], e["type"]) for e in gold if start <= e["start"] < end}
        got = {(s, e, CONLL_TYPE[t]) for s, e, t in pred if start <= s < end and t in CONLL_TYPE}
        lines += 1
        passed += want == got
    return passed, lines


def unselected_figures(rows: list[dict[str, Any]]) -> tuple[int, int]:
    """``(passed, lines)`` of the whole unselected golden set, parsed document by document."""
    passed = lines = 0
    items = ((r["text"], {"id": r["source"], "reference_date": "1996-09-01"}) for r in rows)
    for row, art in zip(rows, newsstruct.parse_articles(items), strict=True):
        pred = [(m.span.start, m.span.end, e.type.value) for e in art.entities
                for m in e.mentions if m.kind is MentionKind.NAME]
        p, n = line_passes(row["text"], row["entities"], pred)
        passed += p
        lines += n
    return passed, lines


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file (the first ``limit`` of them)."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


def ner_predictions(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One prediction line per gold article: every name mention with its entity's type."""
    out = []
    items = ((g["text"], {"id": g["id"], "reference_date": "1996-09-01"}) for g in gold)
    for art in newsstruct.parse_articles(items):
        ents = [{"start": m.span.start, "end": m.span.end, "type": e.type.value}
                for e in art.entities for m in e.mentions if m.kind is MentionKind.NAME]
        out.append({"id": art.id, "entities": ents})
    return out


def raw_spacy_predictions(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The baseline: the spaCy model's own entities over each article's text as is."""
    nlp = _pipeline.load_model(None)
    return [{"id": g["id"], "entities": [{"start": e.start_char, "end": e.end_char,
                                          "type": e.label_} for e in doc.ents]}
            for g, doc in zip(gold, nlp.pipe(g["text"] for g in gold), strict=True)]


def write_and_score(gold_path: Path, pred_path: Path, preds: list[dict[str, Any]]) -> None:
    """Write ``preds`` to ``pred_path`` and print the set's scorer table for them."""
    with pred_path.open("w", encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p) + "\n")
    if SCORER.exists():
        subprocess.run([sys.executable, str(SCORER), str(gold_path), str(pred_path)],
                       check=False)


def quote_figures(rows: list[dict[str, Any]]) -> None:
    """Entity-stage cost against the spaCy pass, and speaker linking, on the quote set."""
    nlp = _pipeline.load_model(None)
    ref = dt.datetime(2016, 11, 1)
    spacy_s = stage_s = 0.0
    asked = linked = 0
    for row in rows:
        text = row["text"]
        segments = _layout.segment_text(text)
        t0 = time.process_time()
        doc = _pipeline.run_pipeline(nlp, text, segments)
        t1 = time.process_time()
        by = _byline.parse_byline(text, segments, ref)
        t2 = time.process_time()
        ents = _entities.extract_entities(doc, text, segments, by)
        t3 = time.process_time()
        spacy_s += t1 - t0
        stage_s += t3 - t2
        for q in row["quotes"]:
            s, e = q.get("source_start"), q.get("source_end")
            if s is None or e is None:
                continue
            src = text[s:e].strip()
            words = src.split()
            bare = len(words) == 1 and (src.lower() in PRONOUNS or src[:1].isupper())
            if not bare or src.lower() in ("i", "we", "they", "it", "you"):
                continue
            asked += 1
            ent = _entities.entity_at(ents, s, e)
            linked += ent is not None and len(ent.name.split()) >= 2
    print(f"quote dev set: {len(rows)} articles; spaCy pass {spacy_s:.2f} s, entity stage "
          f"{stage_s:.2f} s = {100 * stage_s / max(spacy_s, 1e-9):.1f}% of the pass")
    print(f"gold speakers that are he/she/his/her or a bare name: {asked}; linked to a "
          f"full-name entity: {linked} ({100 * linked / max(asked, 1):.1f}%)")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--quotes", type=Path, default=EVAL / "quotes" / "dev.jsonl")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-quotes", action="store_true")
    parser.add_argument("--raw-spacy", action="store_true",
                        help="also score the model's own entities (written to PRED.raw.jsonl)")
    parser.add_argument("--build-unselected", action="store_true",
                        help="write the unselected golden set to PRED and score it by line")
    args = parser.parse_args(argv)
    gold = read_jsonl(args.gold, args.limit)
    if args.build_unselected:
        rows = build_unselected(gold)
        with args.pred.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        passed, lines = unselected_figures(rows)
        print(f"{len(rows)} documents -> {args.pred}; lines passing {passed}/{lines} "
              f"({100 * passed / max(lines, 1):.1f}%)")
        return 0
    t0 = time.perf_counter()
    preds = ner_predictions(gold)
    print(f"{len(preds)} articles parsed in {time.perf_counter() - t0:.1f} s -> {args.pred}")
    write_and_score(args.gold, args.pred, preds)
    if args.raw_spacy:
        raw = args.pred.with_suffix(".raw.jsonl")
        print(f"raw spaCy ({_pipeline.resolve_model_name()}) -> {raw}")
        write_and_score(args.gold, raw, raw_spacy_predictions(gold))
    if not args.no_quotes and args.quotes.exists():
        quote_figures(read_jsonl(args.quotes, args.limit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
