#!/bin/sh
# Install (or remove) this crmdesk for one user, or for all with PREFIX=/usr/local (as root).
#
#   ./install.sh               into ~/.local: ~/.local/opt/crmdesk, ~/.local/bin/crmdesk, and the
#                              menu entry, icons and AppStream metadata under ~/.local/share
#   PREFIX=/usr/local ./install.sh      for every user of the machine
#   ./install.sh --uninstall   remove what the same PREFIX got (books are never touched:
#                              they live in ~/.local/share/crmdesk/)
#
# Run from the unpacked folder (the one holding this script, ./crmdesk and _internal/).
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="${PREFIX:-$HOME/.local}"
OPT="$PREFIX/opt/crmdesk"
BIN="$PREFIX/bin"
SHARE="$PREFIX/share"

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$OPT"
  rm -f "$BIN/crmdesk" "$SHARE/applications/crmdesk.desktop" "$SHARE/metainfo/crmdesk.metainfo.xml"
  find "$SHARE/icons/hicolor" -path '*/apps/crmdesk.*' -delete 2>/dev/null || true
  refresh_caches
  echo "crmdesk removed from $PREFIX (your books are kept)"
  exit 0
fi

if [ ! -x "$HERE/crmdesk" ] || [ ! -d "$HERE/_internal" ]; then
  echo "install.sh: run me from the unpacked crmdesk folder" >&2
  exit 1
fi

# A fresh copy, replaced whole, so files of an older version never linger.
mkdir -p "$PREFIX/opt"
rm -rf "$OPT.new"
cp -a "$HERE" "$OPT.new"
rm -f "$OPT.new/install.sh"
rm -rf "$OPT"
mv "$OPT.new" "$OPT"

mkdir -p "$BIN" "$SHARE/applications" "$SHARE/metainfo"
ln -sf "$OPT/crmdesk" "$BIN/crmdesk"
# The menu entry starts the installed binary by its full path: ~/.local/bin is not on every
# desktop session's PATH.
sed "s|^Exec=crmdesk|Exec=$OPT/crmdesk|; s|^TryExec=crmdesk|TryExec=$OPT/crmdesk|" \
  "$HERE/share/applications/crmdesk.desktop" >"$SHARE/applications/crmdesk.desktop"
cp "$HERE/share/metainfo/crmdesk.metainfo.xml" "$SHARE/metainfo/"
cp -r "$HERE/share/icons" "$SHARE/"
refresh_caches

echo "crmdesk installed in $OPT; start it from the menu or with $BIN/crmdesk"
case ":$PATH:" in
  *":$BIN:"*) ;;
  *) echo "(add $BIN to your PATH to type 'crmdesk' in a terminal)" ;;
esac
