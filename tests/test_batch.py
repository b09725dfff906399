"""parse_articles (order, context, workers, streaming, errors) and the CLI's batch mode."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from pathlib import Path
from types import GeneratorType
from typing import Any

import pytest

import newsstruct
from benchmarks.modules import load_module
from newsstruct import cli
from newsstruct.errors import (
    EmptyArticleError,
    InvalidArgumentError,
    InvalidInputError,
    WorkerError,
)

from .conftest import EVAL, SEED, read_jsonl

REFERENCE = "2025-09-06"
SHORT = [
    "Ministers Meet in Paris\n\nBy Ana Lima\n\nMinisters met in Paris on Monday. "
    "They must agree on a budget by Friday, officials said.",
    "Storm Closes Ports\n\nThe storm closed three ports on Tuesday, the coast guard said.",
    "Bank Holds Rates\n\n\"We will act within 30 days,\" the governor said on Thursday.",
]


def _dev_pages(n: int) -> list[tuple[str, dict[str, Any]]]:
    dev = EVAL / "header" / "dev.jsonl"
    if not dev.exists():
        pytest.skip("../shared/eval is not beside the checkout")
    return [(r["text_full"], {"id": r["id"]}) for r in read_jsonl(dev)[:n]]


def _one_by_one(items: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    return [
        {**newsstruct.parse_article(text, reference_date=REFERENCE).to_dict(), "id": ctx["id"]}
        for text, ctx in items
    ]


@pytest.mark.parametrize("n_process", [1, 2])
def test_dev_pages_equal_one_by_one(n_process: int) -> None:
    items = _dev_pages(10)
    got = [
        a.to_dict()
        for a in newsstruct.parse_articles(
            items, reference_date=REFERENCE, n_process=n_process, batch_size=3
        )
    ]
    assert got == _one_by_one(items)


def test_context_gives_reference_date_and_id(seed_text: str) -> None:
    items: list[str | tuple[str, dict[str, Any]]] = [
        seed_text,
        (seed_text, {"id": 7, "reference_date": "2025-10-06"}),
        (seed_text, {"id": "b", "url": "ignored"}),
    ]
    out = list(newsstruct.parse_articles(items, reference_date=REFERENCE))
    assert [a.id for a in out] == [None, "7", "b"]
    assert [a.reference_date.date().isoformat() for a in out] == [
        REFERENCE, "2025-10-06", REFERENCE]
    published = [a.published.value.date().isoformat() if a.published else None for a in out]
    assert published == ["2025-08-06", "2025-09-06", "2025-08-06"]
    assert out[0].to_json() == newsstruct.parse_article(seed_text,
                                                        reference_date=REFERENCE).to_json()


def test_order_is_kept_across_workers() -> None:
    texts = [f"{t}\n\nReport number {i}." for i in range(4) for t in SHORT]
    items = [(t, {"id": str(i)}) for i, t in enumerate(texts)]
    out = list(newsstruct.parse_articles(items, reference_date=REFERENCE, n_process=2,
                                         batch_size=2))
    assert [a.id for a in out] == [str(i) for i in range(len(texts))]
    assert [a.text for a in out] == texts
    assert multiprocessing.active_children() == []


def test_input_is_read_lazily() -> None:
    pulled: list[int] = []

    def texts() -> Iterator[str]:
        for i in range(1000):
            pulled.append(i)
            yield SHORT[i % len(SHORT)]

    for n_process, bound in ((1, 3 * 4), (2, (2 * 2 + 1) * 4)):
        pulled.clear()
        stream = newsstruct.parse_articles(texts(), reference_date=REFERENCE, batch_size=4,
                                           n_process=n_process)
        first = next(stream)
        assert isinstance(stream, GeneratorType)
        stream.close()  # stops the workers
        assert first.text == SHORT[0]
        assert 0 < len(pulled) <= bound
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("n_process", [1, 2])
def test_invalid_item_raises_when_reached(n_process: int) -> None:
    stream = newsstruct.parse_articles([SHORT[0], "  \n", SHORT[1]], n_process=n_process,
                                       reference_date=REFERENCE, batch_size=1)
    with pytest.raises(EmptyArticleError):
        list(stream)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"batch_size": 0}, InvalidArgumentError),
        ({"n_process": 0}, InvalidArgumentError),
        ({"n_process": True}, InvalidArgumentError),
        ({"reference_date": "soon"}, newsstruct.errors.InvalidReferenceDateError),
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        newsstruct.parse_articles(SHORT, **kwargs)


@pytest.mark.parametrize(
    "items", ["one text", None, 3, [("text", "not a dict")], [(1, {})], [None]])
def test_bad_items(items: Any) -> None:
    with pytest.raises(newsstruct.NewsstructError):
        list(newsstruct.parse_articles(items, reference_date=REFERENCE))
    assert issubclass(InvalidInputError, TypeError)


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    out = list(newsstruct.parse_articles(SHORT, reference_date=REFERENCE, progress=True))
    assert len(out) == 3
    assert "3/3" in capsys.readouterr().err


# ------------------------------------------------------------------ the CLI's batch mode


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _write_short(tmp_path: Path) -> list[Path]:
    paths = []
    for i, text in enumerate(SHORT):
        path = tmp_path / f"a{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_cli_files_and_globs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _write_short(tmp_path)
    code = cli.main([str(SEED), str(tmp_path / "a*.txt"), "--reference-date", REFERENCE,
                     "--no-progress"])
    assert code == 0
    rows = _lines(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [str(SEED)] + [str(p) for p in paths]
    want = [newsstruct.parse_article(p.read_text(encoding="utf-8"), reference_date=REFERENCE)
            for p in [SEED, *paths]]
    assert [{**r, "id": None} for r in rows] == [a.to_dict() for a in want]


def test_cli_workers_and_output_file(tmp_path: Path) -> None:
    _write_short(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    pattern = str(tmp_path / "a*.txt")
    assert cli.main([pattern, "-o", str(one), "--reference-date", REFERENCE]) == 0
    assert cli.main([pattern, "-o", str(two), "--reference-date", REFERENCE,
                     "--n-process", "2", "--batch-size", "1"]) == 0
    assert _lines(one.read_text(encoding="utf-8")) == _lines(two.read_text(encoding="utf-8"))
    assert len(_lines(one.read_text(encoding="utf-8"))) == len(SHORT)


def test_cli_jsonl_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "x", "text": SHORT[0], "reference_date": "2025-01-10"},
        {"id": "empty", "text": "   "},
        {"body": "no text field"},
        {"text": SHORT[1]},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    code = cli.main([str(src), "--reference-date", REFERENCE])
    captured = capsys.readouterr()
    out = _lines(captured.out)
    assert [r["id"] for r in out] == ["x", f"{src}:4"]
    assert [r["reference_date"][:10] for r in out] == ["2025-01-10", REFERENCE]
    assert "skipped" in captured.err and "empty" in captured.err
    assert f"{src}:3" in captured.err and f"{src}:5" in captured.err
    assert code == 2  # unreadable lines outrank empty articles


def test_cli_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    import io

    lines = "".join(json.dumps({"doc": i, "body": t}) + "\n" for i, t in enumerate(SHORT))
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code = cli.main(["-", "--jsonl", "--text-field", "body", "--id-field", "doc",
                     "--reference-date", REFERENCE])
    assert code == 0
    assert [r["id"] for r in _lines(capsys.readouterr().out)] == ["0", "1", "2"]


def test_cli_batch_refuses_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.parse_args([str(SEED), str(SEED), "--format", "text"])
    assert info.value.code == 2
    assert "JSON Lines" in capsys.readouterr().err


def test_cli_missing_glob(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(tmp_path / "none*.txt")]) == 2
    assert "no file matches" in capsys.readouterr().err


def test_batch_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = load_module(Path(__file__).resolve().parents[1] / "examples" / "batch.py",
                          "batch_example")
    paths = _write_short(tmp_path)
    assert example.main([str(tmp_path / "a*.txt"), "--reference-date", REFERENCE]) == 0
    rows = _lines(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [str(p) for p in paths]
    assert rows[0]["text"] == SHORT[0]


# ------------------------------------------------------------------ bad items in a batch


def _mixed(n_pages: int) -> tuple[list[Any], list[int]]:
    """Dev pages with 5 None items and 5 empty strings spread among them (as
    ``benchmarks/batch_errors.py`` puts them), and the places of the bad items."""
    from benchmarks.batch_errors import mixed_items

    pages = _dev_pages(n_pages)
    items = mixed_items([(str(ctx["id"]), text) for text, ctx in pages])
    return items, [i for i, (text, _) in enumerate(items) if not text]


@pytest.fixture(scope="module")
def dev_recorded() -> tuple[list[Any], list[int], list[newsstruct.Article | newsstruct.Failure]]:
    """Every header dev page, with the 10 bad items mixed in, parsed once with
    ``errors="record"`` in two worker processes."""
    items, bad = _mixed(10_000)
    out = list(newsstruct.parse_articles(items, reference_date=REFERENCE, errors="record",
                                         n_process=2, batch_size=8))
    return items, bad, out


def test_record_keeps_every_article_and_each_failure_in_place(
    dev_recorded: tuple[list[Any], list[int], list[newsstruct.Article | newsstruct.Failure]],
) -> None:
    items, bad, out = dev_recorded
    failures = [r for r in out if isinstance(r, newsstruct.Failure)]
    assert len(out) == len(items) == len(items) - len(bad) + 10
    assert sum(isinstance(r, newsstruct.Article) for r in out) == len(items) - 10
    assert [f.index for f in failures] == bad
    assert [i for i, r in enumerate(out) if isinstance(r, newsstruct.Failure)] == bad
    assert [r.id for r in out] == [ctx["id"] for _, ctx in items]
    assert [f.error for f in failures] == ["InvalidInputError", "EmptyArticleError"] * 5
    assert "NoneType" in failures[0].message and "empty" in failures[1].message


def test_every_dev_article_validates_against_the_schema(
    dev_recorded: tuple[list[Any], list[int], list[newsstruct.Article | newsstruct.Failure]],
) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(newsstruct.json_schema())
    articles = [r for r in dev_recorded[2] if isinstance(r, newsstruct.Article)]
    assert len(articles) == 258
    for article in articles:
        errors = [e.message for e in validator.iter_errors(json.loads(article.to_json()))]
        assert errors == [], (article.id, errors[:3])


def test_skip_and_raise_on_bad_items(caplog: pytest.LogCaptureFixture) -> None:
    items, bad = _mixed(12)
    recorded = list(newsstruct.parse_articles(items, reference_date=REFERENCE,
                                              errors="record", batch_size=4))
    with caplog.at_level("WARNING", logger="newsstruct"):
        skipped = list(newsstruct.parse_articles(items, reference_date=REFERENCE,
                                                 errors="skip", batch_size=4))
    assert [a.to_dict() for a in skipped] == [
        r.to_dict() for r in recorded if isinstance(r, newsstruct.Article)]
    assert len(skipped) == 12
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        f"skipped item {i} (id 'bad-{k}')" for k, i in enumerate(bad)]
    seen: list[newsstruct.Article] = []
    with pytest.raises(InvalidInputError) as info:
        seen.extend(newsstruct.parse_articles(items, reference_date=REFERENCE, batch_size=4))
    assert len(seen) == bad[0]
    assert info.value.index == bad[0] and info.value.item_id == "bad-0"
    assert str(info.value).startswith(f"item {bad[0]} (id 'bad-0'): text must be a str")


def test_errors_argument_is_checked() -> None:
    with pytest.raises(InvalidArgumentError):
        newsstruct.parse_articles(SHORT, errors="ignore")  # type: ignore[call-overload]


def test_record_in_workers_keeps_order() -> None:
    items: list[Any] = [SHORT[0], None, (SHORT[1], {"id": "b"}), ("x", "no dict"), "  ",
                        (SHORT[2], {"id": "c", "reference_date": "06/09/2025"}), SHORT[2]]
    out = list(newsstruct.parse_articles(items, reference_date=REFERENCE, errors="record",
                                         n_process=2, batch_size=2))
    kinds = [r.error if isinstance(r, newsstruct.Failure) else "ok" for r in out]
    assert kinds == ["ok", "InvalidInputError", "ok", "InvalidInputError",
                     "EmptyArticleError", "InvalidReferenceDateError", "ok"]
    assert out[5].id == "c" and "reads two ways" in out[5].message  # type: ignore[union-attr]
    assert multiprocessing.active_children() == []


def _dying_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the layout stage end its process on a text holding "KILL-THIS-WORKER", as a
    worker killed by the system (out of memory) would end."""
    import os

    from newsstruct import layout

    real = layout.segment_text

    def segment_text(text: str) -> Any:
        if "KILL-THIS-WORKER" in text and multiprocessing.parent_process() is not None:
            os._exit(9)
        return real(text)

    monkeypatch.setattr(layout, "segment_text", segment_text)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the dying stage is handed to workers by forking")
