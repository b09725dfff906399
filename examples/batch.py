"""Parse many articles and write JSON Lines, in input order.

    python examples/batch.py 'pages/*.txt' --n-process 2 --reference-date 2025-09-06 > out.jsonl

Each line is one article's ``to_dict()`` with ``id`` set to its file name; a progress bar shows
on standard error. The ``newsstruct`` command does the same with more options (JSONL input,
``-o``); this script shows the Python side: :func:`newsstruct.parse_articles` over a lazy
generator of ``(text, context)`` pairs.
"""

from __future__ import annotations

import argparse
import glob
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import newsstruct


def read(patterns: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(text, {"id": path})`` for every file the patterns match, read one at a time."""
    for pattern in patterns:
        for path in sorted(glob.glob(pattern)) or [pattern]:
            yield Path(path).read_text(encoding="utf-8"), {"id": path}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the files and write one JSON line an article to standard output."""
    ap = argparse.ArgumentParser(description="newsstruct over many files")
    ap.add_argument("files", nargs="+", help="text files or globs")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--reference-date")
    args = ap.parse_args(argv)
    articles = newsstruct.parse_articles(
        read(args.files), reference_date=args.reference_date, n_process=args.n_process,
        batch_size=args.batch_size, progress=sys.stderr.isatty(),
    )
    for article in articles:
        sys.stdout.write(article.to_json() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
