"""Shared fixtures: the seed article, parsed once; paths to the shared evaluation sets."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsstruct
from tests.figures import FIGURES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "witkoff-moscow.txt"
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SEED_EXPECTED = SHARED / "seeds" / "witkoff-moscow.expected.json"
#: Set (to 1) by ``.ci/run``: a test skipped because ``../shared`` is missing fails instead.
REQUIRE_SHARED_ENV = "NEWSSTRUCT_REQUIRE_SHARED"
#: Words every skip for missing shared data carries in its reason.
SHARED_MARKS = ("../shared", "evaluation data")


def _skipped_for_shared_data(report: pytest.TestReport) -> bool:
    return report.skipped and any(m in str(report.longrepr) for m in SHARED_MARKS)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under ``NEWSSTRUCT_REQUIRE_SHARED=1``, a skip for missing shared data is a failure."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    if os.environ.get(REQUIRE_SHARED_ENV) == "1" and _skipped_for_shared_data(report):
        report.outcome = "failed"
        report.longrepr = f"{REQUIRE_SHARED_ENV}=1 and the test needs ../shared: {report.longrepr}"


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The accuracy figures the run measured, each beside its floor."""
    if not FIGURES:
        return
    terminalreporter.section("accuracy figures (measured / floor, or <= ceiling)")
    for name, measured, bound, at_most in FIGURES:
        if at_most:
            mark = "ok" if measured <= bound else "OVER CEILING"
            shown = f"<= {bound:<6.4g}"
        else:
            mark = "ok" if measured >= bound else "UNDER FLOOR"
            shown = f"{bound:<9.4g}"
        terminalreporter.write_line(f"{name:<58} {measured:>9.4g} / {shown} {mark}")
