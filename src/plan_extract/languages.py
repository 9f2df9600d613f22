"""Plans that print every value in Chinese and English in the same cell → one document per language.

Some departments publish one bilingual plan instead of two: 「每月 Monthly」, 「資訊科技 Information
Technology」, a Chinese line over its English line in each cell. Read as one document it would be
one garbled language; split, each version goes through the same stages as any plan and
``bilingual.*`` pairs the two like separately published versions.

The split works on the reader's blocks, before structure: in each cell, lines with Han characters
are Chinese, lines with Latin letters and no Han are English, the rest (dates, numbers, 「/」) are
both; a single line with a Chinese head and an English tail is cut where the English starts. A
plain English cell in a bilingual plan ("CSV", "Q1 2022") belongs to both versions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

import regex

from .columns import header_columns
from .model import Block, Cell, Document, TableRow, TextLine, blocks_text
from .normalise.dates import parse_release_date
from .normalise.memo import text_cache
from .normalise.numerals import parse_item_no
from .normalise.remarks import format_tokens
from .normalise.text import han_and_latin
from .words import carried_on

# A Chinese head (ending in Han or closing punctuation) and an English tail with no Han; the tail
# may start with a value both print ("2019/05 註：上月數據 2019/05 Note: Data of the previous month").
_HEAD_TAIL = regex.compile(
    r"^(?P<zh>.*[\p{Han}」』）】。：](?:\s*[(（][^()（）\p{Han}]*[)）])?[^\p{Latin}\p{Han}]*?)"
    r"\s+(?P<en>[\p{Latin}(\[\d][^\p{Han}]*)$"
)
_WORD = regex.compile(r"\p{Ll}{2,}|^\p{Ll}+$")  # a word, or the end of one ("Developmen" / "t")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")
_LAST_CHARACTER = regex.compile(r"\S(?=\s*$)")
# A heading's label ("A.", "(1)") that the English half must keep when only the Chinese has it.
_LABEL = regex.compile(
    r"^\s*(?:[A-DＡ-Ｄ]\s*[.．、:：)）]|[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[)）])\s*"
)
_ANNOTATION = regex.compile(r"\s*[(（](?P<inner>[^()（）\p{Han}]*)[)）]$")
MAX_VALUE = 2000  # characters
SAMPLE = 300  # Chinese values looked at, at most
MIN_VALUES = 4  # Chinese values seen before deciding
BILINGUAL_SHARE = 0.5  # share of Chinese body cells that carry an English half
_LABEL_LENGTH = 8  # characters an item label has at most (「（二十一）」)


@text_cache(maxsize=4096)
def split_text(text: str) -> tuple[str, str] | None:
    """(Chinese, English) halves of a one-line bilingual value, or ``None`` if it is not one.

    Cached: a bilingual plan repeats its values (「每月 Monthly」) in every table."""
    if len(text) > MAX_VALUE:  # no cell value is this long; the pattern backtracks on huge lines
        return None
    if not _LATIN.search(text):
        return None  # no English half (the pattern would find none, more slowly)
    m = _HEAD_TAIL.match(text.strip())
    if not m or not _HAN.search(m["zh"]) or not _LATIN.search(m["en"]):
        return None
    zh, en = m["zh"].strip(), m["en"].strip()
    annotation = _ANNOTATION.search(en)
    if annotation and format_tokens(annotation["inner"]) and not _ANNOTATION.search(zh):
        zh += annotation.group()  # "本地天氣預報 Local weather forecast (JSON)": formats for both
    label = _LABEL.match(zh)
    if label and not _LABEL.match(en):
        en = label.group().strip() + " " + en
    return zh, en


def _split_cell(cell: Cell, before: Cell = (), before_en: Cell = ()) -> tuple[Cell, Cell]:
    """A cell's Chinese and English pieces (shared pieces in both). ``before`` and ``before_en``:
    the Chinese and English halves of the cell's lines before, where this goes on with a row (a
    row a page break cut, a table giving a row per line)."""
    if len(cell) > 1 and parse_item_no("".join(cell)) is not None:
        return cell, cell  # an item label wrapped in a narrow column (「（一」 / 「）」)
    zh: list[str] = []
    en: list[str] = []
    has_han = any(_HAN.search(p) for p in cell)
    # English words and no Han: the cell's English half alone (its Chinese half is on the page
    # before), so a value in it ("30.09.2023" above "Note: …") is the English half's copy
    values_to = (
        (en,) if not has_han and any(_LATIN.search(p) and _is_prose(p) for p in cell) else (zh, en)
    )
    seen_han = any(_HAN.search(p) for p in before)
    # the English half of the cell has begun on a line above: "API" under "Coordinates
    # Transformation" is its end, not a format both halves print
    english_begun = any(_is_prose(p) for p in before_en)
    for index, piece in enumerate(cell):
        halves = split_text(piece)
        if (
            index == 0
            and not english_begun
            and (parse_item_no(piece) is not None or _cut_label(piece))
        ):
            # 「（一）」, 「三、」 number both versions' items; further down a cell, or on the
            # next line of a row whose English half has begun, "I" or "II" ends a wrapped
            # English name ("… List - Part" / "I"), it numbers nothing
            zh.append(piece)
            en.append(piece)
        elif halves:
            zh.append(halves[0])
            en.append(halves[1])
        elif _HAN.search(piece):
            zh.append(piece)
            seen_han = True
        elif _LATIN.search(piece) and (has_han or english_begun or _is_prose(piece)):
            en.append(piece)
        else:  # a value both halves print ("CSV", "03/2022"): in each, unless it is there already
            # (after Chinese text, a value the Chinese half printed on the page before is the
            # English half's copy: "07/2025 註：視乎系" / page break / "…而定", "07/2025", "Note: …")
            english = seen_han and _holds(list(before), piece)
            for half in (en,) if english else values_to:
                if not _holds([*before_en, *half] if half is en else half, piece):
                    half.append(piece)
    return tuple(zh), tuple(en)


_CLOSING = {"(": ")", "（": "）"}


def _cut_label(piece: str) -> bool:
    """An item label cut after its number (「（二」, its 「）」 on the next line), which both
    versions print: a Chinese numeral is no Chinese text."""
    closing = _CLOSING.get(piece.strip()[:1])
    return closing is not None and parse_item_no(piece + closing) is not None


def _holds(half: list[str], piece: str) -> bool:
    """Whether a language's half of a cell already has ``piece`` as whole words: a cell that
    prints its value in each language ("03/2022 註：…" then "03/2022 Note: …") wraps the second
    copy onto a line of its own, which belongs to the second half only."""
    words = piece.split()
    return bool(words) and f" {' '.join(words)} " in f" {' '.join(' '.join(half).split())} "


def _is_prose(piece: str) -> bool:
    """English words, not a value both versions print ("CSV", "Q1 2022", "Dec-20"): the English
    half of a cell whose Chinese half is on the previous page, say."""
    return bool(_WORD.search(piece)) and parse_release_date(piece) is None


def _is_header(row: TableRow) -> bool:
    return header_columns([" ".join(" ".join(cell).split()) for cell in row.cells]) is not None


def _with_wraps_joined(blocks: list[Block]) -> Iterator[Block]:
    """The blocks, each table row with the rows under it that wrap its cells joined to it (rows
    of the same table whose cell is empty where its first line has the item label): a table
    without rules between the lines of a row gives a row per line, the Chinese line of a cell in
    one and its English line in the next, and only the joined cell shows both halves. A table
    without item numbers does not say which lines are one row's: its rows stay apart."""
    row: TableRow | None = None
    first: TableRow | None = None  # the first line of the row being joined
    for block in blocks:
        if (
            isinstance(block, TableRow)
            and row is not None
            and first is not None
            and block.table == first.table
            and _continues(block, first)
        ):
            row = replace(
                row, cells=tuple(a + b for a, b in zip(row.cells, block.cells, strict=True))
            )
            continue
        if row is not None:
            yield row
        row = first = block if isinstance(block, TableRow) else None
        if row is None:
            yield block
    if row is not None:
        yield row


