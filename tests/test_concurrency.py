"""``parse_article`` from several threads sharing one loaded model, and from other processes,
reads every article exactly as one thread does."""

from __future__ import annotations

import functools
import multiprocessing
import random
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

import newsstruct
from newsstruct import pipeline

from .conftest import EVAL, read_jsonl
from .test_dirty import ARTICLE

REFERENCE = "2025-09-06"
N_ARTICLES = 200
N_THREADS = 8


def _generated(n: int) -> list[str]:
    """``n`` article variants: the test article's body paragraphs shuffled and cut, with
    numbers and names varied (seeded, so always the same)."""
    head, body = ARTICLE.split("\n\nLONDON", 1)
    paragraphs = ("LONDON" + body).split("\n\n")
    out = []
    for i in range(n):
        rng = random.Random(i)
        chosen = rng.sample(paragraphs, rng.randint(2, len(paragraphs)))
        text = head + "\n\n" + "\n\n".join(chosen)
        out.append(text.replace("30 days", f"{rng.randint(2, 90)} days")
                   .replace("Okafor", rng.choice(["Okafor", "Nguyen", "Schmidt", "Kowalski"])))
    return out


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """200 articles: the Reuters articles of the NER dev set when it is at hand (else
    generated ones)."""
    dev = EVAL / "ner" / "dev.jsonl"
    if dev.exists():
        real = [row["text"] for row in read_jsonl(dev)][:N_ARTICLES]
        if len(real) == N_ARTICLES:
            return real
    return _generated(N_ARTICLES)


def _json(text: str) -> str:
    return newsstruct.parse_article(text, reference_date=REFERENCE).to_json()


def test_threads_sharing_one_model_read_as_one_thread(texts: list[str]) -> None:
    nlp = pipeline.load_model(None)
    sequential = [_json(t) for t in texts]
    with ThreadPoolExecutor(max_workers=N_THREADS) as pool:
        threaded = list(pool.map(_json, texts))
    assert pipeline.load_model(None) is nlp
    assert len(threaded) == len(texts)
    for i, (got, want) in enumerate(zip(threaded, sequential, strict=True)):
        assert got == want, f"article {i} read differently in a thread"


def test_threads_loading_the_model_get_the_same_one() -> None:
    with ThreadPoolExecutor(max_workers=N_THREADS) as pool:
        models = list(pool.map(lambda _: pipeline.load_model(None), range(N_THREADS * 2)))
    assert all(m is models[0] for m in models)


def test_processes_read_as_this_one(texts: list[str]) -> None:
    sample = texts[:: len(texts) // 12][:12]
    parse = functools.partial(newsstruct.parse_article, reference_date=REFERENCE)
    sequential = [parse(t).to_json() for t in sample]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        articles = list(pool.map(parse, sample))
    assert [a.to_json() for a in articles] == sequential
