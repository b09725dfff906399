"""Lexicons kept as data: one entry a line, ``#`` starts a comment."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["lexicon"]


@cache
def lexicon(name: str) -> frozenset[str]:
    """The entries of ``newsstruct/data/<name>.txt`` (stripped, comments and blanks dropped)."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(e for e in entries if e)
