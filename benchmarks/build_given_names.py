"""Rebuild ``newsstruct/data/byline_given_names.txt`` from a general first-name list.

usage: python benchmarks/build_given_names.py [--check]

The source is the first-name frequency lists of the 1990 US Census (public domain), as shipped
in the ``names`` package on PyPI (MIT licence; ``names/dist.female.first`` and
``names/dist.male.first``). Every name of both lists is kept, title-cased, less the names that
are also English function words (spaCy's English stop words: "Will", "May", "So") or country
names (``entity_countries.txt``): such a word opening a line says nothing about a person.
``--check`` prints nothing and exits 1 when the shipped file differs from what the source
gives.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "newsstruct" / "data" / "byline_given_names.txt"
HEADER = (
    "# source: first names of the 1990 US Census (public domain) as shipped in the PyPI package\n"
    "# `names` 0.3.0 (MIT licence), less English stop words and country names;\n"
    "# rebuilt by benchmarks/build_given_names.py (do not edit by hand). A line with no \"By\"\n"
    "# is read as a byline name only when its first word is a given name (or the model reads\n"
    "# a person there).\n"
)
FILES = ("dist.female.first", "dist.male.first")


def _excluded() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from newsstruct.data import lexicon

    words = {w.casefold() for w in STOP_WORDS}
    words |= {c.casefold() for c in lexicon("entity_countries")}
    return frozenset(words)


def build() -> str:
    """The file's text as the source gives it."""
    skip = _excluded()
    found: set[str] = set()
    for name in FILES:
        text = resources.files("names").joinpath(name).read_text(encoding="utf-8")
        for row in text.splitlines():
            if not row.strip():
                continue
            word = row.split()[0].capitalize()
            if word.casefold() not in skip:
                found.add(word)
    return HEADER + "".join(f"{w}\n" for w in sorted(found))


def main(argv: list[str] | None = None) -> int:
    """Write the file (or, with ``--check``, compare it)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args(argv)
    text = build()
    if args.check:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10)) - HEADER.count(chr(10))} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
