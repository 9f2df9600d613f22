"""A cache for pure functions of a cell's text, that keeps short texts only.

Why: structure and normalise ask the same questions of the same texts many times (is this cell an
item label, a header label, a footnote marker? the joined form of a cell read in structure and again
in normalise; a plan's dozen frequencies and dates on every row), so caching them by text is most of
what makes the stages fast. But a cache keeps its keys after the document is done: a hostile file
whose cells are megabytes long would stay in a worker's memory. Texts longer than
:data:`SHORT_TEXT` are computed each time and never kept, so a cache holds at most ``maxsize``
short texts whatever the documents.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Concatenate, ParamSpec, TypeVar, cast

SHORT_TEXT = 400  # characters: longer than any label, date, frequency or dataset name

P = ParamSpec("P")
R = TypeVar("R")
_CLEARS: list[Callable[[], None]] = []  # every text cache's cache_clear, for clear()


def text_cache(
    maxsize: int,
) -> Callable[[Callable[Concatenate[str, P], R]], Callable[Concatenate[str, P], R]]:
    """Decorator: the function, with an LRU cache of ``maxsize`` calls whose text (the first
    argument) is at most SHORT_TEXT long.

    Results are shared between calls: the function must return immutable values (a str, a tuple,
    a frozen dataclass), never a list or a dict a caller could change."""

    def decorate(function: Callable[Concatenate[str, P], R]) -> Callable[Concatenate[str, P], R]:
        code = getattr(function, "__code__", None)
        if code is not None and code.co_argcount == 1 and not code.co_kwonlyargcount:
            return cast(Callable[Concatenate[str, P], R], _text_only(function, maxsize))
        lru = lru_cache(maxsize=maxsize)(function)
        _CLEARS.append(lru.cache_clear)
        cached = cast(Callable[Concatenate[str, P], R], lru)  # its arguments must be hashable

        @wraps(function)
        def call(text: str, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if len(text) > SHORT_TEXT:
                return function(text, *args, **kwargs)
            return cached(text, *args, **kwargs)

        return call

    return decorate


def _text_only(function: Callable[[str], R], maxsize: int) -> Callable[[str], R]:
    """The cache of a function of the text alone, the commonest kind, on the hot path of every
    cell: a dict (one lookup per hit; an LRU's bookkeeping and a wrapper taking any arguments
    cost as much as the lookup), emptied when it holds ``maxsize`` texts."""
    store: dict[str, R] = {}
    _CLEARS.append(store.clear)

    @wraps(function)
    def call(text: str, /) -> R:
        try:
            return store[text]
        except KeyError:
            pass
        result = function(text)
        if len(text) <= SHORT_TEXT:
            if len(store) >= maxsize:
                store.clear()
            store[text] = result
        return result

    return call


def clear() -> None:
    """Empty every text cache (tests, and timing a document as if never seen)."""
    for cache_clear in _CLEARS:
        cache_clear()
