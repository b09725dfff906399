"""Growth with input size, and regular expressions on adversarial input.

1. Sizes: seconds and peak memory of ``parse_article`` on 10 KB, 100 KB, 1 MB and 5 MB of news
   text (the articles of the quotes, ner and temporal dev sets one after another, numbered
   when they come again; the seed article when the evaluation sets are absent). Each size runs
   in a fresh process; peak memory is the growth of the process's peak resident set over what
   loading the model took. Targets: the 5 MB run takes at most 6 times the 1 MB one, and 1 MB
   at most 12 times 100 KB.
2. Adversarial whole texts (runs of quote marks, emoji, one long line, one-letter lines,
   repeated bylines, markup...) at two sizes: the time ratio should stay near the size ratio.
3. Regular expressions: every pattern in ``newsstruct/*.py`` (module-level compiled patterns
   and literal patterns passed to ``re.*`` calls) is run with ``finditer`` over adversarial
   strings built from its own characters at 500 and 2,000 characters; a pattern whose time
   grows more than 8-fold (linear: 4-fold) is reported with its file and line. Each module runs
   in a child process that is stopped when one string takes more than 30 s (reported as
   catastrophic, with the string's shape).

Usage: ``python benchmarks/size.py [--sizes] [--adversarial] [--regex]`` (default: all three)
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import re
import resource
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT / "seeds" / "witkoff-moscow.txt"
SIZES = (("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000), ("5 MB", 5_000_000))
REFERENCE = "2016-11-01"


# --------------------------------------------------------------------------- sizes


def _articles() -> list[str]:
    """Distinct news texts: every article of the prose evaluation sets (the header set's
    pages end in page furniture, which the pass skips); the seed without them."""
    articles: list[str] = []
    for name, key in (("quotes", "text"), ("ner", "text"), ("temporal", "text")):
        path = EVAL / name / "dev.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                rows = [json.loads(line) for line in fh if line.strip()]
            articles.extend(r[key] for r in rows if r.get(key))
    return articles or [SEED.read_text(encoding="utf-8")]


def news_text(size: int) -> str:
    """About ``size`` characters of news: whole articles one after another, the last cut at
    a paragraph. When the articles run out they come again with every paragraph numbered,
    so that no line repeats (a repeated line reads as page furniture)."""
    articles = _articles()
    parts: list[str] = []
    total = copy = 0
    while total < size:
        for art in articles:
            if copy:
                art = "\n\n".join(f"{p} ({copy})" if p.strip() else p for p in art.split("\n\n"))
            parts.append(art)
            total += len(art) + 2
            if total >= size:
                break
        copy += 1
    text = "\n\n".join(parts)
    cut = text.rfind("\n\n", 0, size)
    return text[: cut if cut > size // 2 else size]


def _rss_peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


def measure_one(kind: str, size: int, repeats: int) -> dict[str, Any]:
    """In this process: load the model, warm up, then time the parse of one text (best of
    ``repeats``; wall and CPU seconds, and CPU seconds of each stage) and record the growth of
    the peak resident set. CPU time is what the ratios use: other work on a shared machine
    slows the wall clock, not the process's own CPU time."""
    import newsstruct
    from newsstruct import pipeline

    sys.path.insert(0, str(ROOT))
    from benchmarks.speed import timed_stages

    nlp = pipeline.load_model(None)
    newsstruct.parse_article("Warm Up\n\nThe minister spoke on Monday.", model=nlp)
    text = news_text(size) if kind == "news" else adversarial_text(kind, size)
    base = _rss_peak_kb()
    best = best_cpu = float("inf")
    stages: dict[str, float] = {}
    warnings: list[str] = []
    for _ in range(repeats):
        totals: dict[str, float] = {}
        with timed_stages(totals, clock=time.process_time):
            t0, c0 = time.perf_counter(), time.process_time()
            article = newsstruct.parse_article(text, reference_date=REFERENCE, model=nlp,
                                               max_chars=None)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if cpu < best_cpu:
            best, best_cpu, stages = wall, cpu, totals
        warnings = [w.code.value for w in article.warnings]
        del article
    return {"chars": len(text), "seconds": best, "cpu": best_cpu, "stages": stages,
            "peak_mb": (_rss_peak_kb() - base) / 1024, "warnings": warnings}


