"""Canonical entities and quote speakers on ``../shared/eval/entities``, scored by its scorer.

usage: python benchmarks/eval_clusters.py GOLD.jsonl PRED.jsonl [--limit N]

Every gold article goes through :func:`newsstruct.parse_article` with ``published`` set to the
date in its id (``polnear/dev/<publisher>_YYYY-MM-DD_...``), and one prediction line is written in
the scorer's shape: entities of the name types the gold annotates (PERSON, ORG, and places as
GPE) with their name mentions only, and one speaker per attributed quote with ``entity`` set to the
canonical name of the entity the speaker was linked to (or null). Then the scorer's table is
printed, followed by role precision and recall (see :func:`role_figures`) and the speakers again
by the method that linked them (``Quote.speaker_method``).
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
                         "entity": linked.name if linked is not None else None,
                         "method": q.speaker_method.value if q.speaker_method else None})
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
def _norm(name: str | None) -> str:
    words = re.sub(r"[^\w\s]", "", (name or "").casefold()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def method_figures(golds: list[dict[str, Any]], preds: list[dict[str, Any]]
                   ) -> dict[str, tuple[int, int, int]]:
    """Per speaker method: (gold speakers with an entity that a predicted speaker of that method
    overlaps most, of them given the gold entity's canonical name, gold-null speakers given an
    entity by that method). "none" counts predicted speakers left unlinked; "missing" gold
    speakers no predicted speaker overlaps."""
    out: dict[str, list[int]] = {}
    for g, p in zip(golds, preds, strict=True):
        for s in g.get("speakers", []):
            gs, ge = s["source_start"], s["source_end"]
            best, most = None, 0
            for q in p["speakers"]:
                o = min(ge, q["source_end"]) - max(gs, q["source_start"])
                if o > most:
                    best, most = q, o
            method = "missing" if best is None else (best.get("method") or "none")
            row = out.setdefault(method, [0, 0, 0])
            if s.get("source_entity") is None:
                row[2] += best is not None and best.get("entity") is not None
                continue
            row[0] += 1
            row[1] += best is not None and _norm(best.get("entity")) == _norm(s["source_entity"])
    return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items())}


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
    preds: list[dict[str, Any]] = []
    with args.pred.open("w", encoding="utf-8") as out:
        for g in golds:
            try:
                art = newsstruct.parse_article(
                    g["text"], reference_date=published_of(g["id"]),
                    published=published_of(g["id"]))
            except Exception as exc:  # a failing stage must not stop the benchmark
                failures += 1
                print(f"{g['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
                preds.append({"id": g["id"], "entities": [], "speakers": []})
                out.write(json.dumps(preds[-1]) + "\n")
                continue
            preds.append(prediction(g["id"], art))
            out.write(json.dumps(preds[-1], ensure_ascii=False) + "\n")
    print(f"articles {len(golds)}, exceptions {failures}")
    sys.stdout.flush()
    if SCORER.exists() and not args.limit and not args.no_score:
        subprocess.run([sys.executable, str(SCORER), str(args.gold), str(args.pred)], check=False)
    print_roles(golds, args.pred)
    print("speakers by method (gold speakers with an entity: right / n; gold-null given one)")
    for method, (n, right, false) in method_figures(golds, preds).items():
        share = f"{100 * right / n:5.1f}" if n else "   - "
        print(f"    {method:10s} n {n:4d}  right {share}  false {false:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