# Latin letters per Han character a bilingual plan has at least (the bilingual fixtures: 3.3+)
LATIN_PER_HAN = 0.5


def _too_few_latin_letters(document: Document) -> bool:
    """Whether the plan's text has no Han at all, or under LATIN_PER_HAN Latin letters a Han
    character: it cannot be bilingual, and the cell by cell look is spared (most of a small
    Chinese plan's language check: the letters of its format names, "CSV", "JSON", are a tenth
    of its Han). A bilingual plan prints an English half beside most Chinese values, and English
    takes more letters than Chinese characters to say the same (「運動場」, "Sports Grounds")."""
    han, latin = han_and_latin(blocks_text(document.blocks))
    return not han or latin < LATIN_PER_HAN * han


def is_bilingual(document: Document) -> bool:
    """Whether most Chinese values (table cells, headings, titles) carry an English half.

    An English half may also be a cell of its own: a table without item numbers read a line at a
    time (no rules between a row's lines) gives the Chinese lines of a row and then its English
    lines as rows of their own, which nothing joins. So in each column, cells of English words
    and no Han pair with its Chinese cells without an English half, each pair one bilingual value
    (random Word layouts, seed 709: "延長租契" / "Lease Extension"). A Chinese plan prints few
    such cells (a name in English now and then); Chinese item labels (「一、」, 「（一）」) are no
    Chinese text (an English plan numbers its rows so, its grouping rows English beside them).
    A plan with too few Latin letters for it is not looked at cell by cell
    (:func:`_too_few_latin_letters`)."""
    return not _too_few_latin_letters(document) and _bilingual_by_cells(document)


