"""The wordings a plan is printed in: item labels, release dates, header labels, titles, formats.

Each date wording knows its precision and the month its promise falls due (the last month of the
period), so the truth of a generated row never depends on the extractor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ORDINALS = ("First", "Second", "Third", "Fourth")
_ZH_DIGITS = "〇一二三四五六七八九"
_LAST_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def zh_number(n: int) -> str:
    """一 … 十, 十一 … 九十九: how Chinese plans count items and months."""
    tens, units = divmod(n, 10)
    if not tens:
        return _ZH_DIGITS[units]
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[units] if units else "")


def zh_year(year: int) -> str:
    return "".join(_ZH_DIGITS[int(d)] for d in str(year))


def roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


NUMBERING: dict[str, Callable[[int, str], str]] = {
    "1": lambda n, s: str(n),
    "1.": lambda n, s: f"{n}.",
    "(1)": lambda n, s: f"({n})",
    "1)": lambda n, s: f"{n})",
    "（一）": lambda n, s: f"（{zh_number(n)}）",
    "一、": lambda n, s: f"{zh_number(n)}、",
    "A1": lambda n, s: f"{s}{n}",
    "A-1": lambda n, s: f"{s}-{n}",
    "i": lambda n, s: roman(n),
    "(iv)": lambda n, s: f"({roman(n)})",
    "１": lambda n, s: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
}


def item_label(style: str, number: int, letter: str) -> str | None:
    return None if style == "none" else NUMBERING[style](number, letter)


@dataclass(frozen=True)
class Wording:
    language: str  # any, en, zh
    precision: str  # day, month, quarter, half, year, unknown
    text: Callable[[int, int, int], str]  # (year, period, day) → the printed date
    month: Callable[[int], int | None]  # period → the month the promise falls due
    yearless: bool = False  # takes the year of the section's title


def _w(lang: str, precision: str, text: Callable[[int, int, int], str], **kw: object) -> Wording:
    month = kw.get("month")
    if month is None:
        month = {
            "quarter": lambda p: 3 * p,
            "half": lambda p: 6 * p,
            "year": lambda p: 12,
            "unknown": lambda p: None,
        }.get(precision, lambda p: p)
    return Wording(lang, precision, text, month, bool(kw.get("yearless", False)))  # type: ignore[arg-type]


WORDINGS: dict[str, Wording] = {
    "MM/YYYY": _w("any", "month", lambda y, p, d: f"{p:02d}/{y}"),
    "M/YYYY": _w("any", "month", lambda y, p, d: f"{p}/{y}"),
    "YYYY/MM": _w("any", "month", lambda y, p, d: f"{y}/{p:02d}"),
    "YYYY-MM": _w("any", "month", lambda y, p, d: f"{y}-{p:02d}"),
    "MM.YYYY": _w("any", "month", lambda y, p, d: f"{p:02d}.{y}"),
    "Month YYYY": _w("en", "month", lambda y, p, d: f"{MONTHS[p - 1]} {y}"),
    "Mon YYYY": _w("en", "month", lambda y, p, d: f"{MONTHS[p - 1][:3]} {y}"),
    "Mon-YY": _w("en", "month", lambda y, p, d: f"{MONTHS[p - 1][:3]}-{y % 100:02d}"),
    "Mon. YYYY": _w("en", "month", lambda y, p, d: f"{MONTHS[p - 1][:3]}. {y}"),
    "Before MM/YYYY": _w("en", "month", lambda y, p, d: f"Before {p:02d}/{y}"),
    "於年月": _w("zh", "month", lambda y, p, d: f"於{y}年{p}月"),
    "約年月": _w("zh", "month", lambda y, p, d: f"約{y}年{p}月"),
    "年月前": _w("zh", "month", lambda y, p, d: f"{y}年{p}月前"),
    "YYYY年M月": _w("zh", "month", lambda y, p, d: f"{y}年{p}月"),
    "〇年月": _w("zh", "month", lambda y, p, d: f"{zh_year(y)}年{zh_number(p)}月"),
    "DD.MM.YYYY": _w("any", "day", lambda y, p, d: f"{d:02d}.{p:02d}.{y}"),
    "DD/MM/YYYY": _w("any", "day", lambda y, p, d: f"{d:02d}/{p:02d}/{y}"),
    "By DD.MM.YYYY": _w("en", "day", lambda y, p, d: f"By {d:02d}.{p:02d}.{y}"),
    "D Month YYYY": _w("en", "day", lambda y, p, d: f"{d} {MONTHS[p - 1]} {y}"),
    "Month D, YYYY": _w("en", "day", lambda y, p, d: f"{MONTHS[p - 1]} {d}, {y}"),
    "On or before DD/MM/YYYY": _w("en", "day", lambda y, p, d: f"On or before {d:02d}/{p:02d}/{y}"),
    "年月日或之前": _w("zh", "day", lambda y, p, d: f"{y}年{p}月{d}日或之前"),
    "Qn YYYY": _w("en", "quarter", lambda y, p, d: f"Q{p} {y}"),
    "Nth quarter of YYYY": _w("en", "quarter", lambda y, p, d: f"{ORDINALS[p - 1]} quarter of {y}"),
    "年第n季": _w("zh", "quarter", lambda y, p, d: f"{y}年第{zh_number(p)}季"),
    "〇年第n季": _w("zh", "quarter", lambda y, p, d: f"{zh_year(y)}年第{zh_number(p)}季"),
    "年第n季度": _w("zh", "quarter", lambda y, p, d: f"{y}年第{p}季度"),
    "YYYY Qn": _w("en", "quarter", lambda y, p, d: f"{y} Q{p}"),
    "nQ YYYY": _w("en", "quarter", lambda y, p, d: f"{p}Q {y}"),
    "nth quarter YYYY": _w(
        "en", "quarter", lambda y, p, d: f"{('1st', '2nd', '3rd', '4th')[p - 1]} quarter {y}"
    ),
    "Early YYYY": _w("en", "quarter", lambda y, p, d: f"Early {y}", month=lambda p: 3),
    "Mid YYYY": _w("en", "quarter", lambda y, p, d: f"Mid {y}", month=lambda p: 6),
    "End of YYYY": _w("en", "quarter", lambda y, p, d: f"End of {y}", month=lambda p: 12),
    "Late YYYY": _w("en", "quarter", lambda y, p, d: f"Late {y}", month=lambda p: 12),
    "Year-end YYYY": _w("en", "quarter", lambda y, p, d: f"Year-end {y}", month=lambda p: 12),
    "Mid-YYYY": _w("en", "quarter", lambda y, p, d: f"Mid-{y}", month=lambda p: 6),
    "年初": _w("zh", "quarter", lambda y, p, d: f"{y}年初", month=lambda p: 3),
    "年底": _w("zh", "quarter", lambda y, p, d: f"{y}年底", month=lambda p: 12),
    "年年中": _w("zh", "quarter", lambda y, p, d: f"{y}年年中", month=lambda p: 6),
    "年初 (yearless)": _w(
        "zh", "quarter", lambda y, p, d: "年初", month=lambda p: 3, yearless=True
    ),
    "年尾 (yearless)": _w(
        "zh", "quarter", lambda y, p, d: "年尾", month=lambda p: 12, yearless=True
    ),
    "年中 (yearless)": _w(
        "zh", "quarter", lambda y, p, d: "年中", month=lambda p: 6, yearless=True
    ),
    "年底 (yearless)": _w(
        "zh", "quarter", lambda y, p, d: "年底", month=lambda p: 12, yearless=True
    ),
    "Mid-year (yearless)": _w(
        "en", "quarter", lambda y, p, d: "Mid-year", month=lambda p: 6, yearless=True
    ),
    "Third quarter (yearless)": _w(
        "en", "quarter", lambda y, p, d: "Third quarter", month=lambda p: 9, yearless=True
    ),
    "nth half of YYYY": _w("en", "half", lambda y, p, d: f"{ORDINALS[p - 1]} half of {y}"),
    "Hn YYYY": _w("en", "half", lambda y, p, d: f"H{p} {y}"),
    "nH YYYY": _w("en", "half", lambda y, p, d: f"{p}H {y}"),
    "年上/下半年": _w("zh", "half", lambda y, p, d: f"{y}年{'上下'[p - 1]}半年"),
    "下半年 (yearless)": _w(
        "zh", "half", lambda y, p, d: "下半年", month=lambda p: 12, yearless=True
    ),
    "YYYY": _w("any", "year", lambda y, p, d: f"{y}"),
    "Within YYYY": _w("en", "year", lambda y, p, d: f"Within {y}"),
    "年內": _w("zh", "year", lambda y, p, d: f"{y}年內"),
    "In YYYY": _w("en", "year", lambda y, p, d: f"In {y}"),
    "年": _w("zh", "year", lambda y, p, d: f"{y}年"),
    "TBC": _w("en", "unknown", lambda y, p, d: "TBC"),
    "TBD": _w("en", "unknown", lambda y, p, d: "TBD"),
    "To be confirmed": _w("en", "unknown", lambda y, p, d: "To be confirmed"),
    "待定": _w("zh", "unknown", lambda y, p, d: "待定"),
    "有待確定": _w("zh", "unknown", lambda y, p, d: "有待確定"),
}


@dataclass(frozen=True)
class Due:
    """When a row's dataset is due, and the wording its date cell uses."""

    wording: str
    year: int
    period: int = 1  # month (month, day), quarter, half; unused otherwise

    @property
    def day(self) -> int:
        return _LAST_DAY[self.period - 1] if self.year % 4 == 0 or self.period != 2 else 28

    def truth(self) -> tuple[str | None, str]:
        wording = WORDINGS[self.wording]
        month = wording.month(self.period)
        return (f"{self.year}-{month:02d}" if month else None), wording.precision


