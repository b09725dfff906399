"""Draw the untouched deadline sentences: a fixed procedure, written down, run once.

usage:
    python benchmarks/sample_deadlines.py OUT.jsonl   # sentences to annotate by hand
    python benchmarks/sample_deadlines.py --wire OUT.jsonl WEKA_EXAMPLES GENSIM_TEST_DATA
    python benchmarks/sample_deadlines.py --wire-dev OUT.jsonl WEKA_EXAMPLES GENSIM_TEST_DATA
    python benchmarks/sample_deadlines.py --tm-dev OUT.jsonl WEKA_EXAMPLES GENSIM_TEST_DATA TM_TEXTS

The procedure (it never runs the deadline stage):

1. Sources: the texts of ``../shared/eval/quotes/dev.jsonl``, ``temporal/dev.jsonl`` and
   ``ner/dev.jsonl`` (its dateline gives the day) and the ``body`` of the pages of
   ``header/dev.jsonl`` and ``header/wide.jsonl`` that have one and a published day.
2. The documents split by the first hex digit of ``sha1("source:id")``: digits not divisible
   by 3 make the *untouched* pool (this script), the others (0, 3, 6, 9, c, f) the pool that
   rules may be written from. No sentence of the untouched pool is read while writing rules.
   Sentences that overlap a golden sentence (``tests/data/deadlines_*.jsonl`` but the
   untouched file) are left out.
3. Each text is cut into sentences at line breaks and after ``. ! ?`` followed by a space and a
   capital or a quote mark; sentences of 6 to 80 words are kept.
4. A sentence is a *candidate* when it matches ``TRIGGER`` (a deadline word, a limiting phrase
   or "by"/"before" followed by a date-like word). All candidates of the pool are drawn, in a
   random order fixed by ``random.Random(SEED)``, up to ``MAX_CANDIDATES``.
5. ``NEGATIVES`` sentences that do not match are drawn with the same generator.
6. A second draw, added after the first was measured (its first-run figure is reported apart):
   the pages of ``header/dev.jsonl`` and ``header/wide.jsonl`` that have a published day but
   no ``body``, read from their ``text_full``, in the untouched pool; steps 3 to 5 again, with
   ``PAGE_NEGATIVES`` other sentences and the generator seeded with ``PAGE_SEED``. Its ids
   start ``header-full:``.

Each line: ``id`` (``source:doc:offset``), ``source``, ``doc``, ``dct`` (the document's day:
TimeBank's dct, the date in a PolNeAR id, a page's published day), ``text``, ``cand``.

The wire draw (``--wire``, the file ``tests/data/deadlines_untouched_wire.jsonl``) takes news
that none of the shared sets holds, from two packages of the public registries:

- Reuters-21578 (Reuters newswire, 1987; ModApte split) as shipped in Debian's ``weka``
  3.6.14-3 (GPL-2; ``apt-get download weka``, then ``dpkg-deb -x``):
  ``usr/share/doc/weka/examples/ReutersGrain-train.arff`` and ``ReutersGrain-test.arff``
  (``ReutersCorn-*`` hold the same texts). Each story is rebuilt from its wrapped lines: a line
  break before an indented line ends a paragraph, any other is a space; entities are unescaped
  and the closing "Reuter" dropped.
- The Lee corpus (Australian Broadcasting Corporation news, 2001-2002; Lee, Pincombe & Welsh
  2005) as shipped in the wheel of ``gensim`` 4.4.0 (LGPL-2.1; ``pip download --no-deps
  gensim==4.4.0``): ``gensim/test/test_data/lee_background.cor`` and ``lee.cor``, one story a
  line, Latin-1.

Neither gives a story its day: ``WIRE_DCT`` fixes one per file, inside the span its stories
cover, and the due values are annotated against it. Steps 2 to 5 then run as above (the
untouched pool by ``sha1("reuters:FILE:INDEX")`` or ``sha1("lee:FILE:INDEX")``; every candidate
of the pool, as ``WIRE_MAX_CANDIDATES`` is above their number (345), and ``WIRE_NEGATIVES``
others, the generator seeded with ``WIRE_SEED``). Ids are
``reuters:FILE:INDEX:OFFSET`` and ``lee:FILE:INDEX:OFFSET``; ``source`` names the package, its
version and the file.

The wire rule pool (``--wire-dev``, the file ``tests/data/deadlines_dev_pool.jsonl``) is the
other side of that split, cut by story text: Reuters-21578 holds a story more than once under
different indices, so a story of the rule pool is left out when any of its sentences is a
sentence of a story of the untouched pool (an index split alone let three untouched sentences
through). Every candidate not already golden is drawn, and ``WIRE_DEV_NEGATIVES`` others
(seed ``WIRE_DEV_SEED``); they were annotated before the stage was run on them. The same
file ends with the sentences of the shared sets' rule pool (step 2's other side, step 3's cut)
that ``TRIGGER`` or ``STRONG`` matches and no golden or untouched sentence overlaps
(``draw_shared_dev``), annotated the same way.

The second wire rule pool (``--tm-dev``, also in ``tests/data/deadlines_dev_pool.jsonl``, ids
``tm:``) holds Reuters-21578 stories of other topics (acquisitions, crude oil and a
mixed sample) and one RCV1 story, as shipped in Debian's ``r-cran-tm`` 0.7-11-1 (GPL-3;
``apt-get download r-cran-tm``, then ``dpkg-deb -x``): ``usr/lib/R/site-library/tm/texts/``
``acq/*.xml``, ``crude/*.xml``, ``reuters-21578.xml`` and ``rcv1_2330.xml``. Each story is its
title, a line break and its body rebuilt as above; its ``DATE`` (RCV1: ``date``) is its day. A
story is left out when it shares a sentence with any story of the wire draw's sources (most do:
the weka files hold stories of every topic) or with a golden or untouched sentence, and a story
met twice (by ``NEWID``) is read once. Every sentence that ``TRIGGER`` or ``STRONG`` matches is
drawn, and ``TM_DEV_NEGATIVES`` others (seed ``TM_DEV_SEED``); they were annotated before the
stage was run on them.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEED = 1515
MAX_CANDIDATES = 400
PAGE_SEED = 1516
PAGE_NEGATIVES = 40
NEGATIVES = 60
WIRE_SEED = 1517
WIRE_MAX_CANDIDATES = 1000
WIRE_NEGATIVES = 90
WIRE_DEV_SEED = 1518
WIRE_DEV_NEGATIVES = 40
TM_DEV_SEED = 1519
TM_DEV_NEGATIVES = 30
TM = "r-cran-tm 0.7-11-1 (Debian) usr/lib/R/site-library/tm/texts/"
#: The day given to every story of a file that gives none (the wire draw).
WIRE_DCT = {"ReutersGrain-train.arff": "1987-03-20", "ReutersGrain-test.arff": "1987-04-15",
            "lee_background.cor": "2001-12-15", "lee.cor": "2001-12-15"}
WEKA = "weka 3.6.14-3 (Debian) usr/share/doc/weka/examples/"
GENSIM = "gensim 4.4.0 (PyPI wheel) gensim/test/test_data/"

_MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|april|may|june|july|aug(?:ust|\.)?|"
          r"sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)")
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATEISH = (rf"(?:{_MONTH}|{_DAY}|the end of|the close of|(?:19|20)\d\d\b|tomorrow|tonight|"
            r"next|midnight|noon|the middle of|mid-|early|late)")
#: The candidate test (step 4).
TRIGGER = re.compile(
    r"\b(?:deadlines?|ultimatums?|cut-?offs?|due\b|expir\w*|run(?:s|ning)? out|ran out|"
    r"no later than|not later than|within (?:the next |a |an |\d|one|two|three|four|five|six|"
    r"seven|ten|thirty|sixty|ninety)|has until|have until|had until|given until|last day|"
    r"scheduled to|slated to|set to expire|extension|extended|court-ordered|in time for|"
    r"(?:days|weeks|months|hours) to (?!\d)|"
    rf"(?:by|before|until|through) {_DATEISH})",
    re.IGNORECASE,
)
#: The cue of the shared rule pool's sentences in the dev pool: a limit word or an obligation
#: with a bound.
STRONG = re.compile(
    r"\b(?:deadlines?|ultimatums?|expir\w*|no later than|not later than|ha(?:s|ve|d) until|"
    r"given until|last day|court-ordered|ordered to|"
    r"(?:must|required to)\b[^.]{0,60}\b(?:by|within|before)|"
    r"within (?:\d+|one|two|three|four|five|six|seven|ten|thirty|sixty|ninety|a|an) "
    r"(?:days?|weeks?|months?|hours?|years?))", re.IGNORECASE)
_SPLIT = re.compile(r"\n+|(?<=[.!?])[\"”’]?\s+(?=[\"“‘A-Z])")


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _texts() -> Iterator[tuple[str, str, str, str, str]]:
    """(source, file, doc id, dct, text) of every source document."""
    for line in _lines(EVAL / "temporal" / "dev.jsonl"):
        d = json.loads(line)
        yield "temporal", "temporal/dev.jsonl", d["id"], d["dct"], d["text"]
    for line in _lines(EVAL / "quotes" / "dev.jsonl"):
        d = json.loads(line)
        day = re.search(r"_(\d{4}-\d{2}-\d{2})_", d["id"])
        if day:
            yield "quotes", "quotes/dev.jsonl", d["id"], day.group(1), d["text"]
    for line in _lines(EVAL / "ner" / "dev.jsonl"):
        d = json.loads(line)
        day = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", d["text"][:200])
        if day:
            yield "ner", "ner/dev.jsonl", d["id"], day.group(1), d["text"]
    for name in ("dev", "wide"):
        for line in _lines(EVAL / "header" / f"{name}.jsonl"):
            d = json.loads(line)
            published: str = d.get("published") or (d.get("published_raw") or "")[:10]
            if d.get("body") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
                yield "header", f"header/{name}.jsonl", d["id"], published, d["body"]


def _golden_texts() -> list[str]:
    used: list[str] = []
    for path in (ROOT / "tests" / "data").glob("deadlines_*.jsonl"):
        if "untouched" in path.name or "dev_pool" in path.name:
            continue
        used += [json.loads(line)["text"].strip() for line in _lines(path)]
    return used


def in_untouched_pool(source: str, doc: str) -> bool:
    """Step 2: whether a document belongs to the untouched pool."""
    return int(hashlib.sha1(f"{source}:{doc}".encode()).hexdigest()[0], 16) % 3 != 0


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Step 3: (offset, sentence) of a text."""
    pos = 0
    for m in [*_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if 6 <= len(stripped.split()) <= 80:
            yield pos + chunk.index(stripped), stripped
        if m:
            pos = m.end()


def _page_texts() -> Iterator[tuple[str, str, str, str, str]]:
    """Step 6: (source, file, page id, day, text_full) of the pages with a day and no body."""
    for name in ("dev", "wide"):
        for line in _lines(EVAL / "header" / f"{name}.jsonl"):
            d = json.loads(line)
            published: str = d.get("published") or (d.get("published_raw") or "")[:10]
            if not d.get("body") and d.get("text_full") and \
                    re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
                yield "header", f"header/{name}.jsonl", d["id"], published, d["text_full"]


def _reuters_story(raw: str) -> str:
    """A Reuters story of an ARFF string rebuilt as text (see the wire draw)."""
    text = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), raw)
    text = re.sub(r"\s*Reuter\s*\x03?\s*$", "", html.unescape(text))
    return re.sub(r"\n +", "\n", re.sub(r"\n(?! )", " ", text)).strip()