def _bilingual_by_cells(document: Document) -> bool:
    """:func:`is_bilingual`, cell by cell (its Latin letters count aside)."""
    chinese = bilingual = 0
    # per column: Chinese cells without an English half, and cells of English words alone
    # paired with them
    unpaired: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for block in _with_wraps_joined(document.blocks):
        if chinese >= SAMPLE:
            break  # enough evidence: a long plan is decided by its first pages
        if isinstance(block, TextLine):
            if _HAN.search(block.text):
                chinese += 1
                bilingual += split_text(block.text) is not None
            continue
        texts = ["\n".join(cell) for cell in block.cells[:SAMPLE]]  # one search per cell
        han = [_HAN.search(text) is not None for text in texts]
        # English cells count once Chinese ones have come (an English plan asks no more); a
        # plan in one language may still label its columns in two
        if not (chinese or any(han)) or _is_header(block):
            continue
        for column, (cell, text, has_han) in enumerate(zip(block.cells, texts, han, strict=False)):
            if not has_han:
                counts = unpaired.get(column)
                # an English cell pairs with a Chinese one above it in its column
                if counts and counts[0] > counts[1] and any(map(_is_prose, cell)):
                    counts[1] += 1
                continue
            if len(text) <= _LABEL_LENGTH and (
                parse_item_no("".join(cell)) is not None or _cut_label(text)
            ):
                continue  # 「一、」, 「（一）」, 「（一」 cut: an item label, not Chinese text
            chinese += 1
            if _LATIN.search(text):  # no English half without a Latin letter: spare the split
                zh, en = _split_cell(cell)
                if zh and en and zh != en and any(_LATIN.search(p) for p in en):
                    bilingual += 1
                    continue
            unpaired[column][0] += 1
    bilingual += sum(min(counts) for counts in unpaired.values())
    return chinese >= MIN_VALUES and bilingual >= BILINGUAL_SHARE * chinese


