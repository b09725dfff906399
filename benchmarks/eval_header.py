"""Header, byline and body predictions over ``../shared/eval/header`` pages, plus layout speed.

usage: python benchmarks/eval_header.py GOLD.jsonl PRED.jsonl [--field text_full|text_copy]
                                        [--layout-only] [--limit N] [--html]
       python benchmarks/eval_header.py --cv K [--html]

Each page goes through :func:`newsstruct.parse_article` (or, with ``--layout-only``, through
the layout and byline stages alone, which give the same header and body without the spaCy
pass) and one prediction line is written (an empty one, counted and named, for a page on which
``parse_article`` raises) in the shape ``score.py`` reads: ``title``,
``authors``, ``published`` (``YYYY-MM-DD`` or null) and ``body`` (paragraphs and headings joined
in order). Then score it with ``python ../shared/eval/header/score.py GOLD PRED --by-source``.

No capture date is known for these pages, so the reference date of each page is the latest
absolute date written on it (see :func:`newsstruct.byline.page_reference_date`); a page with
none falls back to a fixed date, so runs are reproducible.

With ``--html`` each page is read from its original HTML by :func:`newsstruct.parse_html`
(or :func:`newsstruct.html.parse_header` with ``--layout-only``): from the gold line's
``html`` field when it has one, else from ``html/<id>.html.gz`` beside the gold file, with
the line's ``url``; the reference date is then the latest absolute date the rendered page
shows. The speed figures then add rendering's cost beside the layout stage's.

With ``--cv K`` the pages of ``dev.jsonl`` and ``wide.jsonl`` are split into ``K`` folds by
site (registered domain); the title weights are fitted (``benchmarks/fit_header.py``) on the
other folds and each fold is read with the weights fitted without it. The scorer's figures
on the held-out folds are printed beside those of weights fitted on all pages and read on
the same pages, per set and field (layout and byline only), with the share of gold bodies
read as texts with no title. With ``--html`` as well, each page is also read from its HTML
(the layout and byline stages with the metadata weighed in) with the same fold weights.

The script also prints the layout stage's throughput (``segment_text`` alone, no spaCy) in
pages per second over the same pages.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import newsstruct
from newsstruct import byline as _byline
from newsstruct import layout as _layout
from newsstruct.types import Byline, Segment, SegmentKind

#: Used when a page shows no absolute date at all.
FALLBACK_REFERENCE = dt.datetime(2020, 1, 1)
BODY_KINDS = (SegmentKind.PARAGRAPH, SegmentKind.HEADING)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("gold", type=Path, nargs="?")
    ap.add_argument("pred", type=Path, nargs="?")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="K-fold cross-validation by site over dev.jsonl + wide.jsonl")
    ap.add_argument("--field", choices=("text_full", "text_copy"), default="text_full")
    ap.add_argument("--layout-only", action="store_true",
                    help="run layout and byline only (same header and body, no spaCy pass)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--html", action="store_true",
                    help="read each page's original HTML (parse_html) instead of its text")
    ap.add_argument("--speed-rounds", type=int, default=3,
                    help="passes over the pages for the pages/second figure")
    return ap.parse_args(argv)


def prediction(
    page_id: str, segments: tuple[Segment, ...], by: Byline | None, text: str = ""
) -> dict[str, Any]:
    """One prediction line in the scorer's shape (``text``: the text the segments were read
    from, for the datelines that open a paragraph)."""
    title = next((s.text for s in segments if s.kind is SegmentKind.TITLE), None)
    body = "\n\n".join(_body_parts(segments, text))
    authors = [a.name for a in by.authors] if by else []
    published = by.published.date.isoformat() if by and by.published else None
    return {"id": page_id, "title": title, "authors": authors, "published": published,
            "body": body}


def _body_parts(segments: tuple[Segment, ...], text: str) -> list[str]:
    """The body's paragraphs and headings in order, a dateline that opens a paragraph
    ("LONDON (AP) —") kept as the paragraph's first words, as the article prints it."""
    parts: list[str] = []
    for k, s in enumerate(segments):
        if s.kind not in BODY_KINDS:
            continue
        prev = segments[k - 1] if k else None
        if (text and prev is not None and prev.kind is SegmentKind.DATELINE
                and "\n" not in text[prev.span.end: s.span.start]):
            parts.append(f"{prev.text} {s.text}")
            continue
        parts.append(s.text)
    return parts


def layout_speed(texts: list[str], rounds: int) -> tuple[float, float]:
    """Pages per second of ``segment_text`` alone, best of ``rounds`` passes (caches emptied
    before each): by the wall clock and by this process's CPU time (the figure that does not
    depend on what else the machine is running)."""
    best_wall = best_cpu = float("inf")
    for _ in range(max(1, rounds)):
        _layout.reset_caches()
        w0, c0 = time.perf_counter(), time.process_time()
        for text in texts:
            _layout.segment_text(text)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    n = len(texts)
    return (n / best_wall if best_wall > 0 else float("inf"),
            n / best_cpu if best_cpu > 0 else float("inf"))


