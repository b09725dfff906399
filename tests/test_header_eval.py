"""The header benchmark: prediction shape, and floors for the layout + byline figures on the
shared dev pages (scored with the shared scorer; skipped when ``../shared/eval`` is absent)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from benchmarks.modules import load_module
from newsstruct import byline as _byline
from newsstruct import layout as _layout
from tests.figures import hold

ROOT = Path(__file__).resolve().parents[1]
HEADER = ROOT.parent / "shared" / "eval" / "header"


def _bench() -> ModuleType:
    return load_module(ROOT / "benchmarks" / "eval_header.py", "eval_header")


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


@pytest.mark.skipif(not (HEADER / "dev.jsonl").exists(), reason="../shared/eval is absent")
def test_dateline_stays_the_first_words_of_the_predicted_body() -> None:
    # dev sh-57d46c9d751e: the layout cuts "NEW YORK (Reuters) -" into a DATELINE segment;
    # the body predicted keeps it before the paragraph's first word, as the page prints it
    bench = _bench()
    with (HEADER / "dev.jsonl").open(encoding="utf-8") as fh:
        page = next(row for row in map(json.loads, fh) if row["id"] == "sh-57d46c9d751e")
    segs = _layout.segment_text(page["text_full"])
    assert any(s.kind.value == "dateline" and s.text.startswith("NEW YORK (Reuters)")
               for s in segs)
    body = bench._predict(page, "text_full")["body"]
    assert body.startswith("NEW YORK (Reuters) - Oil prices fell sharply on Tuesday")
    assert not bench.prediction("x", segs, None)["body"].startswith("NEW YORK")


#: Floors within two or three points of the figures last measured (layout + byline, shipped
#: weights), so that a change that loses a few points of the header reading fails here.
FLOORS = {
    "text_full": {"title_em": 0.89, "author_f1": 0.93, "date_acc": 0.95, "body_f1": 0.93},
    "text_copy": {"title_em": 0.88, "author_f1": 0.86, "date_acc": 0.76, "body_f1": 0.94},
}
WIDE_FLOORS = {"title_em": 0.87, "author_f1": 0.87, "date_acc": 0.87, "body_f1": 0.89}
#: Floors of the held-out-fold figures of ``eval_header.py --cv 5`` (dev + wide, text_full).
CV_FLOORS = {"title_em": 0.88, "author_f1": 0.91, "date_acc": 0.91, "body_f1": 0.92}


@pytest.mark.skipif(not (HEADER / "dev.jsonl").exists(), reason="../shared/eval is absent")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("field", sorted(FLOORS))
def test_dev_figures_hold(field: str, tmp_path: Path) -> None:
    bench = _bench()
    scorer = load_module(HEADER / "score.py", "header_score")
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


@pytest.mark.skipif(not (HEADER / "wide.jsonl").exists(), reason="../shared/eval is absent")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_wide_figures_hold(tmp_path: Path) -> None:
    bench = _bench()
    scorer = load_module(HEADER / "score.py", "header_score")
    pred = tmp_path / "pred.jsonl"
    assert bench.main([str(HEADER / "wide.jsonl"), str(pred), "--field", "text_full",
                       "--layout-only", "--speed-rounds", "1"]) == 0
    result: dict[str, Any] = scorer.score(str(HEADER / "wide.jsonl"), str(pred))
    figures = {k: v[0] for k, v in result["ALL"].items()}
    for metric, floor in WIDE_FLOORS.items():
        hold(f"header wide text_full {metric}", figures[metric], floor)


@pytest.mark.skipif(not (HEADER / "wide.jsonl").exists(), reason="../shared/eval is absent")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_cross_validated_figures_hold() -> None:
    """Weights fitted on four folds of sites, read on the fifth: the figures on pages of
    sites the weights never saw."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import fit_header as fh
    from newsstruct.layout.titles import set_header_weights

    bench = _bench()
    scorer = fh.load_scorer()
    pages = fh.load_pages()
    per_page = [fh.examples([p], scorer.ntitle) for p in pages]
    wire = fh.examples(fh.wire_copies(), scorer.ntitle)
    rows: list[Any] = []
    try:
        for fold in fh.folds(pages, 5):
            inside = set(fold)
            train = [e for i, exs in enumerate(per_page) if i not in inside for e in exs]
            set_header_weights(fh.fit(train + wire))
            rows += [scorer.score_doc(pages[i], bench._predict(pages[i], "text_full"))
                     for i in fold]
    finally:
        set_header_weights(None)
    figures = {k: v[0] for k, v in scorer.aggregate(rows).items()}
    for metric, floor in CV_FLOORS.items():
        hold(f"header dev+wide cv5 held-out {metric}", figures[metric], floor)
