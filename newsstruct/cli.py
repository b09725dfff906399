"""The ``newsstruct`` command.

One article::

    newsstruct article.txt [--reference-date 2025-09-06] [--format text|json]
    newsstruct page.html [--url URL]   # a saved page: read by parse_html (needs the html
                                       # extra); detected by extension or content, or --html

Many articles (batch mode: JSON Lines out, one article a line, in input order)::

    newsstruct 'pages/*.txt' more.txt --n-process 2 -o articles.jsonl
    newsstruct 'saved/*.html'   # pages are read by parse_html, one after another
    newsstruct articles.jsonl   # lines {"id": ..., "text": ..., "reference_date": ...,
                                #        "published": ...}; a line with "html" (and "url")
                                # in place of "text" is a page
    cat articles.jsonl | newsstruct - --jsonl

Batch mode is used when there is more than one input, a glob, a ``.jsonl`` input or
``--format jsonl``. An article that cannot be parsed is reported on standard error and the
others go on; the last line on standard error counts the articles written and the failures.

The JSON Schema of the output::

    newsstruct --schema
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import itertools
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

import attrs

from newsstruct.article import parse_article, parse_articles
from newsstruct.errors import NewsstructError
from newsstruct.html import looks_like_html, parse_html
from newsstruct.types import Article, Failure

__all__ = ["build_parser", "main", "parse_args", "run"]

_GLOB_CHARS = frozenset("*?[")


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser."""
    p = argparse.ArgumentParser(
        prog="newsstruct",
        description="Read news articles' text into structured records.",
    )
    p.add_argument("input", nargs="*",
                   help="text files, globs or JSONL files; - for standard input")
    p.add_argument("--schema", action="store_true",
                   help="print the JSON Schema of the JSON output and exit")
    p.add_argument("--reference-date", help="when the texts were captured (ISO date)")
    p.add_argument("--dayfirst", action=argparse.BooleanOptionalAction, default=None,
                   help="read a numeric date that reads two ways (06/09/2025) day first "
                   "(--no-dayfirst: month first); without either such a date is refused")
    p.add_argument("--published", help="when the article was published, if known (single "
                   "file; in JSONL input a 'published' field): times are anchored on it")
    p.add_argument("--model", help="spaCy pipeline name (default: en_core_web_sm, ...)")
    p.add_argument("--html", action="store_true",
                   help="read the input as an HTML page (default: when its name ends in .html "
                   "or .htm, or its content opens with markup)")
    p.add_argument("--url", help="the page's address (HTML input)")
    p.add_argument("--format", choices=("text", "json", "jsonl"), default=None,
                   help="output format (default: text for one article, jsonl for a batch)")
    batch = p.add_argument_group("batch mode")
    batch.add_argument("-o", "--output", help="write to this file instead of standard output")
    batch.add_argument("--jsonl", action="store_true",
                       help="read inputs as JSON Lines (automatic for *.jsonl files)")
    batch.add_argument("--text-field", default="text", help="JSONL field with the text")
    batch.add_argument("--id-field", default="id", help="JSONL field with the article id")
    batch.add_argument("--n-process", type=int, default=1,
                       help="worker processes (-1: one per core)")
    batch.add_argument("--batch-size", type=int, default=32, help="articles a batch")
    batch.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="progress bar on standard error (default: when it is a terminal)")
    return p


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse command-line arguments."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.input and not args.schema:
        parser.error("give at least one input (or --schema)")
    args.batch = (
        len(args.input) > 1
        or args.jsonl
        or args.format == "jsonl"
        or any(_is_glob(i) or i.endswith(".jsonl") for i in args.input)
    )
    if args.batch and args.format in ("text", "json"):
        build_parser().error("batch mode writes JSON Lines: use --format jsonl or leave it out")
    if args.format is None:
        args.format = "jsonl" if args.batch else "text"
    return args


