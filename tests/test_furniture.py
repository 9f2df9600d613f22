"""Running headers and footers (read/furniture.py): a line at the same place atop (or at the foot
of) two or more pages, clear of the body, is left out; anything else is kept."""

from __future__ import annotations

from plan_extract.model import Block, Box, TableRow, TextLine, Where
from plan_extract.read.furniture import running_text, without_running_lines, without_running_text


def _line(text: str, page: int, top: float, height: float = 12.0) -> TextLine:
    return TextLine(text, Where(page=page, boxes=(Box(page, 72.0, top, 300.0, top + height),)))


def _row(page: int, top: float) -> TableRow:
    box = Box(page, 72.0, top, 500.0, top + 30.0)
    return TableRow(cells=(("1.",), ("Street Name",)), where=Where(page=page, boxes=(box,)))


def _texts(blocks: list[Block]) -> list[str]:
    return [b.text if isinstance(b, TextLine) else "row" for b in blocks]


def test_a_department_name_atop_every_page_is_left_out() -> None:
    pages: list[list[Block]] = [
        [
            _line("Lands Department", 1, 36),
            _line("Lands Department (LandsD)", 1, 72),
            _line("A. Datasets to be released in 2020", 1, 100),
            _row(1, 130),
        ],
        [_line("Lands Department", 2, 36.5), _row(2, 72), _row(2, 102)],
        [_line("Lands Department", 3, 36), _line("D. Progress", 3, 72), _row(3, 100)],
    ]
    assert _texts(without_running_lines(pages)) == [
        "Lands Department (LandsD)",
        "A. Datasets to be released in 2020",
        "row",
        "row",
        "row",
        "D. Progress",
        "row",
    ]


def test_footers_and_two_line_headers_whatever_they_say() -> None:
    def page(number: int) -> list[Block]:
        return [
            _line("Restricted", number, 20),
            _line("Version 2 (12/2019)", number, 34),
            _row(number, 72),
            _line(f"Page {number} of 2", number, 780),
            _line("Printed on 3.12.2019", number, 800),
        ]

    assert _texts(without_running_lines([page(1), page(2)])) == ["row", "row"]


def test_a_line_on_one_page_or_at_other_places_is_kept() -> None:
    one = [[_line("Lands Department", 1, 36), _row(1, 72)], [_row(2, 72)]]
    assert _texts(without_running_lines(one)) == ["Lands Department", "row", "row"]
    moved = [[_line("Note", 1, 36), _row(1, 72)], [_line("Note", 2, 60), _row(2, 90)]]
    assert _texts(without_running_lines(moved)) == ["Note", "row", "Note", "row"]


def test_a_header_printed_as_text_where_the_body_begins_is_kept() -> None:
    """A table's header read as a line of text atop two pages, where the first page's body
    begins at the same height: not clear of the body, so not a running line."""
    header = "Item Dataset Name Target Release Date"
    pages: list[list[Block]] = [
        [_line("Lands Department (LandsD)", 1, 72), _row(1, 100)],
        [_line(header, 2, 72), _row(2, 90)],
        [_line(header, 3, 72), _row(3, 90)],
    ]
    assert _texts(without_running_lines(pages)).count(header) == 2


def test_lines_without_a_place_are_kept() -> None:
    """Text files' lines have no boxes: nothing is taken for a running line there."""
    pages: list[list[Block]] = [
        [TextLine("Lands Department", Where(line=1))],
        [TextLine("Lands Department", Where(line=9))],
    ]
    assert _texts(without_running_lines(pages)) == ["Lands Department"] * 2


def _text_pages(*pages: str) -> list[list[tuple[int, str]]]:
    return [list(enumerate(page.split("\n"), start=1)) for page in pages]


def test_text_a_running_header_is_every_pages_first_line() -> None:
    pages = _text_pages(
        "          Lands Department\n\nLands Department (LandsD)\nA. Datasets",
        "\n          Lands Department\n1.  Street Name   Monthly",
        "",  # pdftotext ends the last page with a form feed
    )
    header = running_text(pages)
    assert header == ["landsdepartment"]
    assert [text.strip() for _, text in without_running_text(pages[1], header)] == [
        "",
        "1.  Street Name   Monthly",
    ]
    assert without_running_text(pages[0], header)[1:] == pages[0][2:]


def test_text_a_header_repeated_after_the_first_page_or_digits_are_kept() -> None:
    repeated = _text_pages(
        "Lands Department (LandsD)\nItem  Dataset Name",
        "Item  Dataset Name\n1.  Street Name",
        "Item  Dataset Name\n2.  Land Sale Records",
    )
    assert running_text(repeated) == []
    assert running_text(_text_pages("2021\nA. Datasets", "2021\n1.  Street Name")) == []
    assert running_text(_text_pages("Lands Department\nA. Datasets")) == []
