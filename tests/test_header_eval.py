"""The header benchmark: prediction shape, and floors for the layout + byline figures on the
shared dev pages (scored with the shared scorer; skipped when ``../shared/eval`` is absent)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsstruct import byline as _byline
from newsstruct import layout as _layout
from tests.figures import hold

ROOT = Path(__file__).resolve().parents[1]
HEADER = ROOT.parent / "shared" / "eval" / "header"


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _bench() -> ModuleType:
    return _load(ROOT / "benchmarks" / "eval_header.py", "eval_header")


def test_prediction_shape() -> None:
    bench = _bench()
    text = "Storm closes port\n\nBy Jane Doe\n\nNov. 19, 2019\n\n" + (
        "The port closed on Tuesday as the storm approached the coast, officials said. " * 3
    )
    segs = _layout.segment_text(text)
    ref = _byline.page_reference_date(text) or bench.FALLBACK_REFERENCE
    pred = bench.prediction("x", segs, _byline.parse_byline(text, segs, ref))
    assert pred == {
        "id": "x",
        "title": "Storm closes port",
        "authors": ["Jane Doe"],
        "published": "2019-11-19",
        "body": pred["body"],
    }
    assert pred["body"].startswith("The port closed")
    args = bench.parse_args(["g.jsonl", "p.jsonl", "--field", "text_copy", "--layout-only"])
    assert args.field == "text_copy" and args.layout_only


#: Floors well under the figures measured when these tests were written, so that a change
#: that breaks the header reading fails here.
FLOORS = {
    "text_full": {"title_em": 0.72, "author_f1": 0.80, "date_acc": 0.89, "body_f1": 0.90},
    "text_copy": {"title_em": 0.83, "author_f1": 0.75, "date_acc": 0.73, "body_f1": 0.93},
}


@pytest.mark.skipif(not (HEADER / "dev.jsonl").exists(), reason="../shared/eval is absent")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("field", sorted(FLOORS))
def test_dev_figures_hold(field: str, tmp_path: Path) -> None:
    bench = _bench()
    scorer = _load(HEADER / "score.py", "header_score")
    pred = tmp_path / "pred.jsonl"
    assert bench.main([str(HEADER / "dev.jsonl"), str(pred), "--field", field,
                       "--layout-only", "--speed-rounds", "1"]) == 0
    result: dict[str, Any] = scorer.score(str(HEADER / "dev.jsonl"), str(pred))
    figures = {k: v[0] for k, v in result["ALL"].items()}
    for metric, floor in FLOORS[field].items():
        hold(f"header dev {field} {metric}", figures[metric], floor)
    with pred.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    assert len(rows) == result["n_docs"]
