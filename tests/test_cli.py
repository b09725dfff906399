"""The command line: text summary, JSON, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsstruct import cli

from .conftest import SEED


def test_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main([str(SEED), "--reference-date", "2025-09-06"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Title:      Trump Envoy Visits Moscow Before Sanctions Deadline" in out
    assert "Authors:    Nikodem Baran" in out
    assert "Published:  2025-08-06" in out
    assert "[copyright] Copyright @ 2024 IBRA Digital" in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(SEED), "--reference-date", "2025-09-06", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reference_date"] == "2025-09-06T00:00:00"
    assert data["byline"]["authors"][0]["name"] == "Nikodem Baran"


def test_errors_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    assert cli.main([str(empty)]) == 1
    assert "empty" in capsys.readouterr().err
    assert cli.main([str(tmp_path / "missing.txt")]) == 2
    assert cli.main([str(SEED), "--reference-date", "not a date"]) == 1


def test_published_option(capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(SEED), "--reference-date", "2025-09-06", "--format", "json"]
    assert cli.main([*args, "--published", "2025-08-13"]) == 0
    data = json.loads(capsys.readouterr().out)
    monday = next(t for t in data["times"] if t["span"]["text"] == "Monday")
    assert monday["value"] == "2025-08-11"
    assert cli.main([*args, "--published", "some day"]) == 1
