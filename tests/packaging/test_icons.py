"""Every icon is rendered from resources/app/crmdesk.svg, and each format reads back as written.

The ICO and ICNS files are read back with Qt's own readers (the imageformats plugins, written
independently of packaging/icons/render_icons.py), and the ICO with icoutils when installed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "icons" / "render_icons.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["render_icons"] = module
    spec.loader.exec_module(module)
    return module


render_icons = _load()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return out


def _images(path: Path) -> list[QImage]:
    reader = QImageReader(str(path))
    images = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{path.name} image {index}: {reader.errorString()}"
        images.append(image)
    return images


def _opaque_fraction(image: QImage) -> float:
    step = max(1, image.width() // 16)
    points = [(x, y) for y in range(0, image.height(), step) for x in range(0, image.width(), step)]
    return sum(image.pixelColor(x, y).alpha() > 0 for x, y in points) / len(points)


def test_hicolor_pngs_have_their_size_and_a_drawing(qapp, rendered: Path) -> None:
    for size in render_icons.HICOLOR_SIZES:
        image = QImage(str(rendered / "hicolor" / f"{size}x{size}" / "apps" / "crmdesk.png"))
        assert (image.width(), image.height()) == (size, size)
        # The notebook covers much of the square, and its corners stay transparent.
        assert 0.3 < _opaque_fraction(image) < 0.95, size
        assert image.pixelColor(0, 0).alpha() == 0
    scalable = rendered / "hicolor" / "scalable" / "apps" / "crmdesk.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "app" / "crmdesk.svg").read_bytes()


def test_ico_holds_every_windows_size(qapp, rendered: Path) -> None:
    images = _images(rendered / "crmdesk.ico")
    assert [i.width() for i in images] == list(render_icons.ICO_SIZES)
    assert all(i.width() == i.height() and _opaque_fraction(i) > 0.3 for i in images)


@pytest.mark.skipif(shutil.which("icotool") is None, reason="icoutils is not installed")
def test_icotool_reads_the_ico(rendered: Path) -> None:
    listing = subprocess.run(
        ["icotool", "--list", str(rendered / "crmdesk.ico")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    widths = [int(w.split("=")[1]) for w in listing.split() if w.startswith("--width=")]
    assert widths == list(render_icons.ICO_SIZES)


def test_icns_holds_every_macos_size(qapp, rendered: Path) -> None:
    images = _images(rendered / "crmdesk.icns")
    assert [i.width() for i in images] == [size for _kind, size in render_icons.ICNS_TYPES]
    assert max(i.width() for i in images) == 1024


# QtSvg says why it cannot read the broken file; that warning is the expected outcome here.
@pytest.mark.qt_log_ignore(r"Cannot read file .*bad\.svg")
def test_a_broken_source_is_refused(qapp, tmp_path: Path) -> None:
    bad = tmp_path / "bad.svg"
    bad.write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect")
    with pytest.raises(render_icons.IconError):
        render_icons.render(bad, tmp_path / "out", ["png"])
    empty = tmp_path / "empty.svg"
    empty.write_text("<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/>")
    with pytest.raises(render_icons.IconError, match="drew nothing"):
        render_icons.render(empty, tmp_path / "out", ["png"])


def test_ico_refuses_sizes_it_cannot_hold() -> None:
    with pytest.raises(render_icons.IconError):
        render_icons.ico_bytes([(512, b"png")])