def _wire_texts(weka: Path, gensim: Path) -> Iterator[tuple[str, str, str, str, str]]:
    """The wire draw's (source, file, doc, dct, text) of every story."""
    for name in ("ReutersGrain-train.arff", "ReutersGrain-test.arff"):
        data = (weka / name).read_text(encoding="latin-1").split("@data", 1)[1]
        for i, m in enumerate(re.finditer(r"^'((?:[^'\\]|\\.)*)',\d", data, re.MULTILINE)):
            yield "reuters", WEKA + name, f"{name}:{i}", WIRE_DCT[name], _reuters_story(m.group(1))
    for name in ("lee_background.cor", "lee.cor"):
        lines = (gensim / name).read_text(encoding="latin-1").splitlines()
        for i, line in enumerate(lines):
            if line.strip():
                yield "lee", GENSIM + name, f"{name}:{i}", WIRE_DCT[name], line.strip()


def draw_wire(weka: Path, gensim: Path) -> list[dict[str, object]]:
    """The wire draw (sources: see the module's docstring)."""
    return _draw(_wire_texts(weka, gensim), None, WIRE_SEED, WIRE_NEGATIVES,
                 WIRE_MAX_CANDIDATES)


def wire_rule_pool(weka: Path, gensim: Path) -> list[tuple[str, str, str, str, str]]:
    """The stories rules may be written from: outside the untouched pool, and sharing no
    sentence with a story inside it (the same text under another index)."""
    stories = list(_wire_texts(weka, gensim))
    untouched = {sent for s in stories if in_untouched_pool(s[0], s[2])
                 for _, sent in sentences(s[4])}
    return [s for s in stories if not in_untouched_pool(s[0], s[2])
            and not any(sent in untouched for _, sent in sentences(s[4]))]


