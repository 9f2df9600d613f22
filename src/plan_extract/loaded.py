"""What the stages load once per process, and a way to load all of it up front.

Vocabularies, the date grammar (a few dozen compiled patterns) and OpenCC's dictionaries are loaded
on first use, so a command that needs none of them (``schema``, an up-to-date check) never pays for
them. Loading them costs ~0.1 s; the runner calls :func:`load_all` before it forks its workers, so
they share one copy instead of each loading its own as it starts on its first document.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TypeVar

R = TypeVar("R")
_LOADERS: list[Callable[[], object]] = []


def loaded_once(function: Callable[[], R]) -> Callable[[], R]:
    """Decorator: a function of no arguments, called once (its result cached) and registered for
    :func:`load_all`. Its result is shared: it must not be changed by callers."""
    cached = cache(function)
    _LOADERS.append(cached)
    return cached


def load_all() -> None:
    """Load everything the imported stages load once (idempotent)."""
    for loader in _LOADERS:
        loader()
