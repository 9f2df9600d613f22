"""Which catalogue dataset is a plan's dataset? Blocking, comparison, decision — each visible.

1. **Blocking**: only the catalogue datasets of the same organisation (``organisations.py``).
2. **Comparison**: a name score 0–100 per candidate: 100 when the names' ``name_key`` are equal
   (``exact``), else rapidfuzz's mean of ``token_sort_ratio`` and ``token_set_ratio`` on English
   names, ``ratio`` on the ``name_key`` of Chinese names (``fuzzy``); the best over the plan's names
   (its own and those of the other language version in ``bilingual``). Agreeing frequency and formats
   add up to :data:`TIE_BREAK_POINTS` to order candidates, never to pass the threshold.
3. **Decision**: ``match`` when the best name score is at least :data:`ACCEPT_SCORE` and it leads the
   runner-up by :data:`MIN_LEAD`; ``review`` (clerical review, candidates kept) from
   :data:`REVIEW_SCORE` up, or when too close to the runner-up; ``none`` below. A confident wrong
   match is worse than none, so the band is wide.

A reviewer's overrides (``overrides.py``) are applied before all this and win.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, utils

from ..normalise.text import name_key
from .frequency import listed_frequency
from .organisations import organisation_id
from .snapshots import CatalogueEntry, Snapshot

ACCEPT_SCORE = 88.0
REVIEW_SCORE = 60.0
MIN_LEAD = 6.0
TIE_BREAK_POINTS = 4.0
KEEP_CANDIDATES = 3

Decision = Literal["match", "review", "none"]


@dataclass(frozen=True)
class PlanItem:
    """What matching needs of one plan row."""

    organisations: tuple[str, ...]  # its organisation's names, any language
    names_en: tuple[str, ...]
    names_zh: tuple[str, ...]
    frequency: str | None
    formats: tuple[str, ...]
    department_id: str | None = None  # the plan's, for the department's own rows (no name needed)


@dataclass(frozen=True)
class Candidate:
    entry: CatalogueEntry
    name_score: float
    method: Literal["exact", "fuzzy"]
    tie_break: float

    @property
    def rank_score(self) -> float:
        return self.name_score + self.tie_break


@dataclass(frozen=True)
class MatchResult:
    decision: Decision
    method: Literal["override", "exact", "fuzzy", "none"]
    reason: str
    best: Candidate | None = None
    runner_up: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()


def block(item: PlanItem, snapshot: Snapshot) -> list[CatalogueEntry]:
    """Candidate generation: the snapshot's datasets of the item's organisation."""
    ids = {str(organisation_id(n)) for n in item.organisations if organisation_id(n)}
    ids |= {item.department_id} if item.department_id else set()
    found: dict[int, CatalogueEntry] = {}  # by identity: one entry once, in snapshot order
    for org in sorted(ids):
        found.update((id(e), e) for e in snapshot.by_organisation.get(org, []))
    return list(found.values())


def _english_score(a: str, b: str) -> float:
    sort = fuzz.token_sort_ratio(a, b, processor=utils.default_process)
    token_set = fuzz.token_set_ratio(a, b, processor=utils.default_process)
    return float(sort + token_set) / 2


def compare(item: PlanItem, entry: CatalogueEntry) -> Candidate | None:
    """The name score of one candidate (None when no language is shared) and its tie-break."""
    pairs = [(n, entry.title_en, False) for n in item.names_en if entry.title_en]
    pairs += [(n, entry.title_zh, True) for n in item.names_zh if entry.title_zh]
    if not pairs:
        return None
    best = 0.0
    method: Literal["exact", "fuzzy"] = "fuzzy"
    for name, title, chinese in pairs:
        if name_key(name) == name_key(title):
            best, method = 100.0, "exact"
            break
        score = (
            fuzz.ratio(name_key(name), name_key(title)) if chinese else _english_score(name, title)
        )
        best = max(best, float(score))
    return Candidate(entry, round(best, 1), method, _tie_break(item, entry))


def _tie_break(item: PlanItem, entry: CatalogueEntry) -> float:
    points = 0.0
    listed = listed_frequency(entry.update_frequency_raw)
    if item.frequency and listed and listed == item.frequency:
        points += TIE_BREAK_POINTS / 2
    if item.formats and entry.formats:
        shared = len(set(item.formats) & set(entry.formats))
        points += TIE_BREAK_POINTS / 2 * shared / len(item.formats)
    return points


def decide(candidates: list[Candidate]) -> MatchResult:
    """The decision from scored candidates (best first)."""
    ranked = sorted(candidates, key=lambda c: (-c.rank_score, c.entry.catalogue_id))
    if not ranked or ranked[0].name_score < REVIEW_SCORE:
        top = ranked[0] if ranked else None
        return MatchResult(
            "none",
            "none",
            f"no candidate scores {REVIEW_SCORE:g} or more",
            top,
            ranked[1] if len(ranked) > 1 else None,
            tuple(ranked[:KEEP_CANDIDATES]),
        )
    best = ranked[0]
    runner_up = ranked[1] if len(ranked) > 1 else None
    lead = best.rank_score - runner_up.rank_score if runner_up else 100.0
    kept = tuple(ranked[:KEEP_CANDIDATES])
    if best.name_score >= ACCEPT_SCORE and lead >= MIN_LEAD:
        reason = "same name" if best.method == "exact" else f"name score {best.name_score:g}"
        return MatchResult("match", best.method, reason, best, runner_up, kept)
    if best.name_score >= ACCEPT_SCORE:
        reason = f"runner-up within {MIN_LEAD:g} points (lead {lead:.1f})"
    else:
        reason = f"best name score {best.name_score:g} is below {ACCEPT_SCORE:g}"
    return MatchResult("review", best.method, reason, best, runner_up, kept)


def match_item(item: PlanItem, snapshot: Snapshot) -> MatchResult:
    """Blocking, comparison and decision for one plan row against one snapshot."""
    entries = block(item, snapshot)
    if not entries:
        return MatchResult(
            "none",
            "none",
            "no dataset of this organisation in the snapshot (renamed? add a line to "
            "vocab/organisation_aliases.tsv)",
        )
    if not item.names_en and not item.names_zh:
        return MatchResult("review", "none", "not matchable: the row has no dataset name")
    scored = [c for c in (compare(item, e) for e in entries) if c is not None]
    if not scored:
        return MatchResult(
            "review",
            "none",
            "not matchable: the plan's names and the snapshot's titles share no language "
            "(extract the plan's other language version in the same run, or use a snapshot "
            "with Chinese titles)",
        )
    return decide(scored)
