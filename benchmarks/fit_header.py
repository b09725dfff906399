"""Fit the title weights of the layout stage (``newsstruct/data/header_weights.json``).

usage: python benchmarks/fit_header.py [--out PATH] [--l2 X] [--body-weight X]

The pages are those of ``../shared/eval/header/dev.jsonl`` and ``wide.jsonl`` (``text_full``,
and ``text_copy`` where there is one) whose gold title is one of the page's title candidates,
the first ``WIRE_COPIES`` news-wire copies of ``../shared/eval/ner/dev.jsonl`` (Reuters copy:
its first line is the headline, the second the place and date; one more "site"), every
``REPORT_STEP``-th report of ``../shared/eval/quotes/dev.jsonl`` (political news copied as
text: the headline, written as a sentence with its full stop, then the paragraphs; one more
"site"),
and, as texts with no title at all, the gold ``body`` of every page that has one (an
article's paragraphs with no header), each counting ``BODY_WEIGHT`` times a text with a
title. On each page the candidates are scored by the named
features of :mod:`newsstruct.layout.titles`; the weights are those of a conditional logit
(the gold title, or "no title", against the page's other candidates), with an L2 penalty.

A feature is fitted only when it fires on candidates of at least ``MIN_SITES`` sites of the
pages it is fitted on; otherwise its weight is 0. Pages are grouped by site (registered
domain) wherever they are split into folds (see ``benchmarks/eval_header.py --cv``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import attrs
import numpy as np

from benchmarks.modules import load_module
from newsstruct import layout as _layout
from newsstruct.layout import header as _header
from newsstruct.layout.titles import CARRIER, TITLE_FEATURES, HeaderWeights

ROOT = Path(__file__).resolve().parents[1]
HEADER = ROOT.parent / "shared" / "eval" / "header"
SETS = ("dev.jsonl", "wide.jsonl")
OUT = ROOT / "newsstruct" / "data" / "header_weights.json"
#: L2 penalty of the fit.
L2 = 1.0
#: A feature is fitted only when it fires on candidates of this many sites at least.
MIN_SITES = 3
STEPS, RATE = 3000, 0.05
#: How many news-wire copies (Reuters, CoNLL 2003) are fitted on besides the web pages.
WIRE_COPIES = 20
#: Every how many-th report of the quotes dev set is fitted on (20 of its 84).
REPORT_STEP = 4
#: How much a text with no title (a gold body) counts in the fit against a text with one.
BODY_WEIGHT = 1.0
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+ \d{4}-\d{2}-\d{2}$")
#: Second-level labels under which a registered domain has three labels ("bbc.co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"})
_CELL_GAP = re.compile(r"[ \t\u00a0]{10,}")


def load_scorer() -> ModuleType:
    """The shared scorer ``../shared/eval/header/score.py``."""
    return load_module(HEADER / "score.py", "header_score")


def site(url: str) -> str:
    """The registered domain of ``url`` ("www.bbc.co.uk" -> "bbc.co.uk")."""
    host = (urlsplit(url).hostname or url).lower().rstrip(".")
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def load_pages(sets: Iterable[str] = SETS) -> list[dict[str, Any]]:
    """The gold pages of the shared header sets, each with its ``site``."""
    pages: list[dict[str, Any]] = []
    for name in sets:
        with (HEADER / name).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    row["site"] = site(row.get("url") or row["id"])
                    row["set"] = name.split(".")[0]
                    pages.append(row)
    return pages


def wire_copies(n: int = WIRE_COPIES) -> list[dict[str, Any]]:
    """News-wire copies whose first line is the headline (the second line a place and a
    date), as pages of one site with that headline as gold title."""
    out: list[dict[str, Any]] = []
    path = HEADER.parent / "ner" / "dev.jsonl"
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            first, _, rest = row["text"].partition("\n")
            if _WIRE_DATELINE.match(rest.partition("\n")[0].strip()):
                out.append({"id": row["id"], "site": "wire", "set": "wire",
                            "title": first.strip(), "text_full": row["text"]})
            if len(out) == n:
                break
    return out + report_copies()


def report_copies(step: int = REPORT_STEP) -> list[dict[str, Any]]:
    """Every ``step``-th report of the quotes dev set (PolNeAR), whose first line is its
    headline, as pages of one more site."""
    path = HEADER.parent / "quotes" / "dev.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [{"id": r["id"], "site": "report", "set": "report",
             "title": r["text"].partition("\n")[0].strip(), "text_full": r["text"]}
            for r in rows[::step]]


def folds(pages: Sequence[dict[str, Any]], k: int) -> list[list[int]]:
    """``k`` folds of page indices, each site's pages all in one fold (the largest sites
    placed first, each in the fold with fewest pages so far)."""
    by_site: dict[str, list[int]] = {}
    for i, p in enumerate(pages):
        by_site.setdefault(p["site"], []).append(i)
    out: list[list[int]] = [[] for _ in range(k)]
    for _, idx in sorted(by_site.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        min(out, key=len).extend(idx)
    return [sorted(f) for f in out]


@attrs.frozen
class Example:
    """One text's candidates: their features, which are the gold title (or whether the
    gold is "no title"), and the site of the page."""

    x: list[list[float]]
    positive: list[bool]
    no_title: bool
    site: str
    #: how much the text counts in the fit
    weight: float = 1.0


def title_text(core: str) -> str:
    """The text a title segment of line ``core`` gets (a share line's headline, a table's
    first cell)."""
    m = CARRIER.match(core)
    if m is not None:
        core = core[m.end():]
    gap = _CELL_GAP.search(core)
    return core[: gap.start()] if gap else core


def candidates(text: str) -> list[tuple[str, list[float]]]:
    """The title candidates of ``text``: each line's title text and features."""
    regions = _layout._regions(text)
    if regions is None:
        return []
    _, feats, a, b = regions
    found = _header._header_candidates(feats, a, b)
    return [(title_text(feats[i].core), x) for i, x in found.candidates]


