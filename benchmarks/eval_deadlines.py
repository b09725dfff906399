"""Deadline frames: predictions in the scorer's shape, and figures on the golden sentences.

usage:
    python benchmarks/eval_deadlines.py GOLD.jsonl PRED.jsonl  # write predictions, print scores
    python benchmarks/eval_deadlines.py --golden [FILE ...]     # score golden sentences
    python benchmarks/eval_deadlines.py --untouched             # the untouched sentences
    python benchmarks/eval_deadlines.py --golden tests/data/deadlines_dev_pool.jsonl

The first form reads a gold file in the shape of ``../shared/eval/deadlines/dev.jsonl``, parses
each ``text`` with :func:`newsstruct.parse_article`, its ``dct`` given as ``reference_date``
and as ``published`` (the document creation time, as in TempEval), writes one prediction line
per gold ``id`` to PRED.jsonl and prints the figures of ``../shared/eval/deadlines/score.py``.

The second form reads golden sentences (``text``, ``dct``, expected ``deadlines`` whose
spans are given as text; by default ``tests/data/deadlines_golden.jsonl``, several files are
scored as one set) and prints detection F1, due-value accuracy and the rest of the
scorer's figures twice: with each sentence's ``dct`` as ``published`` (as the first form
does), and with the ``dct`` as ``reference_date`` only (where the article's own time is
whatever the byline stage reads from the text; a lone sentence has no byline).

The third form scores the untouched sets (sentences drawn by
``benchmarks/sample_deadlines.py`` and annotated before the stage was first run on them; no
rule is written from them), each apart: ``tests/data/deadlines_untouched.jsonl`` (from the
shared corpora) and ``tests/data/deadlines_untouched_wire.jsonl`` (Reuters and ABC news that no
shared set holds). Besides the scorer's figures it prints the share of matched deadlines whose
``status`` is the annotated one.

The golden sentences (``tests/data/deadlines_golden.jsonl``) were used to write the rules: their
figures show the stage does what its cases say. The untouched figures are the measure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import newsstruct
from benchmarks.modules import load_module
from newsstruct.types import Deadline

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "deadlines" / "score.py"
GOLDEN = ROOT / "tests" / "data" / "deadlines_golden.jsonl"
UNTOUCHED = ROOT / "tests" / "data" / "deadlines_untouched.jsonl"
UNTOUCHED_WIRE = ROOT / "tests" / "data" / "deadlines_untouched_wire.jsonl"
#: Sentences of the pools rules may be written from, annotated before the stage was run on
#: them (``benchmarks/sample_deadlines.py``): where the rules' gaps are looked for.
DEV_POOL = ROOT / "tests" / "data" / "deadlines_dev_pool.jsonl"
SLOTS = ("set_by", "party", "demand", "consequence")


def load_scorer(path: Path = SCORER) -> ModuleType:
    """The shared scorer as a module."""
    return load_module(path, "deadline_score")


def _pair(span: Any) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def to_prediction(d: Deadline) -> dict[str, Any]:
    """One deadline in the scorer's shape."""
    return {
        "trigger": _pair(d.trigger),
        "due": _pair(d.due),
        "due_value": d.due_value,
        "bound": d.bound.value,
        "duration": d.duration_value,
        **{k: _pair(getattr(d, k).span if getattr(d, k) else None) for k in SLOTS},
        "status": d.status.value,
    }


def deadlines_with_dct(text: str, dct: dt.datetime) -> tuple[Deadline, ...]:
    """The article's deadlines, with ``dct`` as its reference date and published time."""
    return newsstruct.parse_article(text, reference_date=dct, published=dct).deadlines


def predict_file(gold_path: Path, pred_path: Path) -> None:
    """Write predictions for every gold document and print the scorer's figures."""
    scorer = load_scorer()
    with gold_path.open(encoding="utf-8") as fh, pred_path.open("w", encoding="utf-8") as out:
        for line in fh:
            if not line.strip():
                continue
            gold = json.loads(line)
            dct = dt.datetime.fromisoformat(gold["dct"])
            found = deadlines_with_dct(gold["text"], dct)
            out.write(json.dumps({"id": gold["id"],
                                  "deadlines": [to_prediction(d) for d in found]}) + "\n")
    result = scorer.score(scorer.load(str(gold_path)), scorer.load(str(pred_path)))
    _print(result)


def _locate(text: str, value: Any) -> list[int] | None:
    """Offsets of a golden span given as its text (``"text@n"`` picks the n-th occurrence)."""
    if value is None:
        return None
    needle, _, nth = str(value).rpartition("@") if "@" in str(value) else (str(value), "", "")
    start = -1
    for _ in range(int(nth or 1)):
        start = text.find(needle, start + 1)
    if start < 0:
        raise ValueError(f"{needle!r} is not in {text!r}")
    return [start, start + len(needle)]


def golden_to_gold(entry: dict[str, Any]) -> dict[str, Any]:
    """A golden sentence in the scorer's gold shape (spans as offsets)."""
    text = entry["text"]
    frames = []
    for f in entry["deadlines"]:
        frames.append({
            **{k: f.get(k) for k in ("due_value", "bound", "status")},
            **{k: _locate(text, f.get(k)) for k in ("trigger", "due", *SLOTS)},
        })
    return {"id": entry["id"], "text": text, "deadlines": frames,
            "negative": not entry["deadlines"]}


