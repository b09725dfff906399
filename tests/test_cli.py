"""The command line: text summary, JSON, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsstruct
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


def test_schema_option(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    assert cli.main(["--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == json.loads(json.dumps(newsstruct.json_schema()))
    assert cli.main([str(SEED), "--reference-date", "2025-09-06", "--format", "json"]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)


def test_no_input_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main([])
    assert info.value.code == 2
    assert "--schema" in capsys.readouterr().err


def test_dayfirst_option(capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(SEED), "--format", "json", "--reference-date", "06/09/2025"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "9 June 2025" in err and "6 September 2025" in err and "dayfirst" in err
    assert cli.main([*args, "--dayfirst"]) == 0
    assert json.loads(capsys.readouterr().out)["reference_date"] == "2025-09-06T00:00:00"
    assert cli.main([*args, "--no-dayfirst"]) == 0
    assert json.loads(capsys.readouterr().out)["reference_date"] == "2025-06-09T00:00:00"


def test_batch_reports_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    text = SEED.read_text(encoding="utf-8")
    rows = [{"id": "a", "text": text}, {"id": "blank", "text": " \n "},
            {"id": "b", "text": text, "reference_date": "06/09/2025"}, {"id": "c", "text": text}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert cli.main([str(src), "--reference-date", "2025-09-06"]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["a", "c"]
    err = captured.err.splitlines()
    assert err[-1] == "newsstruct: 2 articles written, 2 failed, 0 inputs unreadable"
    assert any("blank" in line and "EmptyArticleError" in line for line in err)
    assert any(line.startswith("newsstruct: skipped b: InvalidReferenceDateError")
               for line in err)
