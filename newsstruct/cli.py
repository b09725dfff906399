"""The ``newsstruct`` command: ``python -m newsstruct FILE|- [--reference-date D]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsstruct.article import parse_article
from newsstruct.errors import NewsstructError

__all__ = ["build_parser", "main", "parse_args", "run"]


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser."""
    p = argparse.ArgumentParser(
        prog="newsstruct",
        description="Read a news article's text into structured records.",
    )
    p.add_argument("input", help="a text file, or - for standard input")
    p.add_argument("--reference-date", help="when the text was captured (ISO date)")
    p.add_argument("--model", help="spaCy pipeline name (default: en_core_web_sm, ...)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    return p


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse command-line arguments."""
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Do the work for parsed arguments; returns the exit status."""
    try:
        if args.input == "-":
            text = sys.stdin.read()
        else:
            with open(args.input, encoding="utf-8") as fh:
                text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"newsstruct: cannot read {args.input}: {exc}", file=sys.stderr)
        return 2
    try:
        article = parse_article(text, reference_date=args.reference_date, model=args.model)
    except NewsstructError as exc:
        print(f"newsstruct: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(article.to_json(indent=2))
    else:
        print(article.summary())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsstruct`` command."""
    return run(parse_args(argv))
