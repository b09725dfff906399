"""Accuracy figures held by CI: each is measured by a test, printed at the end of the run, and
must not fall under its floor (set within a few points of the value last measured)."""

from __future__ import annotations

#: (name, measured, floor) in the order the tests measured them.
FIGURES: list[tuple[str, float, float]] = []


def hold(name: str, measured: float, floor: float) -> None:
    """Record ``measured`` for the end-of-run table and fail when it is under ``floor``."""
    FIGURES.append((name, measured, floor))
    assert measured >= floor, f"{name}: measured {measured:.4g}, under its floor {floor:.4g}"