def run(args: argparse.Namespace) -> int:
    """Do the work for parsed arguments; returns the exit status (0 ok, 1 an article could
    not be parsed, 2 an input could not be read)."""
    if args.schema:
        from newsstruct.schema import json_schema

        print(json.dumps(json_schema(), indent=2))
        return 0
    if args.batch:
        return _run_batch(args)
    source = args.input[0]
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as fh:
                data = fh.read()
        page = _is_page(source, data, args.html)
        text = "" if page else data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"newsstruct: cannot read {source}: {exc}", file=sys.stderr)
        return 2
    try:
        if page:
            article = parse_html(data, url=args.url, reference_date=args.reference_date,
                                 published=args.published, model=args.model,
                                 dayfirst=args.dayfirst)
        else:
            article = parse_article(text, reference_date=args.reference_date,
                                    published=args.published, model=args.model,
                                    dayfirst=args.dayfirst)
    except NewsstructError as exc:
        print(f"newsstruct: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(article.to_json(indent=2))
    elif args.format == "jsonl":
        print(article.to_json())
    else:
        print(article.summary())
    return 0


_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def _is_page(source: str, data: bytes, forced: bool) -> bool:
    """Whether an input is an HTML page: forced, named so, or opening with markup."""
    if forced or source.lower().endswith(_PAGE_SUFFIXES):
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and looks_like_html(head)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsstruct`` command."""
    return run(parse_args(argv))


# --------------------------------------------------------------------------- batch mode


def _is_glob(path: str) -> bool:
    return any(c in _GLOB_CHARS for c in path)


class _Status:
    """What went wrong while reading inputs (reported on standard error as it happens)."""

    def __init__(self) -> None:
        self.unreadable = 0
        self.invalid = 0

    def fail(self, failure: Failure) -> None:
        """An article that could not be parsed."""
        self.skip(failure.id or f"item {failure.index}", f"{failure.error}: {failure.message}",
                  unreadable=False)

    def skip(self, where: str, why: object, *, unreadable: bool) -> None:
        print(f"newsstruct: skipped {where}: {why}", file=sys.stderr)
        if unreadable:
            self.unreadable += 1
        else:
            self.invalid += 1


def _paths(inputs: Sequence[str], status: _Status) -> Iterator[str]:
    for item in inputs:
        if item != "-" and _is_glob(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                status.skip(item, "no file matches", unreadable=True)
            yield from matches
        else:
            yield item


def _open(path: str) -> contextlib.AbstractContextManager[IO[str]]:
    """The file, or standard input (left open) for ``-``."""
    return contextlib.nullcontext(sys.stdin) if path == "-" else open(path, encoding="utf-8")


def _jsonl_items(
    path: str, args: argparse.Namespace, status: _Status
) -> Iterator[tuple[Any, dict[str, Any]]]:
    with _open(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                status.skip(where, f"not JSON ({exc})", unreadable=True)
                continue
            page = isinstance(row, dict) and isinstance(row.get("html"), str)
            if not isinstance(row, dict) or not (page or isinstance(row.get(args.text_field), str)):
                status.skip(where, f"no string field {args.text_field!r} or 'html'",
                            unreadable=True)
                continue
            ctx: dict[str, Any] = {"id": row.get(args.id_field, where)}
            for key in ("reference_date", "published", "url"):
                if row.get(key) is not None:
                    ctx[key] = row[key]
            yield (_Page(row["html"]) if page and not isinstance(row.get(args.text_field), str)
                   else row[args.text_field]), ctx


@attrs.frozen
class _Page:
    """A batch input that is an HTML page (read by :func:`parse_html`)."""

    data: bytes | str


def _items(args: argparse.Namespace, status: _Status) -> Iterator[tuple[Any, dict[str, Any]]]:
    """``(text or page, context)`` for every readable article of the inputs, in order (texts
    that cannot be parsed are reported by :func:`parse_articles` as failures)."""
    for path in _paths(args.input, status):
        try:
            if args.jsonl or path.endswith(".jsonl"):
                yield from _jsonl_items(path, args, status)
                continue
            if path == "-":
                stdin = getattr(sys.stdin, "buffer", None)
                data = stdin.read() if stdin is not None else sys.stdin.read().encode("utf-8")
            else:
                with open(path, "rb") as fh:
                    data = fh.read()
            if _is_page(path, data, args.html):
                yield _Page(data), {"id": path}
                continue
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            status.skip(path, exc, unreadable=True)
            continue
        yield text, {"id": path}


def _pages(items: Iterable[tuple[Any, dict[str, Any]]], args: argparse.Namespace,
           start: int) -> Iterator[Article | Failure]:
    """Read pages one after another, each failure recorded in its place."""
    for index, (page, ctx) in enumerate(items, start):
        try:
            article = parse_html(page.data, url=ctx.get("url"),
                                 reference_date=ctx.get("reference_date", args.reference_date),
                                 published=ctx.get("published"), model=args.model,
                                 dayfirst=args.dayfirst)
        except NewsstructError as exc:
            yield Failure(index=index, id=ctx["id"], error=type(exc).__name__, message=str(exc))
            continue
        yield attrs.evolve(article, id=ctx["id"])


def _results(args: argparse.Namespace, status: _Status) -> Iterator[Article | Failure]:
    """Articles and failures in input order: runs of texts go through
    :func:`parse_articles` (with its worker processes), pages through :func:`parse_html`."""
    start = 0
    for is_page, run_items in itertools.groupby(
        _items(args, status), key=lambda item: isinstance(item[0], _Page)
    ):
        counted = _Counter(run_items)
        if is_page:
            yield from _pages(counted, args, start)
        else:
            for result in parse_articles(
                counted, reference_date=args.reference_date, model=args.model,
                batch_size=args.batch_size, n_process=args.n_process,
                progress=_show_progress(args), errors="record", dayfirst=args.dayfirst,
            ):
                yield (attrs.evolve(result, index=result.index + start)
                       if isinstance(result, Failure) else result)
        start += counted.n


class _Counter:
    """Counts the items that pass through an iterable."""

    def __init__(self, items: Iterable[tuple[Any, dict[str, Any]]]) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[tuple[Any, dict[str, Any]]]:
        for item in self.items:
            self.n += 1
            yield item


def _show_progress(args: argparse.Namespace) -> bool:
    return bool(sys.stderr.isatty() if args.progress is None else args.progress)


def _run_batch(args: argparse.Namespace) -> int:
    status = _Status()
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        print(f"newsstruct: cannot write {args.output}: {exc}", file=sys.stderr)
        return 2
    written = 0
    try:
        for result in _results(args, status):
            if isinstance(result, Failure):
                status.fail(result)
                continue
            out.write(result.to_json() + "\n")
            written += 1
    except NewsstructError as exc:
        print(f"newsstruct: {exc}", file=sys.stderr)
        return 1
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    print(f"newsstruct: {written} articles written, {status.invalid} failed, "
          f"{status.unreadable} inputs unreadable", file=sys.stderr)
    return 2 if status.unreadable else (1 if status.invalid else 0)