def date_text(due: Due, language: str) -> str:
    wording = WORDINGS[due.wording]
    if wording.language not in ("any", language):
        raise ValueError(f"date wording {due.wording!r} is not {language}")
    return wording.text(due.year, due.period, due.day)


def wordings_for(language: str, yearless: bool) -> list[str]:
    """Date wordings a plan in ``language`` may use (year-less ones only where allowed)."""
    return [
        key
        for key, w in WORDINGS.items()
        if w.language in ("any", language) and (yearless or not w.yearless)
    ]


# Header labels (English, Chinese) by column role; the unknown column's label is not in the
# extractor's vocabulary on purpose.
HEADER_LABELS = {
    "item": ("Item", "項目"),
    "category": ("Data Category", "數據種類"),
    "name": ("Dataset Name", "數據集名稱"),
    "category_name": ("Data Category / Dataset Name", "數據種類／數據集名稱"),
    "description": ("Dataset Description", "數據集描述"),
    "formats": ("Data Format", "數據格式"),
    "release_date": ("Target Release Date", "目標發放日期"),
    "release_date_d": ("Release Date", "發放日期"),
    "update_frequency": ("Update Frequency", "更新頻率"),
    "remarks": ("Remarks", "備註"),
    "extra": ("Contact Unit", "負責組別"),
}