def draw_wire_dev(weka: Path, gensim: Path) -> list[dict[str, object]]:
    """The wire rule pool's candidates (see the module's docstring)."""
    golden = set(_golden_texts())
    rows = (_row(source, path, doc, dct, off, sent)
            for source, path, doc, dct, text in wire_rule_pool(weka, gensim)
            for off, sent in sentences(text) if sent not in golden)
    return _rule_pool_draw(rows, lambda sent: TRIGGER.search(sent) is not None,
                           WIRE_DEV_SEED, WIRE_DEV_NEGATIVES)


def _row(source: str, path: str, doc: str, dct: str, off: int,
         sent: str) -> dict[str, object]:
    """A drawn sentence's entry."""
    return {"id": f"{source}:{doc}:{off}", "source": path, "doc": doc, "dct": dct,
            "text": sent}


def _rule_pool_draw(rows: Iterable[dict[str, object]], is_candidate: Callable[[str], bool],
                    seed: int, negatives: int) -> list[dict[str, object]]:
    """A rule pool's draw: every candidate sentence, then ``negatives`` others picked with
    ``seed``."""
    cands: list[dict[str, object]] = []
    others: list[dict[str, object]] = []
    for row in rows:
        (cands if is_candidate(str(row["text"])) else others).append(row)
    rng = random.Random(seed)
    rng.shuffle(others)
    return [{**r, "cand": True} for r in cands] + \
        [{**r, "cand": False} for r in others[:negatives]]


