"""Canonical entities and quote speakers on ``../shared/eval/entities``, scored by its scorer.

usage: python benchmarks/eval_clusters.py GOLD.jsonl PRED.jsonl [--limit N]

Every gold article goes through :func:`newsstruct.parse_article` with ``published`` set to the
date in its id (``polnear/dev/<publisher>_YYYY-MM-DD_...``), and one prediction line is written in
the scorer's shape: entities of the name types the gold annotates (PERSON, ORG, and places as
GPE) with their name mentions only, and one speaker per attributed quote with ``entity`` set to the
canonical name of the entity the speaker was linked to (or null). Then the scorer's table is
printed, followed by role precision and recall (see :func:`role_figures`).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
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
        entities.append({"canonical": ent.name, "type": kind, "mentions": mentions,
                         "roles": [r.text for r in ent.roles]})
    speakers = []
    for q in art.quotes:
        if q.kind is QuoteKind.SCARE or q.speaker is None:
            continue
        linked = art.entity(q.speaker_entity) if q.speaker_entity else None
        speakers.append({"source_start": q.speaker.start, "source_end": q.speaker.end,
                         "entity": linked.name if linked is not None else None})
    return {"id": doc_id, "entities": entities, "speakers": speakers}


_ROLE_LEAD = re.compile(r"^(?:the|a|an|his|her|its|their)\s+")


def role_key(role: str) -> str:
    """A role compared ignoring case, punctuation and a leading article or possessive."""
    key = " ".join(re.sub(r"[^\w\s-]", " ", role.casefold().replace("’", "'")).split())
    return _ROLE_LEAD.sub("", key)


def _majority(gold_ent: dict[str, Any], where: dict[tuple[int, int], int]) -> int | None:
    """The predicted entity holding most of a gold entity's mentions (the scorer's choice)."""
    votes = Counter(where[(s, e)] for s, e in gold_ent["mentions"] if (s, e) in where)
    return max(votes.items(), key=lambda kv: (kv[1], -kv[0]))[0] if votes else None


def role_figures(golds: list[dict[str, Any]], preds: dict[str, dict[str, Any]]
                 ) -> tuple[int, int, int, int]:
    """Roles against the gold's: ``(true pos. of predicted, predicted, found gold, gold)``.

    Each gold entity is matched to the predicted entity holding most of its mentions, as the
    scorer does. A predicted role of a matched entity is right when the gold entity lists it
    (:func:`role_key`); predicted entities that match no gold entity are not counted. A gold
    role is found when its matched entity predicts it.
    """
    tp_pred = n_pred = tp_gold = n_gold = 0
    for g in golds:
        pents = preds.get(g["id"], {}).get("entities", [])
        where: dict[tuple[int, int], int] = {}
        for k, pe in enumerate(pents):
            for s, e in pe["mentions"]:
                where.setdefault((s, e), k)
        wanted: dict[int, set[str]] = {}
        for ge in g["entities"]:
            keys = {role_key(r) for r in ge.get("roles", ())}
            n_gold += len(keys)
            best = _majority(ge, where)
            if best is None:
                continue
            wanted.setdefault(best, set()).update(keys)
            got = {role_key(r) for r in pents[best].get("roles", ())}
            tp_gold += len(keys & got)
        for k, keys in wanted.items():
            got = {role_key(r) for r in pents[k].get("roles", ())}
            n_pred += len(got)
            tp_pred += len(got & keys)
    return tp_pred, n_pred, tp_gold, n_gold


def print_roles(golds: list[dict[str, Any]], pred_path: Path) -> None:
    """Print role precision and recall of the predictions written to ``pred_path``."""
    with pred_path.open(encoding="utf-8") as fh:
        preds = {d["id"]: d for d in map(json.loads, fh)}
    tp_p, n_p, tp_g, n_g = role_figures(golds, preds)
    p, r = tp_p / max(n_p, 1), tp_g / max(n_g, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"(r) roles        P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f1:5.1f}   "
          f"(gold {n_g}, pred {n_p}, right {tp_p})")


def main(argv: list[str] | None = None) -> int:
    """Run, write predictions and print the scorer's table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-score", action="store_true", help="write PRED only")
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
    if SCORER.exists() and not args.limit and not args.no_score:
        subprocess.run([sys.executable, str(SCORER), str(args.gold), str(args.pred)], check=False)
    print_roles(golds, args.pred)
    return 0


if __name__ == "__main__":
    sys.exit(main())