def _is_body_row(block: Block) -> bool:
    """A table row but a header (a header repeated at the top of a page does not end the row
    its page break cut: that row goes on below it)."""
    return isinstance(block, TableRow) and not _is_header(block)


_RowSoFar = tuple[TableRow, tuple[Cell, ...], tuple[Cell, ...]]  # first line, zh and en halves


def _read_on(row_so_far: _RowSoFar | None, zh: TableRow, en: TableRow) -> _RowSoFar:
    """The row being read with a row's halves added, or that row, where it starts one."""
    if row_so_far is None or not _continues(zh, row_so_far[0]):
        return zh, zh.cells, en.cells
    first, zh_cells, en_cells = row_so_far
    return (
        first,
        tuple(a + b for a, b in zip(zh_cells, zh.cells, strict=True)),
        tuple(a + b for a, b in zip(en_cells, en.cells, strict=True)),
    )


def _continues(row: TableRow, first: TableRow) -> bool:
    """Whether ``row`` goes on with the row whose first line is ``first``: its cell is empty
    where ``first`` has its item label, or holds the rest of a label ``first`` has cut (「（一」
    over a page break, 「）」 under it), and it is in the same table (a table without rules
    between a row's lines gives a row per line) or on a later page (the rest of a row a page
    break cut, under the repeated header)."""
    if len(first.cells) != len(row.cells):
        return False
    page, first_page = row.where.page, first.where.page
    later = page is not None and first_page is not None and page > first_page
    if not later and row.table != first.table:
        return False
    for cell, cell_above in zip(row.cells, first.cells, strict=True):
        text, above = "".join(cell).strip(), "".join(cell_above)
        if not text and parse_item_no(above) is not None:
            return True
        if text and _cut_label(above) and parse_item_no(above + text) is not None:
            return True
    return False


def _split_block(
    block: Block, row_so_far: _RowSoFar | None = None, above: Block | None = None
) -> tuple[Block | None, Block | None]:
    """A block's Chinese and English versions; ``row_so_far``: the table row being read (its
    first line) and its cells' halves so far, for a block that goes on with it; ``above``: the
    block before it."""
    if isinstance(block, TableRow):
        if row_so_far is not None and _continues(block, row_so_far[0]):
            _, zh_before, en_before = row_so_far
            halves = [
                _split_cell(cell, zh_before[i], en_before[i]) for i, cell in enumerate(block.cells)
            ]
        else:
            halves = [_split_cell(cell) for cell in block.cells]
        return (
            replace(block, cells=tuple(zh for zh, _ in halves)),
            replace(block, cells=tuple(en for _, en in halves)),
        )
    halves_text = split_text(block.text)
    if halves_text:
        return TextLine(halves_text[0], block.where), TextLine(halves_text[1], block.where)
    if _HAN.search(block.text):
        return block, None
    if _LATIN.search(block.text):
        return None, block
    return _neutral_line(block, above)


def _neutral_line(line: TextLine, above: Block | None) -> tuple[Block | None, Block | None]:
    """A line of neither script (a year, a number): the rest of the line of text above it where
    that one stops on a letter, mid-sentence, and so goes with that letter's language ("B. 在2025年
    及2026年發放的部門數據集 Departmental datasets to be released in 2025 and" / "2026": random HTML
    layouts, seed 4036; in both versions, the Chinese took "2026" for a category); else in both."""
    if isinstance(above, TextLine):
        last = _LAST_CHARACTER.search(above.text)
        if last is not None and _HAN.match(last.group()):
            return line, None
        if last is not None and _LATIN.match(last.group()):
            return None, line
    return line, line


def _name_column(header: TableRow) -> int | None:
    """The column of the names (dataset names, or categories and names) of a table whose header
    is ``header``, where the table has no item column; None where it has one, or no names."""
    columns = header_columns([" ".join(" ".join(cell).split()) for cell in header.cells])
    if columns is None or "item_no" in columns.roles:
        return None
    for role in ("dataset_name", "category_name"):
        if (index := columns.index(role)) is not None:
            return index
    return None


