"""Gold quotes with no overlapping prediction, counted by the frame that reports them.

usage: python benchmarks/quote_misses.py GOLD.jsonl PRED.jsonl [--kind indirect] [--show N]

``PRED.jsonl`` is what ``benchmarks/eval_quotes.py`` writes. A gold quote is missed when no
predicted content shares a word with it. Each miss is put in one frame, read from the gold cue
and the text between the cue and the content:

* ``continuation``: the cue lies in another sentence than the content (a report running on);
* ``no cue``: the annotators marked no cue;
* ``said``, ``told``, ``according to``: those cues;
* ``noun of saying``: the cue is a noun ("statement", "claim");
* ``speech verb``, ``thought verb``: another verb of the cue lexicons;
* ``non-speech attribution``: a verb outside the cue lexicons ("showed", "found" read as acts);
* ``other``: anything else.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from newsstruct.data import lexicon

_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?][”\"’']?\s+[“\"‘']?[A-Z]|\n")
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "thought": "think", "wrote": "write",
              "felt": "feel", "knew": "know", "found": "find", "swore": "swear", "sought": "seek",
              "made": "make", "taken": "take", "took": "take", "spoke": "speak", "meant": "mean"}
SPEECH = lexicon("cue_verbs") | lexicon("cue_object_verbs") | lexicon("cue_quote_verbs")
THOUGHT = lexicon("cue_thought_verbs")
NOUNS = lexicon("quote_report_nouns") | lexicon("quote_speech_nouns")
FRAMES = ("continuation", "no cue", "said", "told", "according to", "noun of saying",
          "speech verb", "thought verb", "non-speech attribution", "other")


def lemmas(word: str) -> list[str]:
    """Candidate lemmas of an inflected English word, most likely first."""
    w = word.lower()
    out = [_IRREGULAR[w]] if w in _IRREGULAR else []
    out.append(w)
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("es", "e"), ("s", ""),
                         ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.append(w[: -len(suffix)] + repl)
    if re.search(r"([bdgklmnprt])\1(ed|ing)$", w):
        out.append(re.sub(r"([bdgklmnprt])\1(ed|ing)$", r"\1", w))
    return out


def frame(text: str, q: dict[str, Any]) -> str:
    """The frame of one gold quote."""
    cs, ce = q.get("cue_start"), q.get("cue_end")
    if cs is None or ce is None:
        return "no cue"
    lo, hi = (ce, q["content_start"]) if ce <= q["content_start"] else (q["content_end"], cs)
    if hi > lo and _SENT_END.search(text, lo, hi):
        return "continuation"
    cue = text[cs:ce].lower()
    if "according" in cue:
        return "according to"
    words = _WORD.findall(cue)
    for w in reversed(words):
        cands = lemmas(w)
        if "say" in cands:
            return "said"
        if "tell" in cands:
            return "told"
        if any(c in SPEECH for c in cands):
            return "speech verb"
        if any(c in THOUGHT for c in cands):
            return "thought verb"
        if any(c in NOUNS for c in cands):
            return "noun of saying"
    if (words and words[-1].endswith(("ed", "s"))) or len(words) == 1:
        return "non-speech attribution"
    return "other"


def sentence(text: str, start: int, end: int) -> str:
    """The paragraph stretch around ``start:end``, cut to about 300 characters."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return text[max(lo, start - 150) : min(hi, end + 150)].replace("\n", " ")


def misses(gold: list[dict[str, Any]], pred: dict[str, Any], kind: str | None
           ) -> list[tuple[str, str, dict[str, Any]]]:
    """(doc id, frame, gold quote) for each gold quote no prediction overlaps."""
    out = []
    for g in gold:
        text = g["text"]
        spans = [(p["content_start"], p["content_end"]) for p in pred.get(g["id"], [])
                 if p.get("content_start") is not None]
        for q in g["quotes"]:
            if kind and q["kind"] != kind:
                continue
            gw = {m.start() for m in _WORD.finditer(text, q["content_start"], q["content_end"])}
            if any(gw & {m.start() for m in _WORD.finditer(text, s, e)} for s, e in spans):
                continue
            out.append((g["id"], frame(text, q), q))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the counts by frame, then up to ``--show`` misses of each frame."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--kind", default=None, help="direct, mixed or indirect (default: all)")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--frame", default=None, help="show only this frame")
    args = ap.parse_args(argv)
    gold = [json.loads(x) for x in args.gold.open(encoding="utf-8") if x.strip()]
    pred = {d["id"]: d["quotes"] for d in
            (json.loads(x) for x in args.pred.open(encoding="utf-8") if x.strip())}
    texts = {g["id"]: g["text"] for g in gold}
    total = sum(1 for g in gold for q in g["quotes"] if not args.kind or q["kind"] == args.kind)
    found = misses(gold, pred, args.kind)
    counts = Counter(f for _, f, _ in found)
    docs: dict[str, set[str]] = {}
    for d, f, _ in found:
        docs.setdefault(f, set()).add(d)
    print(f"gold quotes {total}, missed {len(found)} ({100 * len(found) / max(total, 1):.1f}%)")
    for f in FRAMES:
        print(f"  {f:24s} {counts[f]:4d}  in {len(docs.get(f, ())):3d} articles")
    for f in FRAMES:
        if args.frame and f != args.frame:
            continue
        shown = [(d, q) for d, fr, q in found if fr == f][: args.show]
        for d, q in shown:
            text = texts[d]
            cue = (text[q["cue_start"]:q["cue_end"]] if q.get("cue_start") is not None else None)
            src = (text[q["source_start"]:q["source_end"]]
                   if q.get("source_start") is not None else None)
            print(f"\n[{f}] {d} {q['kind']} cue={cue!r} source={src!r}")
            print(f"  content: {text[q['content_start']:q['content_end']]!r}")
            print(f"  context: {sentence(text, q['content_start'], q['content_end'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
