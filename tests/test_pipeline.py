"""Model resolution, caching and the one spaCy pass."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from newsstruct import errors, layout, pipeline


def test_default_model_is_resolved(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pipeline.MODEL_ENV, raising=False)
    assert pipeline.resolve_model_name() in pipeline.DEFAULT_MODELS


def test_env_variable_names_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pipeline.MODEL_ENV, "xx_not_installed")
    with pytest.raises(errors.ModelNotFoundError):
        pipeline.resolve_model_name()


def test_no_default_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pipeline.MODEL_ENV, raising=False)
    monkeypatch.setattr(pipeline, "DEFAULT_MODELS", ("xx_none_a", "xx_none_b"))
    with pytest.raises(errors.ModelNotFoundError) as info:
        pipeline.resolve_model_name()
    assert "xx_none_a" in str(info.value)


def test_loaded_once_and_language_accepted() -> None:
    first = pipeline.load_model(None)
    assert pipeline.load_model(None) is first
    assert pipeline.load_model(first) is first
    blank = spacy.blank("en")
    assert pipeline.load_model(blank) is blank
    with pytest.raises(errors.InvalidArgumentError):
        pipeline.load_model(3.14)  # type: ignore[arg-type]


def test_import_does_not_load_spacy() -> None:
    code = "import sys, newsstruct; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_boilerplate_blanked_and_sentences_at_segments(seed_text: str) -> None:
    nlp = pipeline.load_model(None)
    segments = layout.segment_text(seed_text)
    blanked = pipeline.blank_boilerplate(seed_text, segments)
    assert len(blanked) == len(seed_text)
    assert "Copyright" not in blanked
    doc = pipeline.run_pipeline(nlp, seed_text, segments)
    assert not any("IBRA" in e.text for e in doc.ents)
    starts = {s.start_char for s in doc.sents}
    for seg in segments:
        if seg.kind.value != "boilerplate":
            assert seg.span.start in starts, seg