def golden_deadlines(entry: dict[str, Any], *, dct_anchor: bool = True) -> tuple[Deadline, ...]:
    """The deadlines of one golden sentence, its ``dct`` as the reference date; with
    ``dct_anchor`` the dct is also the time its time expressions count from (otherwise
    :func:`newsstruct.parse_article` takes that time from the text, as for any article)."""
    if dct_anchor:
        return deadlines_with_dct(entry["text"], dt.datetime.fromisoformat(entry["dct"]))
    return newsstruct.parse_article(entry["text"], reference_date=entry["dct"]).deadlines


def read_golden(paths: Path | Sequence[Path]) -> list[dict[str, Any]]:
    """The golden sentences of one file or several."""
    entries: list[dict[str, Any]] = []
    for path in [paths] if isinstance(paths, Path) else paths:
        with path.open(encoding="utf-8") as fh:
            entries += [json.loads(line) for line in fh if line.strip()]
    return entries


def score_golden(path: Path | Sequence[Path] = GOLDEN, *, dct_anchor: bool = True,
                 verbose: bool = False) -> dict[str, Any]:
    """Parse every golden sentence (of one file or several, scored as one set) and score it
    with the shared scorer's rules."""
    scorer = load_scorer()
    gold: dict[str, Any] = {}
    pred: dict[str, Any] = {}
    entries = read_golden(path)
    for entry in entries:
        g = golden_to_gold(entry)
        found = golden_deadlines(entry, dct_anchor=dct_anchor)
        p = {"id": entry["id"], "deadlines": [to_prediction(d) for d in found]}
        gold[entry["id"]], pred[entry["id"]] = g, p
        if verbose:
            _show(g, p)
    result: dict[str, Any] = scorer.score(gold, pred)
    result.update(_status_figure(scorer, gold, pred))
    result["sentences"] = len(entries)
    result["negative_sentences"] = sum(1 for e in entries if not e["deadlines"])
    return result


def _status_figure(scorer: ModuleType, gold: dict[str, Any],
                   pred: dict[str, Any]) -> dict[str, Any]:
    """Share of matched deadlines whose annotated ``status`` comes out (where one is given)."""
    right = total = 0
    for gid, g in gold.items():
        p = pred[gid]["deadlines"]
        for i, j in scorer.match(g["deadlines"], p):
            want = g["deadlines"][i].get("status")
            if want is not None:
                total += 1
                right += p[j]["status"] == want
    return {"status_acc": 100.0 * right / total if total else 0.0, "status_n": total}


def _show(gold: dict[str, Any], pred: dict[str, Any]) -> None:
    text = gold["text"]

    def cut(span: list[int] | None) -> str | None:
        return None if span is None else text[span[0]:span[1]]

    g = [(cut(d["due"]), d["due_value"]) for d in gold["deadlines"]]
    p = [(cut(d["due"]), d["due_value"], d["bound"], cut(d["set_by"]), cut(d["party"]))
         for d in pred["deadlines"]]
    mark = "ok " if [x[:2] for x in p] == g else "XX "
    print(mark, gold["id"], "| gold", g, "| pred", p)


def _print(r: dict[str, Any]) -> None:
    print(f"deadlines: gold={r['gold']} pred={r['pred']} matched={r['matched']}")
    print(f"detection  P={r['precision']:.1f} R={r['recall']:.1f} F1={r['f1']:.1f}")
    print(f"due_value  acc={r['due_value_acc']:.1f} (over matched)  "
          f"value_F1={r['value_f1']:.1f}")
    print(f"bound      acc={r['bound_acc']:.1f} (over matched)")
    print(f"set_by     head acc={r['set_by_head_acc']:.1f} (n={r['set_by_n']})")
    print(f"party      head acc={r['party_head_acc']:.1f} (n={r['party_n']})")
    if r.get("status_n"):
        print(f"status     acc={r['status_acc']:.1f} (n={r['status_n']})")
    print(f"negatives  {r['neg_false_positives']} false-positive deadlines in "
          f"{r['neg_docs']} negative docs")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--golden", nargs="*", type=Path)
    ap.add_argument("--untouched", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.untouched:
        for path in (UNTOUCHED, UNTOUCHED_WIRE):
            r = score_golden(path, verbose=args.verbose)
            print(f"{path.name}: {r['sentences']} sentences ({r['negative_sentences']} without "
                  "a deadline); parse_article(text, reference_date=dct, published=dct)")
            _print(r)
        return 0
    if args.golden is not None:
        paths = args.golden or [GOLDEN]
        for dct_anchor, how in ((True, "parse_article(text, reference_date=dct, published=dct)"),
                                (False, "parse_article(text, reference_date=dct)")):
            r = score_golden(paths, dct_anchor=dct_anchor, verbose=args.verbose)
            print(f"golden sentences: {r['sentences']} ({r['negative_sentences']} without a "
                  f"deadline); {how}")
            _print(r)
        return 0
    if len(args.files) != 2:
        ap.print_usage(sys.stderr)
        return 2
    predict_file(args.files[0], args.files[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
