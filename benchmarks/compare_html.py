"""Title, author and day read from the header pages' original HTML by trafilatura and
newspaper4k, in the shape ``score.py`` reads, to set beside ``eval_header.py --html``.

Run it with the interpreter of a separate environment that has both tools (they are no
dependency of newsstruct)::

    python3 -m venv .venv-compare
    .venv-compare/bin/pip install trafilatura newspaper4k lxml_html_clean
    .venv-compare/bin/python benchmarks/compare_html.py ../shared/eval/header/dev.jsonl OUT_DIR

It writes ``OUT_DIR/trafilatura.jsonl`` and ``OUT_DIR/newspaper4k.jsonl``; score each with
``python ../shared/eval/header/score.py GOLD PRED``. A tool that raises on a page gets an
empty prediction for it. Pages/s of each tool is printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Reader = Callable[[str, str | None], dict[str, Any]]


def page_html(gold_path: Path, line: dict[str, Any]) -> str:
    """A gold line's HTML: its ``html`` field, else ``html/<id>.html.gz`` beside the gold."""
    if isinstance(line.get("html"), str):
        return str(line["html"])
    raw = gzip.decompress((gold_path.parent / "html" / f"{line['id']}.html.gz").read_bytes())
    return raw.decode("utf-8", "replace")


def _day(value: object) -> str | None:
    m = re.search(r"\d{4}-\d{2}-\d{2}", str(value)) if value else None
    return m.group() if m else None


def read_trafilatura(html: str, url: str | None) -> dict[str, Any]:
    """trafilatura's metadata and main text."""
    import trafilatura  # type: ignore[import-not-found]

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, as_dict=True)
    if doc is None:
        return {}
    data = doc if isinstance(doc, dict) else doc.as_dict()
    authors = [a.strip() for a in re.split(r";|,| and ", data.get("author") or "") if a.strip()]
    return {"title": data.get("title"), "authors": authors,
            "published": _day(data.get("date")), "body": data.get("text") or ""}


def read_newspaper(html: str, url: str | None) -> dict[str, Any]:
    """newspaper4k's title, authors, publish date and text."""
    import newspaper  # type: ignore[import-not-found]

    art = newspaper.Article(url or "http://example.invalid/")
    art.download(input_html=html)
    art.parse()
    return {"title": art.title, "authors": list(art.authors),
            "published": _day(art.publish_date), "body": art.text or ""}


def main(argv: list[str] | None = None) -> int:
    """Write one prediction file per tool."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    with args.gold.open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    if args.limit:
        gold = gold[: args.limit]
    pages = [(g, page_html(args.gold, g)) for g in gold]
    args.out.mkdir(parents=True, exist_ok=True)
    readers: dict[str, Reader] = {"trafilatura": read_trafilatura,
                                  "newspaper4k": read_newspaper}
    for name, read in readers.items():
        failed = 0
        t0 = time.perf_counter()
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for g, html in pages:
                try:
                    pred = read(html, g.get("url"))
                except Exception:  # a tool failing on a page gets an empty prediction
                    failed += 1
                    pred = {}
                row = {"id": g["id"], "title": pred.get("title"),
                       "authors": pred.get("authors") or [],
                       "published": pred.get("published"), "body": pred.get("body") or ""}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elapsed = time.perf_counter() - t0
        print(f"{name}: {len(pages)} pages in {elapsed:.1f}s = {len(pages) / elapsed:.1f} "
              f"pages/s ({failed} raised)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