def draw_shared_dev() -> list[dict[str, object]]:
    """The shared rule pool's sentences of the dev pool (see the module's docstring)."""
    used = _golden_texts() + [json.loads(line)["text"] for line in
                              _lines(ROOT / "tests" / "data" / "deadlines_untouched.jsonl")]
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for source, path, doc, dct, text in [*_texts(), *_page_texts()]:
        if in_untouched_pool(source, doc):
            continue
        for off, sent in sentences(text):
            if sent in seen or any(sent in g or g in sent for g in used):
                continue
            seen.add(sent)
            if TRIGGER.search(sent) or STRONG.search(sent):
                rows.append({"id": f"{source}:{doc}:{off}", "source": path, "doc": doc,
                             "dct": dct, "text": sent})
    return rows


def _tm_texts(tm: Path) -> Iterator[tuple[str, str, str, str, str]]:
    """The second wire rule pool's (source, file, doc, dct, text) of every story."""
    seen: set[str] = set()
    files = [*sorted((tm / "acq").glob("*.xml")), *sorted((tm / "crude").glob("*.xml")),
             tm / "reuters-21578.xml"]
    for path in files:
        raw = path.read_text(encoding="latin-1")
        for m in re.finditer(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", raw, re.DOTALL):
            newid, body = m.group(1), m.group(2)
            date = re.search(r"<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})", body)
            text = re.search(r"<BODY>(.*?)</BODY>", body, re.DOTALL)
            if newid in seen or not date or not text:
                continue
            seen.add(newid)
            month = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC".index(date.group(2)) // 3 + 1
            title = re.search(r"<TITLE>(.*?)</TITLE>", body, re.DOTALL)
            story = (html.unescape(title.group(1)).strip() + "\n" if title else "") + \
                _reuters_story(text.group(1).replace("\n", "\\n"))
            yield ("tm", TM + path.relative_to(tm).as_posix(), f"NEWID:{newid}",
                   f"{date.group(3)}-{month:02d}-{int(date.group(1)):02d}", story)
    raw = (tm / "rcv1_2330.xml").read_text(encoding="latin-1")
    day = re.search(r'date="(\d{4}-\d{2}-\d{2})"', raw)
    paras = [html.unescape(re.sub(r"\s+", " ", p)).strip()
             for p in re.findall(r"<p>(.*?)</p>", raw, re.DOTALL)]
    head = re.search(r"<headline>(.*?)</headline>", raw, re.DOTALL)
    if day and head:
        yield ("tm", TM + "rcv1_2330.xml", "rcv1:2330", day.group(1),
               "\n".join([html.unescape(head.group(1)).strip(), *paras]))


def draw_tm_dev(weka: Path, gensim: Path, tm: Path) -> list[dict[str, object]]:
    """The second wire rule pool's sentences (see the module's docstring)."""
    apart = {sent for s in _wire_texts(weka, gensim) for _, sent in sentences(s[4])}
    apart |= set(_golden_texts())
    for name in ("deadlines_untouched.jsonl", "deadlines_untouched_wire.jsonl"):
        apart |= {json.loads(line)["text"] for line in _lines(ROOT / "tests" / "data" / name)}
    stories = ((s, list(sentences(s[4]))) for s in _tm_texts(tm))
    rows = (_row(source, path, doc, dct, off, sent)
            for (source, path, doc, dct, _), sents in stories
            if not any(sent in apart for _, sent in sents) for off, sent in sents)
    return _rule_pool_draw(
        rows, lambda sent: TRIGGER.search(sent) is not None or STRONG.search(sent) is not None,
        TM_DEV_SEED, TM_DEV_NEGATIVES)


def _draw(texts: Iterator[tuple[str, str, str, str, str]], prefix: str | None, seed: int,
          negatives: int, max_candidates: int = MAX_CANDIDATES) -> list[dict[str, object]]:
    """Steps 2-5 over some texts."""
    golden = _golden_texts()
    cands: list[dict[str, str]] = []
    others: list[dict[str, str]] = []
    for source, path, doc, dct, text in texts:
        if not in_untouched_pool(source, doc):
            continue
        for off, sent in sentences(text):
            if any(sent in g or g in sent for g in golden):
                continue
            row = {"id": f"{prefix or source}:{doc}:{off}", "source": path, "doc": doc,
                   "dct": dct, "text": sent}
            (cands if TRIGGER.search(sent) else others).append(row)
    rng = random.Random(seed)
    rng.shuffle(cands)
    rng.shuffle(others)
    picked = [{**r, "cand": True} for r in cands[:max_candidates]]
    picked += [{**r, "cand": False} for r in others[:negatives]]
    return picked


def draw() -> list[dict[str, object]]:
    """Steps 1-6: the first draw, then the second."""
    return (_draw(_texts(), None, SEED, NEGATIVES)
            + _draw(_page_texts(), "header-full", PAGE_SEED, PAGE_NEGATIVES))


def main(argv: list[str] | None = None) -> int:
    """Write the drawn sentences."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--tm-dev":
        rows = draw_tm_dev(Path(args[2]), Path(args[3]), Path(args[4]))
        args = args[1:]
    elif args and args[0] in ("--wire", "--wire-dev"):
        rows = (draw_wire if args[0] == "--wire" else draw_wire_dev)(Path(args[2]),
                                                                     Path(args[3]))
        args = args[1:]
    else:
        rows = draw()
    with Path(args[0]).open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{sum(1 for r in rows if r['cand'])} candidates, "
          f"{sum(1 for r in rows if not r['cand'])} others", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