def test_a_dead_worker_costs_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    _dying_layout(monkeypatch)
    texts = [f"{t}\n\nReport number {i}." for i in range(3) for t in SHORT]
    items: list[Any] = [(t, {"id": str(i)}) for i, t in enumerate(texts)]
    items.insert(4, ("Headline\n\nKILL-THIS-WORKER in the middle of a batch.", {"id": "kill"}))
    out = list(newsstruct.parse_articles(items, reference_date=REFERENCE, errors="record",
                                         n_process=2, batch_size=3))
    assert [r.id for r in out] == [ctx["id"] for _, ctx in items]
    failure = out[4]
    assert isinstance(failure, newsstruct.Failure) and failure.error == "WorkerError"
    assert all(isinstance(r, newsstruct.Article) for i, r in enumerate(out) if i != 4)
    assert [r.text for r in out if isinstance(r, newsstruct.Article)] == texts
    with pytest.raises(WorkerError) as info:
        list(newsstruct.parse_articles(items, reference_date=REFERENCE, n_process=2,
                                       batch_size=3))
    assert info.value.index == 4 and "item 4 (id 'kill')" in str(info.value)
    assert multiprocessing.active_children() == []


def test_a_failing_stage_costs_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsstruct import quotes

    real = quotes.extract_quotes

    def extract_quotes(doc: Any, text: str, *args: Any) -> Any:
        if "BREAK-THE-QUOTES" in text:
            raise KeyError("a bug")
        return real(doc, text, *args)

    monkeypatch.setattr(quotes, "extract_quotes", extract_quotes)
    items = [SHORT[0], "Headline\n\nBREAK-THE-QUOTES here, he said.", SHORT[1]]
    out = list(newsstruct.parse_articles(items, reference_date=REFERENCE, errors="record"))
    assert [type(r).__name__ for r in out] == ["Article", "Failure", "Article"]
    assert out[1].error == "KeyError"  # type: ignore[union-attr]
    with pytest.raises(newsstruct.errors.PipelineError) as info:
        list(newsstruct.parse_articles(items, reference_date=REFERENCE))
    assert info.value.index == 1 and isinstance(info.value.__cause__, KeyError)