def run(args: argparse.Namespace) -> int:
    """Write the predictions and print the speed figures."""
    with args.gold.open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    if args.limit:
        gold = gold[: args.limit]
    if args.html:
        return run_html(args, gold)
    t0 = time.perf_counter()
    failures: list[str] = []
    with args.pred.open("w", encoding="utf-8") as out:
        for g in gold:
            text: str = g.get(args.field) or ""
            if args.layout_only or not text.strip():
                out.write(json.dumps(_predict(g, args.field), ensure_ascii=False) + "\n")
                continue
            ref = _byline.page_reference_date(text) or FALLBACK_REFERENCE
            try:
                art = newsstruct.parse_article(text, reference_date=ref)
            except Exception as exc:  # a failing stage must not stop the benchmark
                failures.append(f"{g['id']}: {type(exc).__name__}")
                out.write(json.dumps(prediction(g["id"], (), None)) + "\n")
                continue
            out.write(json.dumps(prediction(g["id"], art.segments, art.byline, text),
                                 ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - t0
    mode = "layout+byline" if args.layout_only else "parse_article"
    print(f"{mode}: {len(gold)} pages ({args.field}) in {elapsed:.1f}s "
          f"= {len(gold) / elapsed:.1f} pages/s; predictions in {args.pred}")
    if failures:
        print(f"parse_article raised on {len(failures)} pages (empty predictions written): "
              + ", ".join(failures))
    texts = [g[args.field] for g in gold if g.get(args.field)]
    wall, cpu = layout_speed(texts, args.speed_rounds)
    print(f"layout stage alone ({args.field}, {len(texts)} pages, mean "
          f"{sum(map(len, texts)) / max(1, len(texts)):.0f} chars/page): {cpu:.0f} pages/s of "
          f"CPU time, {wall:.0f} pages/s by the wall clock")
    return 0


# --------------------------------------------------------------------------- --html


def page_html(gold_path: Path, line: dict[str, Any]) -> bytes | str:
    """A gold line's original HTML: its ``html`` field, else ``html/<id>.html.gz`` beside the
    gold file."""
    if isinstance(line.get("html"), str):
        return str(line["html"])
    return gzip.decompress((gold_path.parent / "html" / f"{line['id']}.html.gz").read_bytes())


def run_html(args: argparse.Namespace, gold: list[dict[str, Any]]) -> int:
    """``--html``: predictions from each page's HTML, and the cost of rendering beside the
    layout stage's."""
    from newsstruct import html as _html

    pages = [(g, page_html(args.gold, g)) for g in gold]
    t0 = time.perf_counter()
    failures: list[str] = []
    texts: list[str] = []
    with args.pred.open("w", encoding="utf-8") as out:
        for g, raw in pages:
            try:
                page = _html.render_html(raw, url=g.get("url"))
                ref = _byline.page_reference_date(page.text) or FALLBACK_REFERENCE
                if args.layout_only:
                    segments, by = _html.read_header(page, ref)
                    text = page.text
                else:
                    art = newsstruct.parse_html(raw, url=g.get("url"), reference_date=ref)
                    text, segments, by = art.text, art.segments, art.byline
            except newsstruct.NewsstructError as exc:
                failures.append(f"{g['id']}: {type(exc).__name__}")
                out.write(json.dumps(prediction(g["id"], (), None)) + "\n")
                continue
            texts.append(text)
            out.write(json.dumps(prediction(g["id"], segments, by, text),
                                 ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - t0
    mode = "html layout+byline" if args.layout_only else "parse_html"
    print(f"{mode}: {len(gold)} pages in {elapsed:.1f}s = {len(gold) / elapsed:.1f} pages/s; "
          f"predictions in {args.pred}")
    if failures:
        print(f"raised on {len(failures)} pages (empty predictions written): "
              + ", ".join(failures))
    # rendering and layout passes alternate, so that a change in the machine's load between
    # them does not tilt the ratio
    render_cpu, layout_cpu = float("inf"), 0.0
    for _ in range(max(1, args.speed_rounds)):
        c0 = time.process_time()
        for g, raw in pages:
            with contextlib.suppress(newsstruct.NewsstructError):
                _html.render_html(raw, url=g.get("url"))
        render_cpu = min(render_cpu, time.process_time() - c0)
        layout_cpu = max(layout_cpu, layout_speed(texts, 1)[1])
    render_rate = len(pages) / render_cpu if render_cpu > 0 else float("inf")
    print(f"rendering alone ({len(pages)} pages): {render_rate:.0f} pages/s of CPU time; "
          f"layout stage alone: {layout_cpu:.0f} pages/s of CPU time; rendering adds "
          f"{100 * layout_cpu / render_rate:.0f}% to the layout stage's cost")
    return 0


def _predict(page: dict[str, Any], field: str) -> dict[str, Any]:
    text: str = page.get(field) or ""
    if not text.strip():
        return prediction(page["id"], (), None)
    ref = _byline.page_reference_date(text) or FALLBACK_REFERENCE
    segments = _layout.segment_text(text)
    return prediction(page["id"], segments, _byline.parse_byline(text, segments, ref), text)


#: The (set, field) pairs scored by ``--cv``.
CV_READS = (("dev+wide", "text_full"), ("dev", "text_full"), ("wide", "text_full"),
            ("dev", "text_copy"))
CV_METRICS = ("title_em", "author_f1", "date_acc", "body_f1")


def _no_title(pages: list[dict[str, Any]]) -> tuple[int, int]:
    """How many of the gold bodies of ``pages`` are read with no title, and of how many."""
    bodies = [p["body"] for p in pages if p.get("body")]
    untitled = sum(1 for b in bodies if not any(
        s.kind is SegmentKind.TITLE for s in _layout.segment_text(b)))
    return untitled, len(bodies)


#: The (set, reading) pairs ``--cv --html`` adds: each page read from its HTML.
CV_HTML_READS = (("dev+wide", "html"), ("dev", "html"), ("wide", "html"))


def _rendered(page: dict[str, Any], cache: dict[str, Any]) -> Any:
    """The page's HTML rendered once (``None`` for a page that cannot be rendered)."""
    from newsstruct import html as _html

    if page["id"] not in cache:
        gold = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "header"
        try:
            cache[page["id"]] = _html.render_html(page_html(gold / f"{page['set']}.jsonl", page),
                                                  url=page.get("url"))
        except (newsstruct.NewsstructError, OSError):
            cache[page["id"]] = None
    return cache[page["id"]]


def _predict_html(page: dict[str, Any], cache: dict[str, Any]) -> dict[str, Any]:
    from newsstruct import html as _html

    rendered = _rendered(page, cache)
    if rendered is None:
        return prediction(page["id"], (), None)
    ref = _byline.page_reference_date(rendered.text) or FALLBACK_REFERENCE
    segments, by = _html.read_header(rendered, ref)
    return prediction(page["id"], segments, by, rendered.text)


def _read(pages: list[dict[str, Any]], scorer: ModuleType,
          html_cache: dict[str, Any] | None = None) -> dict[tuple[str, str], list[Any]]:
    reads = CV_READS + (CV_HTML_READS if html_cache is not None else ())
    rows: dict[tuple[str, str], list[Any]] = {r: [] for r in reads}
    for p in pages:
        for name, field in reads:
            if name not in ("dev+wide", p["set"]):
                continue
            if field == "html" and html_cache is not None:
                rows[(name, field)].append(scorer.score_doc(p, _predict_html(p, html_cache)))
            elif field != "html" and p.get(field):
                rows[(name, field)].append(scorer.score_doc(p, _predict(p, field)))
    return rows


def cross_validate(k: int, html: bool = False) -> int:
    """Print held-out-fold and all-data figures of ``k`` folds grouped by site (with ``html``,
    also of each page read from its HTML)."""
    from benchmarks import fit_header as fh
    from newsstruct.layout.titles import set_header_weights

    scorer = fh.load_scorer()
    pages = fh.load_pages()
    per_page = [fh.examples([p], scorer.ntitle) for p in pages]
    # news-wire copies (one more "site") are fitted on in every fold, never scored
    wire = fh.examples(fh.wire_copies(), scorer.ntitle)
    reads = CV_READS + (CV_HTML_READS if html else ())
    cache: dict[str, Any] | None = {} if html else None
    held: dict[tuple[str, str], list[Any]] = {r: [] for r in reads}
    held_untitled = held_bodies = 0
    try:
        for n, fold in enumerate(fh.folds(pages, k)):
            inside = set(fold)
            train = [e for i, exs in enumerate(per_page) if i not in inside for e in exs] + wire
            set_header_weights(fh.fit(train, origin=f"fold {n}"))
            test = [pages[i] for i in fold]
            for key, rows in _read(test, scorer, cache).items():
                held[key].extend(rows)
            u, m = _no_title(test)
            held_untitled, held_bodies = held_untitled + u, held_bodies + m
            print(f"fold {n}: {len(test)} pages, "
                  f"{len({p['site'] for p in test})} sites", flush=True)
        set_header_weights(fh.fit([e for exs in per_page for e in exs] + wire, origin="all"))
        alldata = _read(pages, scorer, cache)
        all_untitled, all_bodies = _no_title(pages)
    finally:
        set_header_weights(None)
    print(f"\n{k}-fold cross-validation by site over dev + wide "
          f"({len(pages)} pages, {len({p['site'] for p in pages})} sites); "
          "held-out / all-data (n)")
    for key in reads:
        h, a = scorer.aggregate(held[key]), scorer.aggregate(alldata[key])
        cells = [f"{m}={h[m][0]:.3f}/{a[m][0]:.3f}(n={h[m][1]})" for m in CV_METRICS if m in h]
        print(f"  {key[0]:9s} {key[1]:10s} " + "  ".join(cells))
    print(f"  gold bodies read with no title: {held_untitled}/{held_bodies} = "
          f"{held_untitled / max(1, held_bodies):.3f} held-out, "
          f"{all_untitled / max(1, all_bodies):.3f} all-data")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = parse_args(argv)
    if args.cv:
        return cross_validate(args.cv, html=args.html)
    if args.gold is None or args.pred is None:
        print("GOLD and PRED are needed without --cv", file=sys.stderr)
        return 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
