"""Build ``tests/data/quotes_unselected.jsonl``: every gold quote of every tenth PolNeAR dev
article (file order, from the first), with its text, speaker and cue as the annotators marked
them.

usage: python benchmarks/quotes_unselected.py [GOLD.jsonl] [OUT.jsonl]

The articles are chosen by that fixed rule, not by how the library reads them, so the share of
these quotes the library finds (``tests/test_quotes.py``) measures it rather than listing what it
already gets right.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl"
OUT = ROOT / "tests" / "data" / "quotes_unselected.jsonl"
#: Every STEP-th article of the dev file, from the first.
STEP = 10


def _span(text: str, q: dict[str, Any], key: str) -> str | None:
    s, e = q.get(f"{key}_start"), q.get(f"{key}_end")
    return text[s:e] if s is not None and e is not None else None


def items(golds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per gold quote of the chosen articles, in text order."""
    out = []
    for g in golds[::STEP]:
        text = g["text"]
        for q in sorted(g["quotes"], key=lambda q: (q["content_start"], q["content_end"])):
            row = {"doc": g["id"], "kind": q["kind"],
                   "content_start": q["content_start"], "content_end": q["content_end"],
                   "content": _span(text, q, "content"),
                   "source_start": q.get("source_start"), "source_end": q.get("source_end"),
                   "source": _span(text, q, "source"), "cue": _span(text, q, "cue")}
            if q.get("content_fragments"):
                row["fragments"] = q["content_fragments"]
            out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the rows."""
    args = sys.argv[1:] if argv is None else argv
    gold = Path(args[0]) if args else GOLD
    out = Path(args[1]) if len(args) > 1 else OUT
    with gold.open(encoding="utf-8") as fh:
        golds = [json.loads(line) for line in fh if line.strip()]
    rows = items(golds)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                   encoding="utf-8")
    print(f"{len(rows)} quotes from {len(golds[::STEP])} articles -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
