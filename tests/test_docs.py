"""The code in README.md and docs/ runs and shows what it says.

Each ``pycon`` block (``>>>`` lines and their output) is run as a doctest, each ``python``
block is executed; the blocks of one page share a namespace and run from the repository root.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_FENCE = re.compile(r"^```(pycon|python)[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _blocks(page: Path) -> list[tuple[str, str, int]]:
    text = page.read_text(encoding="utf-8")
    return [(m.group(1), m.group(2), text.count("\n", 0, m.start()) + 2)
            for m in _FENCE.finditer(text)]


CODE_PAGES = [p for p in PAGES if _blocks(p)]


def test_pages_have_examples() -> None:
    with_code = {p.name for p in CODE_PAGES}
    assert {"README.md", "quickstart.md", "batch.md", "errors.md"} <= with_code
    assert {"layout.md", "entities.md", "quotes.md", "time.md", "deadlines.md"} <= with_code


@pytest.mark.parametrize("page", CODE_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_code_blocks(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _blocks(page)
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    name = str(page.relative_to(ROOT))
    for lang, code, line in blocks:
        if lang == "python":
            exec(compile(code, f"{name}:{line}", "exec"), namespace)
            continue
        test = parser.get_doctest(code, namespace, name, str(page), line)
        result = runner.run(test, clear_globs=False)
        assert result.failed == 0, f"{name}, block at line {line} (output above)"
        namespace.update(test.globs)
