"""Running headers and footers (read/furniture.py): a line at the same place atop (or at the foot
of) two or more pages, clear of the body, is left out; anything else is kept."""

from __future__ import annotations

from plan_extract.model import Box, TextLine, Where
from plan_extract.read.furniture import (
    EdgeLine,
    RunningLines,
    running_text,
    without_running_text,
)
from plan_extract.read.page import Char, without_running


def _chars(text: str, top: float, x0: float = 72.0, size: float = 10.0) -> list[Char]:
    return [
        Char(ch, x0 + 6 * i, top, x0 + 6 * i + 5, top + size, size) for i, ch in enumerate(text)
    ]


def _page(*lines: tuple[str, float]) -> list[Char]:
    return [char for text, top in lines for char in _chars(text, top)]


def _text(chars: list[Char]) -> list[str]:
    """The lines left, top to bottom."""
    tops = sorted({char.top for char in chars})
    return ["".join(c.text for c in chars if c.top == top) for top in tops]


BODY = [("1. Street Name", 72.0), ("2. Land Sale Records", 86.0), ("3. Lease Extension", 100.0)]


def test_a_department_name_atop_every_page_is_left_out() -> None:
    running = RunningLines()
    first = without_running(_page(("Lands Department", 36.0), ("Lands Department (LandsD)", 72.0),
                                  *BODY[1:]), running)  # fmt: skip
    second = without_running(_page(("Lands Department", 36.5), *BODY), running)
    assert _text(first)[0] == "Lands Department"  # the first page cannot tell yet
    assert _text(second) == [text for text, _ in BODY]
    # the first page's copy, a text line by then, is left out at the end
    line = TextLine("Lands Department", Where(page=1, boxes=(Box(1, 72, 36, 168, 46),)))
    kept = TextLine("Lands Department (LandsD)", Where(page=1, boxes=(Box(1, 72, 72, 222, 82),)))
    assert running.without_earlier([[line, kept], []]) == [kept]


def test_footers_and_two_line_headers_whatever_they_say() -> None:
    running = RunningLines()
    pages = [
        _page(("Restricted", 20.0), ("Version 2 (12/2019)", 34.0), *BODY,
              (f"Printed on {n}.12.2019", 800.0))
        for n in (3, 4)
    ]  # fmt: skip
    without_running(pages[0], running)
    assert _text(without_running(pages[1], running)) == [text for text, _ in BODY]


def test_a_line_near_the_body_elsewhere_or_of_digits_is_kept() -> None:
    """A table's header repeated atop each page is a line's spacing from the rows under it; a
    line at another height is not the same line; "2021" may end two pages."""
    header = ("Item Dataset Name Target Release Date", 58.0)
    moved = [_page(("Note", 36.0), *BODY), _page(("Note", 50.0), *BODY)]
    digits = [_page(*BODY, ("2021", 130.0)), _page(*BODY, ("2021", 130.0))]
    for pages in ([_page(header, *BODY), _page(header, *BODY)], moved, digits):
        running = RunningLines()
        assert [len(without_running(page, running)) for page in pages] == [
            len(page) for page in pages
        ]


def test_only_edge_lines_apart_from_the_body_count() -> None:
    running = RunningLines()
    far = EdgeLine("Lands Department", 36.0, 46.0, 26.0)
    near = EdgeLine("Lands Department", 36.0, 46.0, 4.0)
    assert running.running([near], top=True) == 0
    assert running.running([near], top=True) == 0  # seen before, but close to the body
    assert running.running([far], top=True) == 1
    assert running.running([far], top=False) == 0  # a footer is not a header
    digits = EdgeLine("2021", 36.0, 46.0, 26.0)
    assert [running.running([digits], top=True) for _ in range(2)] == [0, 0]


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


def test_a_title_line_saying_what_the_running_header_says() -> None:
    """The first page's own first line of text may say what its running header says: both are
    remembered, and the next page's header meets the header's place, not the title's."""
    running = RunningLines()
    title = [("地政總署 Lands Department", 36.0), ("地政總署 Lands Department", 72.0)]
    without_running(_page(*title, *BODY[1:]), running)
    second = without_running(_page(("地政總署 Lands Department", 36.0), *BODY), running)
    assert _text(second) == [text for text, _ in BODY]


def test_a_page_of_only_its_running_header_and_page_number_is_left_empty() -> None:
    """Random Word layouts with looks, seed 2072: a page holding nothing but the department's
    name atop it and its page number (the table's last row ended the page before, and Word began
    a page after it) kept its header: a page of two lines was taken for one without a body to
    stand apart from, and the header was read as the rest of the table's last row ("換地交易地政
    總署"). Its gap to the page number sets it apart; the page before says what it is."""
    running = RunningLines()
    without_running(_page(("地政總署", 36.0), *BODY), running)
    assert _text(without_running(_page(("地政總署", 36.0), ("2", 560.0)), running)) == ["2"]
    # a page of one line keeps it
    assert _text(without_running(_page(("地政總署", 36.0)), running)) == ["地政總署"]


def test_a_footnote_the_page_refers_to_is_kept_though_two_pages_end_with_it() -> None:
    """HTML layouts as PDF, seed 4897: two pages end with the same footnote under their tables,
    at one height by chance. A line that starts with a footnote marker the page prints elsewhere
    (「流感速遞數據¹」) is that footnote, not a running footer; a footer starting with a marker no
    value on the page carries, or a page number before a title, still is one."""
    note = ("¹ 數字為臨時數字", 520.0)
    pages = [_page(("1. 流感速遞數據¹", 72.0), *BODY[1:], note) for _ in range(3)]
    running = RunningLines()
    assert [_text(without_running(page, running))[-1] for page in pages] == [note[0]] * 3
    footers = [_page(*BODY, ("* 只供內部參考", 520.0)), _page(*BODY, ("* 只供內部參考", 520.0))]
    running = RunningLines()
    assert [len(without_running(page, running)) for page in footers] == [
        len(footers[0]),
        len(footers[1]) - len("* 只供內部參考"),
    ]