def _annotation(formats: tuple[str, ...], language: str) -> str:
    if language == "en" or len(formats) == 1:
        body = formats[0] if len(formats) == 1 else f"{', '.join(formats[:-1])} and {formats[-1]}"
        return f"({body})" if language == "en" else f"（{body}）"
    return f"（{'、'.join(formats[:-1])}及{formats[-1]}）"


FORMATS_JOIN: dict[str, Callable[[tuple[str, ...], str], str]] = {
    "comma": lambda f, lang: ("、" if lang == "zh" else ", ").join(f),
    "slash": lambda f, lang: " / ".join(f),
    "lines": lambda f, lang: "\n".join(f),
    "annotation": _annotation,
}


def title_line(year: int, style: str, language: str) -> str:
    en = {
        "plain": f"Annual Open Data Plan {year}",
        "parenthesised": f"Annual Open Data Plan ({year})",
        "prefix": f"{year} Annual Open Data Plan",
    }[style]
    zh = {
        "plain": f"{year}年年度開放數據計劃",
        "parenthesised": f"年度開放數據計劃（{year}年）",
        "prefix": f"{year}年年度開放數據計劃",
    }[style]
    if language == "bilingual":
        return f"{zh} {en}"
    return en if language == "en" else zh


def section_title(
    letter: str, years: tuple[int, ...], style: str, language: str
) -> tuple[str, str]:
    """(English, Chinese) title of a section, the classic (2018) or later wording."""
    years_en = " and ".join(map(str, years))
    years_zh = "及".join(f"{y}年" for y in years)
    if style == "classic":
        titles = {
            "A": (
                f"Departmental datasets to be released in {years_en}",
                f"在{years_zh}發放的部門數據集",
            ),
            "B": (
                f"Departmental datasets to be released in {years_en}",
                f"在{years_zh}發放的部門數據集",
            ),
            "C": (
                "Datasets planned to be opened up by other organisations",
                "其他機構計劃開放的數據集",
            ),
            "D": (
                "Progress: datasets uploaded onto DATA.GOV.HK by departments and other organisations",
                "進度：部門及其他機構已上載「資料一線通」網站的數據集",
            ),
        }
    else:
        titles = {
            "A": (f"Datasets to be released in {years_en}", f"將於{years_zh}發放的數據集"),
            "B": (f"Datasets to be released in {years_en}", f"將於{years_zh}發放的數據集"),
            "C": ("Datasets to be released by other organisations", "其他機構將發放的數據集"),
            "D": ("Datasets already released", "已發放的數據集"),
        }
    return titles[letter]