def run_child(kind: str, size: int, repeats: int, timeout: float | None = None
              ) -> dict[str, Any]:
    """:func:`measure_one` in a fresh interpreter (so peak memory is this run's alone);
    ``seconds`` is ``inf`` when it takes longer than ``timeout``."""
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(size), str(repeats)],
            capture_output=True, text=True, check=False, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"chars": size, "seconds": float("inf"), "cpu": float("inf"), "stages": {},
                "peak_mb": float("nan"), "warnings": []}
    if out.returncode != 0:
        raise RuntimeError(f"{kind} {size}: child failed:\n{out.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def sizes() -> None:
    """Print seconds, CPU seconds, per-stage CPU seconds and peak memory for each size, and
    the two growth ratios (of CPU time)."""
    print("== sizes: parse_article on news text (fresh process per size)")
    print(f"{'size':>7} {'chars':>10} {'wall s':>8} {'CPU s':>8} {'CPU s/MB':>9} {'peak MB':>8}"
          f"  CPU s by stage")
    cpu: dict[str, float] = {}
    for label, size in SIZES:
        res = run_child("news", size, 3 if size <= 100_000 else 1)
        cpu[label] = res["cpu"]
        per_mb = res["cpu"] / (res["chars"] / 1e6)
        stages = " ".join(f"{k} {v:.1f}" for k, v in res["stages"].items())
        print(f"{label:>7} {res['chars']:>10,} {res['seconds']:>8.1f} {res['cpu']:>8.1f} "
              f"{per_mb:>9.1f} {res['peak_mb']:>8.0f}  {stages}  [{','.join(res['warnings'])}]",
              flush=True)
    r1 = cpu["1 MB"] / cpu["100 KB"]
    r5 = cpu["5 MB"] / cpu["1 MB"]
    print(f"CPU time 1 MB / 100 KB: {r1:.2f} (target <= 12)   5 MB / 1 MB: {r5:.2f} "
          f"(target <= 6)\n")


# --------------------------------------------------------------------------- adversarial texts

ADVERSARIAL = (
    "straight_quotes", "curly_quotes", "emoji", "one_long_line", "one_letter_lines",
    "newlines", "bylines", "spaced_punctuation", "html", "capitalised_words", "digits_dates",
    "one_space_run", "one_tab_run",
)


def adversarial_text(kind: str, size: int) -> str:
    """``size`` characters of one adversarial shape."""
    if kind in ("one_space_run", "one_tab_run"):  # one run of white space in a headline
        run = (" " if kind == "one_space_run" else "\t") * size
        return f"Budget Deal Agreed{run}After Late Talks\n\nThe ministers agreed a deal.\n"
    unit = {
        "straight_quotes": '"',
        "curly_quotes": "“”",
        "emoji": "😀",
        "one_long_line": "ab-",
        "one_letter_lines": "a\n",
        "newlines": "\n\n\r\n",
        "bylines": "By Anna Smith and Tom Baran, Reuters 1 hour ago\n",
        "spaced_punctuation": '" ( ) . , ; " ',
        "html": '<div class="x"><p>Text &amp; more</p></div>\n',
        "capitalised_words": "The Minister Of State For Foreign Affairs Said ",
        "digits_dates": "12/03/2020 7:05 PM 2019-2020 1 2 3, ",
    }[kind]
    return "Headline Of The Story\n\n" + (unit * (size // len(unit) + 1))[:size]


def adversarial(kinds: tuple[str, ...] = ADVERSARIAL, small: int = 20_000, large: int = 80_000,
                timeout: float = 300.0) -> None:
    """Time each adversarial shape at two sizes (fresh process each) and print the ratio."""
    print(f"== adversarial texts: parse_article at {small:,} and {large:,} characters "
          f"(linear: ratio {large / small:.0f})")
    for kind in kinds:
        a = run_child(kind, small, 1, timeout)
        b = run_child(kind, large, 1, timeout)
        ratio = b["cpu"] / max(a["cpu"], 1e-9)
        flag = "  <-- super-linear" if ratio > 2 * large / small else ""
        if b["seconds"] == float("inf"):
            flag = f"  <-- stopped after {timeout:.0f} s"
        print(f"{kind:<20} {a['cpu']:>7.2f} s {b['cpu']:>7.2f} s CPU  ratio {ratio:>5.1f}  "
              f"peak {b['peak_mb']:>5.0f} MB{flag}", flush=True)
    print()


# --------------------------------------------------------------------------- regexes

_RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "finditer", "findall",
             "split"}
BASE_CHARS = " aA1.,-'\"“”(:/<&*#\n\t"


def _patterns_of(module_name: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    """``(where, pattern)`` for every pattern of a module: compiled module globals (also inside
    tuples, lists and dicts) and literal patterns of ``re.*`` calls, with ``file:line``."""
    module = importlib.import_module(module_name)
    path = Path(module.__file__ or "")
    rel = path.relative_to(ROOT)
    seen: set[tuple[str, int]] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines: dict[tuple[str, int], int] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in _RE_CALLS and node.args):
            continue
        try:
            source = eval(compile(ast.Expression(node.args[0]), str(path), "eval"),
                          vars(module))
            flags = 0
            flag_nodes = [k.value for k in node.keywords if k.arg == "flags"]
            if node.func.attr in ("compile", "search", "match", "fullmatch", "finditer",
                                  "findall") and len(node.args) > 2 - (node.func.attr ==
                                                                       "compile"):
                flag_nodes.append(node.args[-1])
            for fn in flag_nodes:
                flags |= int(eval(compile(ast.Expression(fn), str(path), "eval"), vars(module)))
            if isinstance(source, re.Pattern):
                continue  # a compiled global, found below
            pattern = re.compile(source, flags)
        except Exception:  # a pattern built at run time from local values
            continue
        key = (pattern.pattern, pattern.flags)
        lines.setdefault(key, node.lineno)
        if key not in seen:
            seen.add(key)
            yield f"{rel}:{node.lineno}", pattern

    def walk(name: str, value: Any, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            yield name, value
        elif depth < 3 and isinstance(value, tuple | list | frozenset | set):
            for i, v in enumerate(value):
                yield from walk(f"{name}[{i}]", v, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for k, v in value.items():
                yield from walk(f"{name}[{k!r}]", v, depth + 1)

    for name, value in list(vars(module).items()):
        if getattr(value, "__module__", module_name) != module_name and not isinstance(
                value, re.Pattern | tuple | list | dict | frozenset | set):
            continue
        for where, pattern in walk(name, value):
            key = (pattern.pattern, pattern.flags)
            if key in seen:
                continue
            seen.add(key)
            line = _line_of(tree, where.split("[", 1)[0])
            yield f"{rel}:{line} {where}", pattern


def _line_of(tree: ast.Module, name: str) -> int:
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return node.lineno
    return 0


def _families(pattern: re.Pattern[str], n: int) -> Iterator[tuple[str, str]]:
    """Adversarial strings of length ``n`` from the pattern's own literal characters and
    words and a few common shapes."""
    src = pattern.pattern
    literal = sorted({ch for ch in re.sub(r"\\[a-zA-Z]", "", src)
                      if ch.isalnum() or ch in " .,-'\"“”’(:/<&*#@|;!?"}) or ["a"]
    chars = sorted(set(BASE_CHARS) | set(literal[:40]))
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", re.sub(r"\\[a-zA-Z]", " ", src))))[:25]
    for ch in chars:
        yield repr(ch * 3), ch * n
        yield repr(ch + " "), (ch + " ") * (n // 2)
        yield repr(ch + "a"), (ch + "a") * (n // 2)
    for w in words:
        for unit in (w + " ", w.capitalize() + " ", w.upper() + " ", w + ". ", w + "1"):
            yield repr(unit), (unit * (n // len(unit) + 1))[:n]
    for unit in ("Aa ", "A. ", "AA ", "1 ", "12:", "1/", "a\n", "\n\n", " \n", "a-", "\"a ",
                 "By A ", "a@b.", "http://a/"):
        yield repr(unit), (unit * (n // len(unit) + 1))[:n]


def _time_family(pattern: re.Pattern[str], text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        best = min(best, time.perf_counter() - t0)
    return best


def regex_child(module_name: str, start: int) -> None:
    """Print JSON lines for every pattern of the module from the ``start``-th on: one when a
    family of strings starts (so a hang names it), one per pattern with its worst family."""
    small, large = 500, 2000
    for i, (where, pattern) in enumerate(_patterns_of(module_name)):
        if i < start:
            continue
        worst: tuple[float, float, str] = (0.0, 0.0, "")
        pairs = zip(_families(pattern, small), _families(pattern, large), strict=True)
        for (family, text_s), (_, text_l) in pairs:
            print(json.dumps({"i": i, "where": where, "family": family, "started": True}),
                  flush=True)
            ts = _time_family(pattern, text_s, 1)
            tl = _time_family(pattern, text_l, 1)
            if tl > 0.001 and tl / max(ts, 1e-6) > 8:  # confirm: best of three
                ts, tl = _time_family(pattern, text_s), _time_family(pattern, text_l)
            if tl > 0.001 and tl / max(ts, 1e-6) > worst[1] / max(worst[0], 1e-6):
                worst = (ts, tl, family)
        print(json.dumps({"i": i, "where": where, "pattern": pattern.pattern[:160],
                          "small": worst[0], "large": worst[1], "family": worst[2]}),
              flush=True)


def regexes(timeout: float = 30.0) -> None:
    """Audit every pattern of every module; print the super-linear ones."""
    print("== regular expressions: finditer over adversarial strings of 500 and 2,000 "
          "characters (linear: ratio 4; flagged above 8)")
    modules = sorted(p.stem for p in (ROOT / "newsstruct").glob("*.py") if p.stem != "__main__")
    total = flagged = 0
    for stem in modules:
        name = f"newsstruct.{stem}"
        start = 0
        while True:
            proc = subprocess.Popen([sys.executable, __file__, "--regex-child", name, str(start)],
                                    stdout=subprocess.PIPE, text=True)
            assert proc.stdout is not None
            current: dict[str, Any] | None = None
            deadline = time.monotonic() + timeout
            timed_out = False
            sel = selectors.DefaultSelector()
            sel.register(proc.stdout, selectors.EVENT_READ)
            while True:
                if not sel.select(timeout=max(0.0, deadline - time.monotonic())):
                    timed_out = True
                    break
                line = proc.stdout.readline()
                if not line:
                    break
                rec = json.loads(line)
                if rec.get("started"):
                    current, deadline = rec, time.monotonic() + timeout
                    continue
                total += 1
                ratio = rec["large"] / max(rec["small"], 1e-6)
                if rec["large"] > 0.001 and ratio > 8:
                    flagged += 1
                    print(f"SUPER-LINEAR {rec['where']}: {rec['small'] * 1000:.1f} ms -> "
                          f"{rec['large'] * 1000:.1f} ms (x{ratio:.1f}) on {rec['family']}\n"
                          f"    {rec['pattern']}", flush=True)
            proc.kill()
            proc.wait()
            if timed_out and current is not None:
                total += 1
                flagged += 1
                print(f"CATASTROPHIC {current['where']}: no answer within {timeout:.0f} s on "
                      f"{current['family']} (500 characters)", flush=True)
                start = int(current["i"]) + 1
                continue
            break
    print(f"{total} patterns audited, {flagged} super-linear\n")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts (all by default)."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        print(json.dumps(measure_one(args[1], int(args[2]), int(args[3]))))
        return 0
    if args[:1] == ["--regex-child"]:
        regex_child(args[1], int(args[2]))
        return 0
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", action="store_true")
    parser.add_argument("--adversarial", action="store_true")
    parser.add_argument("--regex", action="store_true")
    parser.add_argument("--shapes", nargs="*", default=list(ADVERSARIAL), choices=ADVERSARIAL,
                        help="adversarial shapes to run (default: all)")
    ns = parser.parse_args(args)
    everything = not (ns.sizes or ns.adversarial or ns.regex)
    if ns.regex or everything:
        regexes()
    if ns.adversarial or everything:
        adversarial(tuple(ns.shapes))
    if ns.sizes or everything:
        sizes()
    return 0


if __name__ == "__main__":
    sys.exit(main())
