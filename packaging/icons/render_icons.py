"""Render every application icon from the one source, ``resources/app/crmdesk.svg``.

Run: ``uv run python packaging/icons/render_icons.py --out build/icons`` (the installer builds
call it; nothing it writes is committed). It draws with QtSvg, as the app does, and writes:

* ``hicolor/<N>x<N>/apps/crmdesk.png`` for N in 16…512 and ``hicolor/scalable/apps/crmdesk.svg``
  — the freedesktop icon theme layout, for Linux;
* ``crmdesk.ico`` — one file holding 16…256 px, for the Windows executable and installer;
* ``crmdesk.icns`` — 16…1024 px (with the @2x sizes), for the macOS app bundle.

ICO and ICNS are written here rather than by Qt: Qt's writers put one image in a file. Both hold
PNG images, which Windows (Vista and later) and macOS (10.7 and later) read in these containers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "app" / "crmdesk.svg"
NAME = "crmdesk"

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# ICNS element types that hold a PNG, and the pixel size of each (Apple's "icns" format).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)
FORMATS = ("png", "ico", "icns")


class IconError(Exception):
    """The source cannot be drawn, or a size came out empty."""


class Renderer:
    """Draws the SVG at any square size into PNG bytes (needs a QGuiApplication)."""

    def __init__(self, source: Path) -> None:
        from PySide6.QtSvg import QSvgRenderer

        self.source = source
        self._svg = QSvgRenderer(str(source))
        if not self._svg.isValid():
            raise IconError(f"{source} is not an SVG that QtSvg can draw")
        self._cache: dict[int, bytes] = {}

    def png(self, size: int) -> bytes:
        if size not in self._cache:
            self._cache[size] = self._draw(size)
        return self._cache[size]

    def _draw(self, size: int) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
        from PySide6.QtGui import QImage, QImageWriter, QPainter

        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            self._svg.render(painter, QRectF(0, 0, size, size))
        finally:
            painter.end()
        if _opaque_pixels(image) == 0:
            raise IconError(f"{self.source} drew nothing at {size} px")
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # Through QImageWriter: QImage.save's format is typed as bytes but only a str works.
        writer = QImageWriter(buffer, QByteArray(b"png"))
        if not writer.write(image):
            raise IconError(f"could not encode the {size} px image as PNG: {writer.errorString()}")
        buffer.close()
        return bytes(data.data())


def _opaque_pixels(image: object) -> int:
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    step = max(1, image.width() // 32)
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixelColor(x, y).alpha() > 0
    )


def ico_bytes(images: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO file holding the given (size, PNG) images."""
    entries = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(entries))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(entries)
    directory = b""
    payload = b""
    for size, png in entries:
        if not 1 <= size <= 256:
            raise IconError(f"an ICO image is 1 to 256 px, not {size}")
        edge = 0 if size == 256 else size  # 0 means 256
        directory += struct.pack(
            "<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset + len(payload)
        )
        payload += png
    return header + directory + payload


def icns_bytes(elements: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file holding the given (type, PNG) elements."""
    body = b"".join(struct.pack(">4sI", kind, 8 + len(png)) + png for kind, png in elements)
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def render(source: Path, out: Path, formats: Sequence[str]) -> list[Path]:
    """Write the chosen formats under ``out``; return the files written."""
    renderer = Renderer(source)
    written: list[Path] = []
    if "png" in formats:
        for size in HICOLOR_SIZES:
            target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(renderer.png(size))
            written.append(target)
        scalable = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
        scalable.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, scalable)
        written.append(scalable)
    if "ico" in formats:
        target = out / f"{NAME}.ico"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(ico_bytes((size, renderer.png(size)) for size in ICO_SIZES))
        written.append(target)
    if "icns" in formats:
        target = out / f"{NAME}.icns"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(icns_bytes((kind, renderer.png(size)) for kind, size in ICNS_TYPES))
        written.append(target)
    return written


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument(
        "--source", type=Path, default=SOURCE, help="the SVG (default: %(default)s)"
    )
    parser.add_argument("--out", type=Path, required=True, help="where to write the icons")
    parser.add_argument(
        "--formats",
        default=",".join(FORMATS),
        help="comma-separated, of png (hicolor), ico, icns (default: all)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        sys.stderr.write(f"render_icons: unknown format(s) {', '.join(unknown)}\n")
        return 2
    # Drawing needs a QGuiApplication, never a screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        written = render(args.source, args.out, formats)
    except (IconError, OSError) as exc:
        sys.stderr.write(f"render_icons: {exc}\n")
        return 1
    finally:
        del app
    sys.stdout.write(f"render_icons: {len(written)} files under {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