def _is_grouping_line(row: TableRow) -> bool:
    """One cell holding both halves of a value (「發展 Development」): a category printed as a
    grouping row."""
    filled = [cell for cell in row.cells if "".join(cell).strip()]
    return len(filled) == 1 and len(filled[0]) == 1 and split_text(filled[0][0]) is not None


def _goes_on_line(line: TableRow, row: TableRow, name: int) -> bool:
    """Whether ``line``, of a bilingual table without item numbers read a line at a time, goes on
    with ``row`` (its lines so far): it is a line of the same table, and its name cell holds no
    Chinese (the row's English half, or a wrap of its other cells), or goes on with a Chinese
    name the row has no English for yet (「香港特別行政區的數碼」 / 「地形模型」). A Chinese name
    after an English one (or none) begins the next row."""
    if line.table != row.table or len(line.cells) != len(row.cells):
        return False
    if any(len(cell) > 1 for cell in line.cells) or _is_grouping_line(line):
        return False  # a row of cells over several lines, or a category: not a line of a row
    if not _HAN.search("".join(line.cells[name])):
        return True
    names = row.cells[name]
    return bool(names) and bool(_HAN.search(names[-1])) and not _LATIN.search(names[-1])


def _lines_joined(blocks: list[Block]) -> Iterator[Block]:
    """The blocks, each row of a bilingual table without item numbers whose lines the reader gave
    as rows of their own (no rules between a row's lines) joined into one: nothing else tells
    which Chinese and English lines are one row's (random Word layouts, seed 709: the English
    copy of a date, 「2/2024」 after the Chinese note, began a row of its own). Rows of tables
    with item numbers are left to :func:`_continues`."""
    name: int | None = None
    header_table: int | None = None
    row: TableRow | None = None
    for block in blocks:
        header = isinstance(block, TableRow) and _is_header(block)
        if header and isinstance(block, TableRow):
            # a header's later lines may label no name column ("Target" / "Format" under
            # 「目標發放日」 / "Data"): the table's first header line says where its names are
            found = _name_column(block)
            if found is not None or block.table != header_table:
                name = found
            header_table = block.table
        elif (
            isinstance(block, TableRow)
            and row is not None
            and name is not None
            and _goes_on_line(block, row, name)
        ):
            where = replace(row.where, boxes=row.where.boxes + block.where.boxes)
            cells = tuple(
                tuple(carried_on(a, b)) for a, b in zip(row.cells, block.cells, strict=True)
            )
            row = replace(row, cells=cells, where=where)
            continue
        if row is not None:
            yield row
            row = None
        if isinstance(block, TableRow) and name is not None and not header:
            row = block
        else:
            yield block
    if row is not None:
        yield row


def split_languages(document: Document) -> list[tuple[str, Document]]:
    """``[("", document)]`` for a plan in one language; for a bilingual-cell plan, its Chinese
    and English versions, tagged ``zh-hant`` and ``en`` (the reader's problems go with the first)."""
    if not is_bilingual(document):
        return [("", document)]
    zh_blocks: list[Block] = []
    en_blocks: list[Block] = []
    row_so_far: _RowSoFar | None = None
    above: Block | None = None
    for block in _lines_joined(document.blocks):
        zh, en = _split_block(block, row_so_far, above)
        above = block
        if _is_body_row(block) and isinstance(zh, TableRow) and isinstance(en, TableRow):
            row_so_far = _read_on(row_so_far, zh, en)
        if zh is not None:
            zh_blocks.append(zh)
        if en is not None:
            en_blocks.append(en)
    return [
        ("zh-hant", Document(document.source, zh_blocks, document.problems)),
        ("en", Document(document.source, en_blocks, [])),
    ]
