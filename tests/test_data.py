"""Every lexicon shipped in ``newsstruct/data`` says where its entries come from."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "newsstruct" / "data"
LEXICONS = sorted(p for p in DATA.iterdir() if p.suffix in {".txt", ".tsv"})
SOURCE = "# source: "


def test_there_are_lexicons() -> None:
    assert len(LEXICONS) >= 50


@pytest.mark.parametrize("path", LEXICONS, ids=[p.name for p in LEXICONS])
def test_first_line_names_the_source(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SOURCE), f"{path.name} does not open with {SOURCE!r}"
    assert len(first) > len(SOURCE) + 10, f"{path.name}: the source line says too little"
