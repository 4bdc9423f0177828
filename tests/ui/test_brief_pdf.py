"""The brief's PDF as printed paper: rendered back to pixels with poppler's ``pdftoppm`` and
measured — body text at a readable height, the page used from margin to margin, Chinese fonts
embedded, A4 and Letter, and no entry split over two pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPageSize

from crmdesk.db import browse
from crmdesk.db.book import Book
from crmdesk.db.models import Contact
from crmdesk.db.sample import SampleIds
from crmdesk.ui.brief import brief_html, pdf_file_name, write_pdf

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed"
)
DPI = 150
LONG_NOTE = (
    "上次拜访时他提到集团明年要在华东新建三个物流园区，设备采购由他牵头，"
    "技术评审交给陈明，预算在三月份的董事会上定。"
) * 4


def _render(pdf: Path, tmp: Path, page: int = 1) -> QImage:
    out = tmp / f"page-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png", "-singlefile",
         str(pdf), str(out)],
        check=True, timeout=120,
    )  # fmt: skip
    image = QImage(str(out) + ".png")
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def _ink_rows_and_columns(image: QImage) -> tuple[list[bool], list[bool]]:
    w, h = image.width(), image.height()
    bits = image.constBits()
    stride = image.bytesPerLine()
    data = bytes(bits)
    rows = [False] * h
    cols = [False] * w
    for y in range(h):
        line = data[y * stride : y * stride + w]
        dark = [x for x in range(w) if line[x] < 160]
        if dark:
            rows[y] = True
            for x in (dark[0], dark[-1]):
                cols[x] = True
            for x in dark[:: max(1, len(dark) // 50)]:
                cols[x] = True
    return rows, cols


def _runs(flags: list[bool]) -> list[int]:
    runs, n = [], 0
    for flag in [*flags, False]:
        if flag:
            n += 1
        elif n:
            runs.append(n)
            n = 0
    return runs


@pytest.fixture
def contact_brief(book: Book, sample: SampleIds) -> str:
    with book.session() as s, s.begin():
        contact = s.get(Contact, sample.boss)
        assert contact is not None
        contact.notes = LONG_NOTE
    with book.session() as s:
        page = browse.contact_page(s, sample.boss)
    return brief_html(page)


def test_body_text_is_readable_and_fills_the_page_width(
    app: object, contact_brief: str, tmp_path: Path
) -> None:
    pdf = write_pdf(contact_brief, tmp_path / "brief.pdf", page_size=QPageSize.PageSizeId.A4)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    image = _render(pdf, tmp_path)
    rows, cols = _ink_rows_and_columns(image)
    heights = sorted(_runs(rows))
    assert len(heights) >= 15, heights  # lines of text, not a blank page
    # The typical line: 10.5 pt Chinese glyphs stand about 0.9 em high, ~19 px at 150 dpi
    # (3 pt text, the old PDF, was ~5 px). Anything under 9 pt's height fails.
    median = heights[len(heights) // 2]
    nine_points = 9 / 72 * DPI * 0.8
    assert median >= nine_points, (median, heights)
    # Edge to edge within the 15 mm margins: ink from near the left margin to near the right.
    inked = [x for x, c in enumerate(cols) if c]
    margin = 15 / 25.4 * DPI
    width = image.width()
    assert inked[0] >= margin - 3 and inked[0] <= margin + 0.03 * width
    assert inked[-1] <= width - margin + 3 and inked[-1] >= width - margin - 0.06 * width
    # Long lines wrap: no word's box crosses the right margin (a clipped line's would).
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True)
    right = max(float(x) for x in re.findall(r'xMax="([0-9.]+)"', boxes.stdout))
    page_points = 595.0
    assert right <= page_points - 15 / 25.4 * 72 + 1, right
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert text.replace("\n", "").count("技术评审交给陈明") == 4  # the whole note, wrapped


def test_chinese_fonts_are_embedded(app: object, contact_brief: str, tmp_path: Path) -> None:
    pdf = write_pdf(contact_brief, tmp_path / "brief.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    lines = fonts.stdout.splitlines()[2:]
    assert lines, fonts.stdout
    assert any("CJK" in line for line in lines), fonts.stdout
    for line in lines:
        # name type encoding emb sub uni object: "emb" is the fourth-from-last column but two.
        assert line.split()[-5] == "yes", line


def test_letter_paper_and_no_entry_split_over_two_pages(app: object, tmp_path: Path) -> None:
    entries = "".join(
        f"<li>条目{n}开始 {LONG_NOTE[: 40 + (n * 7) % 80]} 条目{n}结束</li>" for n in range(60)
    )
    pdf = write_pdf(
        f"<h1>张伟</h1><ul>{entries}</ul>",
        tmp_path / "long.pdf",
        page_size=QPageSize.PageSizeId.Letter,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "612 x 792 pts (letter)" in info.stdout.lower()
    pages = int(next(ln.split()[-1] for ln in info.stdout.splitlines() if ln.startswith("Pages")))
    assert pages >= 2
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout.replace("\n", "")  # fmt: skip
        for n in range(60):
            assert (f"条目{n}开始" in text) == (f"条目{n}结束" in text), (page, n)


def test_the_file_name_names_the_contact_and_the_day() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 2)
    assert pdf_file_name("%1 拜访简报 %2", "曾国梁", day) == "曾国梁 拜访简报 2026-12-02.pdf"
    assert pdf_file_name("%1 visit brief %2", 'A/B: "C"', day) == "A B C visit brief 2026-12-02.pdf"


def test_the_chinese_brief_reads_dates_and_money_as_people_write_them(
    app: object, book: Book, sample: SampleIds, tmp_path: Path
) -> None:
    """The paper a Chinese rep reads: 2026年6月15日 and ¥1,860.00, never 2026-06-15 or 1860.00."""
    import datetime as dt
    import unicodedata

    from crmdesk.ui.i18n import Translations
    from tests.ui.conftest import TODAY

    translations = Translations()
    try:
        translations.install("zh_CN")
        with book.session() as s:
            page = browse.contact_page(s, sample.boss)
        pdf = write_pdf(brief_html(page), tmp_path / "简报.pdf", language="zh_CN")
    finally:
        translations.install("en")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # NFKC: the embedded font maps some glyphs to Kangxi radicals (⽉ for 月) when extracted.
    flat = unicodedata.normalize("NFKC", text).replace("\n", " ")
    assert f"{TODAY.year}年{TODAY.month}月{TODAY.day}日" in flat  # the brief's own date
    dinner = TODAY - dt.timedelta(days=120)  # the sample's dinner at 湘府大酒店
    assert f"{dinner.year}年{dinner.month}月{dinner.day}日" in flat
    assert "¥1,860.00" in flat and "¥880.00" in flat  # its cost, and the tea given there
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", flat), flat
    assert "CNY" not in flat
