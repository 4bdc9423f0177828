#!/usr/bin/env bash
# Build the self-contained crmdesk for Linux (no Python needed where it runs).
#
#   packaging/linux/build.sh [--clean] [DIST_ROOT]      (default DIST_ROOT: dist/linux)
#
# Needs only uv: PyInstaller is pinned here and brought in for this run (`uv run --with`), on top
# of the project's locked environment. Makes
#   DIST_ROOT/crmdesk/                    the app: ./crmdesk, _internal/, share/ (desktop file,
#                                         AppStream metainfo, hicolor icons), install.sh
#   DIST_ROOT/crmdesk-VERSION-linux-ARCH.tar.gz   the same, to hand out
# then checks it with packaging/linux/smoke.sh unless CRMDESK_SKIP_SMOKE=1.
set -euo pipefail

PYINSTALLER="pyinstaller==6.22.3"
PYINSTALLER_HOOKS="pyinstaller-hooks-contrib==2026.9"

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

clean=()
if [ "${1:-}" = "--clean" ]; then
  clean=(--clean)
  shift
fi
DIST_ROOT="$(mkdir -p "${1:-$ROOT/dist/linux}" && cd "${1:-$ROOT/dist/linux}" && pwd)"
APPDIR="$DIST_ROOT/crmdesk"

log() { printf '\n== %s\n' "$*"; }

VERSION="$(uv run --no-sync python -c 'import crmdesk; print(crmdesk.__version__)' 2>/dev/null \
  || uv run python -c 'import crmdesk; print(crmdesk.__version__)')"
ARCH="$(uname -m)"
log "crmdesk $VERSION for Linux $ARCH into $DIST_ROOT"

start=$(date +%s)
log "PyInstaller ($PYINSTALLER)"
uv run --with "$PYINSTALLER" --with "$PYINSTALLER_HOOKS" \
  pyinstaller --noconfirm "${clean[@]}" --log-level WARN \
  --distpath "$DIST_ROOT" --workpath "$ROOT/build/pyinstaller" \
  packaging/pyinstaller/crmdesk.spec

log "desktop integration: share/"
install -Dm644 packaging/linux/crmdesk.desktop "$APPDIR/share/applications/crmdesk.desktop"
mkdir -p "$APPDIR/share/metainfo"
uv run python packaging/linux/metainfo.py --out "$APPDIR/share/metainfo/crmdesk.metainfo.xml"
rm -rf "$APPDIR/share/icons"
mkdir -p "$APPDIR/share/icons"
cp -r build/packaging/icons/hicolor "$APPDIR/share/icons/hicolor"
install -m755 packaging/linux/install.sh "$APPDIR/install.sh"

TARBALL="$DIST_ROOT/crmdesk-$VERSION-linux-$ARCH.tar.gz"
log "archive $TARBALL"
tar -C "$DIST_ROOT" --sort=name --owner=0 --group=0 --numeric-owner -czf "$TARBALL" crmdesk

log "built in $(( $(date +%s) - start )) s: $(du -sh "$APPDIR" | cut -f1) unpacked, $(du -h "$TARBALL" | cut -f1) packed"

if [ "${CRMDESK_SKIP_SMOKE:-0}" != "1" ]; then
  log "smoke test"
  packaging/linux/smoke.sh "$APPDIR"
fi
