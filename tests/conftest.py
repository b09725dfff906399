"""Shared fixtures: the seed article, parsed once; paths to the shared evaluation sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsstruct

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "witkoff-moscow.txt"
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SEED_EXPECTED = SHARED / "seeds" / "witkoff-moscow.expected.json"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every JSON object of a JSONL file."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text: str) -> newsstruct.Article:
    return newsstruct.parse_article(seed_text, reference_date="2025-09-06")


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    if not SEED_EXPECTED.exists():
        pytest.skip("../shared/seeds is not beside the checkout")
    data: dict[str, Any] = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    return data
