"""The weights of the title features: the shipped ones (``newsstruct/data/header_weights.json``,
fitted by ``benchmarks/fit_header.py``, whose ``origin`` says on what), or others that the
fitting and evaluation scripts set."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

import attrs

__all__ = ["HeaderWeights", "header_weights", "set_header_weights"]


@attrs.frozen
class HeaderWeights:
    """Named weights of the title features, the score of the "no title" option, and where
    the weights come from."""

    title: Mapping[str, float]
    no_title: float
    origin: str

    def vector(self) -> tuple[float, ...]:
        """The weights in the order of :data:`~newsstruct.layout.titles.TITLE_FEATURES` (0 for
        a feature not named)."""
        from newsstruct.layout.titles import TITLE_FEATURES

        return tuple(float(self.title.get(name, 0.0)) for name in TITLE_FEATURES)


@lru_cache(maxsize=1)
def _shipped_weights() -> HeaderWeights:
    raw = json.loads(resources.files("newsstruct.data").joinpath("header_weights.json")
                     .read_text(encoding="utf-8"))
    return HeaderWeights(title=dict(raw["title"]), no_title=float(raw["no_title"]),
                         origin=str(raw["origin"]))


_override: list[HeaderWeights] = []


def header_weights() -> HeaderWeights:
    """The weights in use: the shipped ones unless :func:`set_header_weights` gave others."""
    return _override[-1] if _override else _shipped_weights()


def set_header_weights(weights: HeaderWeights | None) -> None:
    """Use ``weights`` for the title from now on (``None``: the shipped ones again). For the
    fitting and evaluation scripts, which try weights fitted on some pages on others."""
    _override.clear()
    if weights is not None:
        _override.append(weights)
