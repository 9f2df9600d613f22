"""Update frequency wording → one code of vocab/frequency_codes.tsv and an ISO 8601 interval.

How a phrase is read, in order (each step on the matching form: NFKC, Traditional script, lower
case, Chinese and English numerals as digits):

1. a whole phrase of vocab/frequencies.tsv (「有需要時」, "As and when necessary", "Half-yearly");
2. a list of agencies with their own frequencies (「社會福利署、民政事務總署：有需要時；食物環境衛生署：每日兩次」):
   one part per agency, and ``varies`` unless every part has the same code;
3. qualifiers dropped: "(…)", " - …", "during office hours", "and as necessary" / 「及有需要時」;
4. the grammar: every N units (每6個月, 每六個月, 每半年, "every six months", 「2分鐘」), N times per unit
   (每日兩次, 每年兩次, "twice per year"), weekdays ("every Monday and Thursday"), clock times ("daily
   at 9:00am", "00:30, 10:30 and 16:30 everyday"), events (「在發出保安建議或警報時」, "when … issued");
5. alternatives for parts of a dataset ("Quarterly/ Annual") → ``varies``.

A phrase none of these reads gives ``None``: the caller records a problem; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache

import regex

from ..model import Frequency, FrequencyPart
from ..vocab import first_with_prefix, load_table
from .memo import text_cache
from .numerals import english_to_int, replace_chinese_numerals
from .text import clean, match_key


@dataclass(frozen=True)
class FrequencyCode:
    code: str
    dublin_core: str | None
    eu_code: str
    iso8601: str | None
    label_en: str
    label_zh_hant: str
    definition: str


def _dash_none(value: str) -> str | None:
    return None if value == "-" else value


@cache
def frequency_codes() -> dict[str, FrequencyCode]:
    """The vocabulary of codes, in documented order."""
    return {
        row["code"]: FrequencyCode(
            code=row["code"],
            dublin_core=_dash_none(row["dublin_core"]),
            eu_code=row["eu_code"],
            iso8601=_dash_none(row["iso8601"]),
            label_en=row["label_en"],
            label_zh_hant=row["label_zh_hant"],
            definition=row["definition"],
        )
        for row in load_table("frequency_codes")
    }


_NUMBER_WORDS = regex.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\b"
)


def frequency_key(text: str) -> str:
    """Matching form of a frequency phrase (also applied to the phrase table)."""
    key = replace_chinese_numerals(match_key(text))
    key = _NUMBER_WORDS.sub(lambda m: str(english_to_int(m.group())), key)
    return key.strip(" .。;；,，「」『』“”\"'")


@cache
def _phrases() -> dict[str, Frequency]:
    codes = frequency_codes()
    table = {}
    for row in load_table("frequencies"):
        code = codes[row["code"]]  # KeyError here is a vocabulary bug, caught by the tests
        interval = _dash_none(row["interval"]) or code.iso8601
        table[frequency_key(row["phrase"])] = Frequency(code.code, interval)
    return table


@cache
def _phrase_keys() -> tuple[str, ...]:
    return tuple(sorted(_phrases()))


def starts_a_phrase(text: str) -> bool:
    """Whether a frequency cell's text so far is the beginning of a phrase of the vocabulary,
    not a phrase itself: a wrap cut it ("As and" / "when" / "necessary", 「有需要」 / 「時」)."""
    key = frequency_key(text)
    found = first_with_prefix(_phrase_keys(), key) if key else None
    return found is not None and found != key


@cache
def _units() -> dict[str, tuple[str, int, bool]]:
    return {
        row["word"]: (row["designator"], int(row["count"]), row["time"] == "time")
        for row in load_table("units")
    }


@cache
def _unit_pattern() -> str:
    return "|".join(regex.escape(w) for w in sorted(_units(), key=len, reverse=True))


def parse_frequency(raw: str | None) -> Frequency | None:
    """The frequency a plan cell states, or ``None`` when the wording is not understood."""
    return _parse_frequency(raw) if raw else None


@text_cache(maxsize=4096)
def _parse_frequency(raw: str) -> Frequency | None:
    """Cached: a plan repeats a handful of phrases (每月, 有需要時) over all its rows."""
    text = clean(raw)
    if not text:
        return None
    parts = _agency_parts(text)
    if parts is not None:
        return _combine(parts)
    return _parse_key(frequency_key(text))


# --- agencies -------------------------------------------------------------------------------------

_SEGMENT_SPLIT = regex.compile(r"\s*(?:[;；／]|\s/\s)\s*")
_AGENCY_COLON = regex.compile(r"^(?P<agency>[^:：]+?)\s*(?<!\d)[:：](?!\d)\s*(?P<freq>.+)$")
_AGENCY_LIST_SPLIT = regex.compile(r"\s*[、，,]\s*")


def _agency_parts(text: str) -> list[tuple[str | None, str]] | None:
    segments = [s for s in _SEGMENT_SPLIT.split(text.rstrip("。.")) if s]
    split = [_AGENCY_COLON.match(s) for s in segments]
    if not any(split):
        return None
    parts: list[tuple[str | None, str]] = []
    for segment, m in zip(segments, split, strict=True):
        if m is None:
            parts.append((None, segment))
            continue
        for agency in _AGENCY_LIST_SPLIT.split(m.group("agency")):
            parts.append((agency, m.group("freq")))
    return parts


def _combine(parts: list[tuple[str | None, str]]) -> Frequency | None:
    parsed = []
    for agency, freq_text in parts:
        freq = _parse_key(frequency_key(freq_text))
        if freq is None:
            return None
        parsed.append(FrequencyPart(agency, freq.code, freq.interval))
    codes = {p.frequency for p in parsed}
    intervals = {p.interval for p in parsed}
    code = codes.pop() if len(codes) == 1 else "varies"
    interval = intervals.pop() if len(intervals) == 1 and code != "varies" else None
    return Frequency(code, interval, tuple(parsed))


# --- one phrase -----------------------------------------------------------------------------------

_QUALIFIERS = (
    regex.compile(r"^(?P<head>.+?)\s*[(（][^()（）]*[)）]$"),
    regex.compile(r"^(?P<head>.+?)(?:\s+[-–—]\s+|(?<=\p{Han})[-–—](?=\p{Han})).+$"),
    regex.compile(r"^(?P<head>.+?)\s+(?:during|within|except)\s.+$"),
    regex.compile(
        r"^(?:about|approximately|around|大約|約|(?:於|在)?辦公時間(?:內)?|工作日(?:內)?)\s*(?P<head>.+)$"
    ),
    regex.compile(r"^(?:to be\s+)?updated\s+(?P<head>.+)$"),
    regex.compile(r"^(?P<head>.+?)\s*(?:along with|together with|隨|連同)\s*.+$"),
    regex.compile(r"^(?P<head>.+?)(?<!有需要時)更新$"),
    regex.compile(
        r"^(?P<head>.+?)\s*,?\s*(?:and|or|及|和|或|以及)\s*(?:as and when necessary|as necessary|"
        r"as required|when necessary|as needed|有需要時|按需要)$"
    ),
)


def _parse_key(key: str) -> Frequency | None:
    if not key:
        return None
    known = _phrases().get(key)
    if known is not None:
        return known
    for qualifier in _QUALIFIERS:
        m = qualifier.match(key)
        if m:
            return _parse_key(m.group("head"))
    for rule in (_every_n_units, _range_of_units, _times_per_unit, _weekdays, _clock_times, _event):
        freq = rule(key)
        if freq is not None:
            return freq
    return _alternatives(key)


def _every_n_units(key: str) -> Frequency | None:
    m = regex.match(
        rf"^(?:every|each|每|per)?\s*(?P<n>\d+(?:\.\d+)?|半)?\s*(?P<unit>{_unit_pattern()})$", key
    )
    if not m or (m.group("n") is None and not key.startswith(("every", "each", "每", "per"))):
        return None
    n = Fraction(1, 2) if m.group("n") == "半" else Fraction(m.group("n") or "1")
    return _from_duration(n, m.group("unit"))


def _range_of_units(key: str) -> Frequency | None:
    """「每兩至三年」, "every two to three years": one code if both ends share it, else multiyear."""
    m = regex.match(
        rf"^(?:every|each|每)\s*(?P<low>\d+)\s*(?:to|至|到|-|–)\s*(?P<high>\d+)\s*(?P<unit>{_unit_pattern()})$",
        key,
    )
    if not m:
        return None
    low = _from_duration(Fraction(m.group("low")), m.group("unit"))
    high = _from_duration(Fraction(m.group("high")), m.group("unit"))
    if low and high and low.code == high.code:
        return Frequency(low.code, None)
    if _units()[m.group("unit")][0] == "Y":
        return Frequency("multiyear", None)
    return None


def _times_per_unit(key: str) -> Frequency | None:
    units = _unit_pattern()
    patterns = (
        rf"^(?P<n>\d+|once|twice|thrice)\s*(?:times?\s*)?(?:a|per|each|every|an)\s*(?P<unit>{units})$",
        rf"^(?:每|1)?\s*(?P<unit>{units})\s*(?P<n>\d+)\s*次$",
    )
    for pattern in patterns:
        m = regex.match(pattern, key)
        if m:
            word = m.group("n")
            n = int(word) if word.isdigit() else english_to_int(word)
            if n:
                return _from_duration(Fraction(1, n), m.group("unit"))
    return None


_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
)


def _weekdays(key: str) -> Frequency | None:
    m = regex.match(rf"^(?:every|each|on)\s+({_WEEKDAY}(?:\s*(?:,|and|&)\s*{_WEEKDAY})*)$", key)
    if m:
        count = len(regex.findall(_WEEKDAY, m.group(1)))
    else:
        zh = regex.match(
            r"^(?:每|逢)(?:個)?(?:星期|週|周|禮拜)([1-7日天](?:\s*[、及和,]\s*(?:星期|週|周|禮拜)?[1-7日天])*)$",
            key,
        )
        if not zh:
            return None
        count = len(regex.findall(r"[1-7日天]", zh.group(1)))
    return {1: _code("weekly"), 2: _code("semiweekly")}.get(count)


_CLOCK = regex.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{1,2}\s*(?:am|pm)"
    r"|(?:上午|下午|晚上|早上|中午|凌晨)?\s*\d{1,2}\s*(?:時|點)(?:正|\s*\d{1,2}\s*分)?"
)
_DAILY = r"(?:daily|everyday|every day|每日|每天)"


def _clock_times(key: str) -> Frequency | None:
    m = regex.match(rf"^{_DAILY}\s*(?:at\s*)?(?P<times>.+)$", key) or regex.match(
        rf"^(?:at\s*)?(?P<times>.+?)\s*{_DAILY}$", key
    )
    if not m:
        return None
    times = _CLOCK.findall(m.group("times"))
    leftover = _CLOCK.sub("", m.group("times"))
    if not times or regex.sub(r"[\s,，、及和and&]", "", leftover):
        return None
    return _code("daily") if len(times) == 1 else Frequency("intraday", None)


def _event(key: str) -> Frequency | None:
    if regex.match(r"^(?:在|於|當|每當).+(?:時|後)$", key) or regex.match(
        r"^(?:when|whenever|upon|on|after)\s+.+", key
    ):
        return _code("event_driven")
    return None


def _alternatives(key: str) -> Frequency | None:
    pieces = [p for p in regex.split(r"\s*(?:/|／|\bor\b|或)\s*", key) if p]
    if len(pieces) < 2:
        return None
    parsed = [_parse_key(p) for p in pieces]
    if any(p is None for p in parsed):
        return None
    parts = tuple(FrequencyPart(None, p.code, p.interval) for p in parsed if p is not None)
    codes = {p.frequency for p in parts}
    if len(codes) == 1:
        return Frequency(codes.pop(), parts[0].interval, parts)
    return Frequency("varies", None, parts)


# --- durations ------------------------------------------------------------------------------------

# Canonical durations (designator, amount) → code. Amounts are in the coarsest whole unit.
_PERIODIC = {
    ("D", Fraction(1)): "daily",
    ("D", Fraction(7, 2)): "semiweekly",
    ("W", Fraction(1)): "weekly",
    ("W", Fraction(2)): "biweekly",
    ("M", Fraction(1, 2)): "semimonthly",
    ("M", Fraction(1)): "monthly",
    ("M", Fraction(2)): "bimonthly",
    ("M", Fraction(3)): "quarterly",
    ("M", Fraction(4)): "three_times_a_year",
    ("M", Fraction(6)): "semiannual",
    ("Y", Fraction(1)): "annual",
    ("Y", Fraction(2)): "biennial",
    ("Y", Fraction(3)): "triennial",
}
# How to express a fraction of a unit in the next finer one, and a multiple in the next coarser one.
_FINER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
_COARSER = {"M": ("Y", 12), "D": ("W", 7), "S": ("MIN", 60), "MIN": ("H", 60)}


def _from_duration(amount: Fraction, unit_word: str) -> Frequency | None:
    designator, count, is_time = _units()[unit_word]
    unit = "MIN" if is_time and designator == "M" else designator
    amount *= count
    while amount.denominator != 1 and unit in _FINER and unit != "M":
        unit, factor = _FINER[unit]
        amount *= factor
    while unit in _COARSER and amount % _COARSER[unit][1] == 0:
        unit, factor = _COARSER[unit]
        amount /= factor
    if amount <= 0:
        return None
    number = str(amount.numerator) if amount.denominator == 1 else str(float(amount))
    if unit in ("H", "MIN", "S"):
        return Frequency("intraday", f"R/PT{number}{'M' if unit == 'MIN' else unit}")
    interval = f"R/P{number}{unit}"
    code = _PERIODIC.get((unit, amount))
    if code is None and unit == "Y" and amount > 3:
        code = "multiyear"
    return Frequency(code, interval) if code else None


def _code(code: str) -> Frequency:
    return Frequency(code, frequency_codes()[code].iso8601)
