"""The Dask recipe (examples/dask_recipe.py) on a two-worker LocalCluster gives what one
process gives, and each worker loads the pipeline once."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

import newsstruct
from benchmarks.modules import load_module
from newsstruct import pipeline

from .conftest import EVAL, ROOT, SEED, read_jsonl

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

REFERENCE = "2025-09-06"


def _recipe() -> ModuleType:
    # the name Client.upload_file gives it on the workers
    return load_module(ROOT / "examples" / "dask_recipe.py", "dask_recipe")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def _items() -> list[tuple[str, dict[str, Any]]]:
    items = [(SEED.read_text(encoding="utf-8"), {"id": "seed"})]
    dev = EVAL / "header" / "dev.jsonl"
    if dev.exists():
        items += [(r["text_full"], {"id": r["id"]}) for r in read_jsonl(dev)[:7]]
    else:
        items += [
            ("Markets rallied on Monday.\n\nThe central bank must decide by Friday.",
             {"id": "short-1"}),
            ("Ministers met in Paris.\n\n\"We will act within 30 days,\" she said.",
             {"id": "short-2"}),
        ]
    return items


def test_bag_on_two_workers_equals_one_process(client: Any) -> None:
    recipe = _recipe()
    name = recipe.start(client)
    assert name == pipeline.resolve_model_name()
    items = _items()
    bag = db.from_sequence(items, npartitions=4)
    got = recipe.parse_bag(bag, reference_date=REFERENCE).compute()
    want = [
        {**newsstruct.parse_article(text, reference_date=REFERENCE).to_dict(), "id": ctx["id"]}
        for text, ctx in items
    ]
    assert [r["id"] for r in got] == [ctx["id"] for _, ctx in items]
    assert got == want
    assert newsstruct.Article.from_dict(got[0]).title is not None
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    # four partitions ran on two workers: still one pipeline load a worker
    loads = {w: info.misses for w, info in client.run(pipeline._load.cache_info).items()}
    assert loads == dict.fromkeys(workers, 1)
