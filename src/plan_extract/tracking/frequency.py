"""The catalogue's update frequency read with the plans' own vocabulary, and whether a promise kept it.

A promise is kept when the catalogue updates the dataset at least as often as promised: codes are
ordered from ``realtime`` to ``multiyear``, and a listed code at or before the promised one keeps it.
A promise of ``as_needed``, ``irregular`` or ``event_driven`` sets no pace, so any listed frequency
keeps it except ``discontinued``. ``discontinued`` never keeps a promise; ``varies`` and ``unknown``
(on either side), or no listed wording at all, give ``unknown``.
"""

from __future__ import annotations

from ..normalise.frequency import parse_frequency

PACE = (
    "realtime",
    "intraday",
    "daily",
    "semiweekly",
    "weekly",
    "biweekly",
    "semimonthly",
    "monthly",
    "bimonthly",
    "quarterly",
    "three_times_a_year",
    "semiannual",
    "annual",
    "biennial",
    "triennial",
    "multiyear",
)
NO_PACE = ("as_needed", "irregular", "event_driven")


def listed_frequency(raw: str | None) -> str | None:
    """The frequency code of a catalogue's wording; None when there is none or it is not understood."""
    if not raw:
        return None
    found = parse_frequency(raw)
    return found.code if found else None


def frequency_kept(promised: str | None, listed: str | None) -> str:
    """yes / no / unknown (see the module docstring)."""
    if listed == "discontinued":
        return "no"
    if (
        not promised
        or not listed
        or "unknown" in (promised, listed)
        or "varies" in (promised, listed)
    ):
        return "unknown"
    if promised in NO_PACE or promised == listed:
        return "yes"
    if promised in PACE and listed in PACE:
        return "yes" if PACE.index(listed) <= PACE.index(promised) else "no"
    return "no" if promised in PACE and listed in NO_PACE else "unknown"
