"""Scale-out recipe: newsstruct over a ``dask.bag`` on a ``dask.distributed`` cluster.

Each partition of the bag goes through :func:`newsstruct.parse_articles` inside one worker, and
a worker plugin loads the spaCy pipeline once per worker when it starts (later tasks find it in
the process's cache). The result is a bag of ``Article.to_dict()`` records, ready for
``.to_textfiles``, a DataFrame or ``Article.from_dict``.

Run it on this machine (a ``LocalCluster``) over text files or a JSONL file::

    python examples/dask_recipe.py 'pages/*.txt' --workers 2 --reference-date 2025-09-06 \\
        > articles.jsonl

On a real cluster, pass ``--scheduler tcp://host:8786`` instead; every worker needs newsstruct
and the spaCy pipeline installed. Needs the ``dask`` extra: ``pip install 'newsstruct[dask]'``.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import dask.bag as db
from distributed import Client, LocalCluster, WorkerPlugin

import newsstruct
from newsstruct.pipeline import load_model, resolve_model_name


class LoadModel(WorkerPlugin):
    """Load the spaCy pipeline once in each worker, when the worker starts."""

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        load_model(self.model)


def _parse_partition(
    items: Iterable[Any], reference_date: str | None, model: str | None, batch_size: int
) -> list[dict[str, Any]]:
    articles = newsstruct.parse_articles(
        items, reference_date=reference_date, model=model, batch_size=batch_size
    )
    return [article.to_dict() for article in articles]


def parse_bag(
    bag: db.Bag,
    *,
    reference_date: str | None = None,
    model: str | None = None,
    batch_size: int = 16,
) -> db.Bag:
    """A bag of ``Article.to_dict()`` records for a bag of texts or ``(text, context)``
    pairs (context: ``id`` and ``reference_date``), in the bag's order."""
    return bag.map_partitions(
        _parse_partition, reference_date=reference_date, model=model, batch_size=batch_size
    )


def start(client: Client, model: str | None = None) -> str:
    """Make this module importable on every worker (when it is imported, not run as a
    script) and load the pipeline once in each worker; returns the pipeline's name."""
    if __name__ != "__main__":
        client.upload_file(__file__)
    name = resolve_model_name(model)
    client.register_plugin(LoadModel(name), name="newsstruct-model")
    return name


def read_items(inputs: Sequence[str]) -> list[tuple[str, dict[str, Any]]]:
    """``(text, {"id": ...})`` for text files and globs, or every line of ``*.jsonl`` files."""
    items: list[tuple[str, dict[str, Any]]] = []
    for pattern in inputs:
        for path in sorted(glob.glob(pattern)) or [pattern]:
            with open(path, encoding="utf-8") as fh:
                if path.endswith(".jsonl"):
                    for n, line in enumerate(fh, 1):
                        if line.strip():
                            row = json.loads(line)
                            items.append((row["text"], {"id": row.get("id", f"{path}:{n}")}))
                else:
                    items.append((fh.read(), {"id": path}))
    return items


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the inputs on a cluster and write JSON Lines to standard output."""
    ap = argparse.ArgumentParser(description="newsstruct on a dask.distributed cluster")
    ap.add_argument("input", nargs="+", help="text files, globs or JSONL files")
    ap.add_argument("--scheduler", help="address of a running scheduler (default: local)")
    ap.add_argument("--workers", type=int, default=2, help="local worker processes")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--reference-date")
    ap.add_argument("--model")
    args = ap.parse_args(argv)
    items = read_items(args.input)
    with contextlib.ExitStack() as stack:
        if args.scheduler:
            client = stack.enter_context(Client(args.scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True,
                dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        model = start(client, args.model)
        bag = db.from_sequence(items, npartitions=args.partitions or 4 * args.workers)
        for record in parse_bag(bag, reference_date=args.reference_date, model=model).compute():
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
