"""Bad input raises newsstruct's own typed errors, never a dependency's."""

from __future__ import annotations

from typing import Any

import pytest

import newsstruct
from newsstruct import errors


@pytest.mark.parametrize("bad", [None, b"bytes text", 42, ["a list"], object()])
def test_non_str_text(bad: Any) -> None:
    with pytest.raises(errors.InvalidInputError) as info:
        newsstruct.parse_article(bad)
    assert isinstance(info.value, TypeError)
    assert type(bad).__name__ in str(info.value)


@pytest.mark.parametrize("blank", ["", " ", "\n\n\t  \r\n", "\u00a0\u2003"])
def test_empty_text(blank: str) -> None:
    with pytest.raises(errors.EmptyArticleError):
        newsstruct.parse_article(blank)


@pytest.mark.parametrize("bad", ["yesterday-ish", "2025-13-45", "06/09/2025x", 3.5])
def test_bad_reference_date(bad: Any) -> None:
    with pytest.raises(errors.InvalidReferenceDateError) as info:
        newsstruct.parse_article("Some headline\n\nA paragraph of text.", reference_date=bad)
    assert isinstance(info.value, ValueError)
    assert repr(bad) in str(info.value) or str(bad) in str(info.value)


def test_too_large() -> None:
    with pytest.raises(errors.InputTooLargeError):
        newsstruct.parse_article("word " * 100, max_chars=50)


def test_unknown_model() -> None:
    with pytest.raises(errors.ModelNotFoundError) as info:
        newsstruct.parse_article("Headline\n\nBody text here.", model="xx_no_such_pipeline")
    message = str(info.value)
    assert "newsstruct[model]" in message and "spacy download" in message


def test_every_error_is_a_newsstruct_error() -> None:
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.NewsstructError)
