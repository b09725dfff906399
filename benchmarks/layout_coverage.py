"""How many gold entities the layout stage puts in boilerplate segments.

usage: python benchmarks/layout_coverage.py [NER_GOLD.jsonl] [--show N]

Runs :func:`newsstruct.layout.segment_text` over each text of an entity gold file (by default
``../shared/eval/ner/dev.jsonl``) and counts the gold entities whose span lies, wholly or in
part, in a BOILERPLATE segment: text the later stages blank out and never read. Prints the
count, its share, the count by boilerplate kind and, with ``--show``, the first N lines
concerned.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import Counter
from pathlib import Path

from newsstruct.layout import segment_text
from newsstruct.types import SegmentKind

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "ner" / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    """Print the count of gold entities that fall in boilerplate."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("gold", type=Path, nargs="?", default=DEFAULT_GOLD)
    ap.add_argument("--show", type=int, default=0, help="print the first N lines concerned")
    args = ap.parse_args(argv)
    total = hidden = 0
    kinds: Counter[str] = Counter()
    shown: list[str] = []
    with args.gold.open(encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            doc = json.loads(raw)
            text: str = doc["text"]
            segs = [s for s in segment_text(text) if s.kind is SegmentKind.BOILERPLATE]
            starts = [s.span.start for s in segs]
            for ent in doc.get("entities", ()):
                total += 1
                k = bisect.bisect_right(starts, ent["end"] - 1) - 1
                if k >= 0 and segs[k].span.end > ent["start"]:
                    hidden += 1
                    bp = segs[k].boilerplate
                    kind = bp.value if bp is not None else "?"
                    kinds[kind] += 1
                    if len(shown) < args.show:
                        shown.append(f"{doc['id']} [{kind}] {segs[k].span.text[:100]!r}")
    share = hidden / total if total else 0.0
    print(f"gold entities in boilerplate: {hidden} of {total} ({share:.1%})")
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
