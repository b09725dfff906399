"""Canonical entities and quote speakers on ``../shared/eval/entities``, scored by its scorer.

usage: python benchmarks/eval_clusters.py GOLD.jsonl PRED.jsonl [--limit N]

Every gold article goes through :func:`newsstruct.parse_article` with ``published`` set to the
date in its id (``polnear/dev/<publisher>_YYYY-MM-DD_...``), and one prediction line is written in
the scorer's shape: entities of the name types the gold annotates (PERSON, ORG, and places as
GPE) with their name mentions only, and one speaker per attributed quote with ``entity`` set to the
canonical name of the entity the speaker was linked to (or null). Then the scorer's table is
printed.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import newsstruct
from newsstruct.types import Article, EntityType, MentionKind, QuoteKind

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "entities" / "score.py"
#: Entity types the gold annotates, in the gold's vocabulary.
GOLD_TYPE = {EntityType.PERSON: "PERSON", EntityType.ORG: "ORG", EntityType.GPE: "GPE",
             EntityType.LOC: "GPE"}
_DATE_IN_ID = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
FALLBACK_PUBLISHED = "2016-10-01"


def published_of(doc_id: str) -> str:
    """The publication day written in a PolNeAR id."""
    m = _DATE_IN_ID.search(doc_id)
    return m.group(1) if m else FALLBACK_PUBLISHED


def prediction(doc_id: str, art: Article) -> dict[str, Any]:
    """One prediction line in the scorer's shape."""
    entities = []
    for ent in art.entities:
        kind = GOLD_TYPE.get(ent.type)
        mentions = [[m.span.start, m.span.end] for m in ent.mentions
                    if m.kind is MentionKind.NAME]
        if kind is None or not mentions:
            continue
        entities.append({"canonical": ent.name, "type": kind, "mentions": mentions})
    speakers = []
    for q in art.quotes:
        if q.kind is QuoteKind.SCARE or q.speaker is None:
            continue
        linked = art.entity(q.speaker_entity) if q.speaker_entity else None
        speakers.append({"source_start": q.speaker.start, "source_end": q.speaker.end,
                         "entity": linked.name if linked is not None else None})
    return {"id": doc_id, "entities": entities, "speakers": speakers}


def main(argv: list[str] | None = None) -> int:
    """Run, write predictions and print the scorer's table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    with args.gold.open(encoding="utf-8") as fh:
        golds = [json.loads(line) for line in fh if line.strip()]
    golds = golds[: args.limit] if args.limit else golds
    failures = 0
    with args.pred.open("w", encoding="utf-8") as out:
        for g in golds:
            try:
                art = newsstruct.parse_article(
                    g["text"], reference_date=published_of(g["id"]),
                    published=published_of(g["id"]))
            except Exception as exc:  # a failing stage must not stop the benchmark
                failures += 1
                print(f"{g['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
                out.write(json.dumps({"id": g["id"], "entities": [], "speakers": []}) + "\n")
                continue
            out.write(json.dumps(prediction(g["id"], art), ensure_ascii=False) + "\n")
    print(f"articles {len(golds)}, exceptions {failures}")
    sys.stdout.flush()
    if SCORER.exists() and not args.limit:
        subprocess.run([sys.executable, str(SCORER), str(args.gold), str(args.pred)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