def examples(pages: Sequence[dict[str, Any]], ntitle: Any,
             body_weight: float = BODY_WEIGHT) -> list[Example]:
    """The fitting examples of ``pages``: each text with a gold title among its candidates,
    and each gold body as a text with no title."""
    out: list[Example] = []
    for p in pages:
        gold = ntitle(p["title"]) if p.get("title") else None
        for field in ("text_full", "text_copy"):
            text = p.get(field)
            if not text or gold is None:
                continue
            cands = candidates(text)
            pos = [ntitle(t) == gold for t, _ in cands]
            if any(pos):
                out.append(Example([x for _, x in cands], pos, False, p["site"]))
        if p.get("body"):
            cands = candidates(p["body"])
            out.append(Example([x for _, x in cands], [False] * len(cands), True, p["site"],
                               body_weight))
    return out


def _active(exs: Sequence[Example]) -> np.ndarray:
    """Which features fire on candidates of at least ``MIN_SITES`` sites."""
    sites: list[set[str]] = [set() for _ in TITLE_FEATURES]
    for e in exs:
        for x in e.x:
            for k, v in enumerate(x):
                if v:
                    sites[k].add(e.site)
    return np.array([len(s) >= MIN_SITES for s in sites])


def fit(exs: Sequence[Example], l2: float = L2, origin: str = "") -> HeaderWeights:
    """The conditional-logit weights of the title features and of "no title", each text
    counting its :attr:`Example.weight`."""
    d = len(TITLE_FEATURES)
    rows: list[list[float]] = []
    ys: list[float] = []
    starts: list[int] = []
    for e in exs:
        starts.append(len(rows))
        rows.extend([*x, 0.0] for x in e.x)
        ys.extend(float(p) for p in e.positive)
        rows.append([0.0] * d + [1.0])  # the "no title" option
        ys.append(float(e.no_title))
    x = np.array(rows)
    keep = np.append(_active(exs), True)
    x[:, ~keep] = 0.0
    y = np.array(ys)
    offsets = np.array(starts)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(offsets, len(rows))))
    counts = np.array([e.weight for e in exs])[group]
    w = np.zeros(d + 1)
    m1, m2 = np.zeros(d + 1), np.zeros(d + 1)
    for step in range(1, STEPS + 1):
        s = x @ w
        s = s - np.maximum.reduceat(s, offsets)[group]
        ex = np.exp(s)
        z, zp = np.add.reduceat(ex, offsets), np.add.reduceat(ex * y, offsets)
        g = x.T @ (counts * (ex / z[group] - ex * y / zp[group])) + l2 * w
        m1 = 0.9 * m1 + 0.1 * g
        m2 = 0.999 * m2 + 0.001 * g * g
        w -= RATE * (m1 / (1 - 0.9 ** step)) / (np.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    title = {name: round(float(v), 4) for name, v, k in zip(TITLE_FEATURES, w, keep, strict=False)
             if k}
    return HeaderWeights(title=title, no_title=round(float(w[-1]), 4), origin=origin)


def origin_line(pages: Sequence[dict[str, Any]], exs: Sequence[Example], l2: float) -> str:
    """What the shipped weights were fitted on, and how."""
    sites = len({p["site"] for p in pages})
    n_body = sum(e.no_title for e in exs)
    return (f"fitted by benchmarks/fit_header.py on {dt.date.today().isoformat()}: conditional "
            f"logit, L2 {l2}, on {len(exs) - n_body} texts of ../shared/eval/header dev.jsonl "
            f"+ wide.jsonl ({len(pages)} pages, {sites} sites; text_full and text_copy whose "
            f"gold title is a candidate; with {WIRE_COPIES} news-wire copies of "
            f"../shared/eval/ner/dev.jsonl and every {REPORT_STEP}th report of "
            f"../shared/eval/quotes/dev.jsonl, headline on the first line) and {n_body} gold "
            f"bodies as texts with no title; "
            f"features firing on fewer than {MIN_SITES} sites get no weight")


def main(argv: list[str] | None = None) -> int:
    """Fit on every page and write the weights file."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--body-weight", type=float, default=BODY_WEIGHT,
                    help="how much a gold body (a text with no title) counts in the fit")
    args = ap.parse_args(argv)
    if not (HEADER / "dev.jsonl").exists():
        print("../shared/eval/header is absent", file=sys.stderr)
        return 2
    ntitle = load_scorer().ntitle
    pages = load_pages()
    exs = examples(pages, ntitle, args.body_weight) + examples(wire_copies(), ntitle)
    w = fit(exs, args.l2, "")
    w = attrs.evolve(w, origin=origin_line(pages, exs, args.l2))
    payload = {"origin": w.origin, "no_title": w.no_title,
               "title": {k: w.title[k] for k in TITLE_FEATURES if k in w.title}}
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"{len(exs)} examples; weights in {args.out}")
    for k, v in sorted(w.title.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {k:20s} {v:+.3f}")
    print(f"  {'no_title':20s} {w.no_title:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
