"""Accuracy figures held by CI: each is measured by a test, printed at the end of the run, and
must not fall under its floor (set within a few points of the value last measured)."""

from __future__ import annotations

#: (name, measured, bound, at_most) in the order the tests measured them: the bound is a floor,
#: or a ceiling where ``at_most`` (a count of errors).
FIGURES: list[tuple[str, float, float, bool]] = []


def hold(name: str, measured: float, floor: float) -> None:
    """Record ``measured`` for the end-of-run table and fail when it is under ``floor``."""
    FIGURES.append((name, measured, floor, False))
    assert measured >= floor, f"{name}: measured {measured:.4g}, under its floor {floor:.4g}"


def hold_at_most(name: str, measured: float, ceiling: float) -> None:
    """Record ``measured`` (a count of errors) and fail when it is over ``ceiling``."""
    FIGURES.append((name, measured, ceiling, True))
    assert measured <= ceiling, f"{name}: measured {measured:.4g}, over its ceiling {ceiling:.4g}"
