#!/usr/bin/env bash
# Build crmdesk for macOS: the app bundle and a disk image.
#
#   packaging/macos/build.sh
#
# Needs uv and Xcode's command-line tools (hdiutil, codesign). PyInstaller is pinned here and
# brought in for this run only. Makes
#   dist/macos/crmdesk.app                              the app (Info.plist: packaging/macos)
#   dist/macos/crmdesk-VERSION-macos-ARCH.dmg           the disk image to hand out
# Signing: set CRMDESK_CODESIGN_IDENTITY ("Developer ID Application: ...") and PyInstaller signs
# every binary and the bundle. Notarising (needed for Gatekeeper on other Macs) then takes
#   xcrun notarytool submit dist/macos/crmdesk-*.dmg --keychain-profile PROFILE --wait
#   xcrun stapler staple dist/macos/crmdesk-*.dmg
set -euo pipefail

PYINSTALLER="pyinstaller==6.22.3"
PYINSTALLER_HOOKS="pyinstaller-hooks-contrib==2026.9"

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
DIST="$ROOT/dist/macos"
VERSION="$(uv run python -c 'import crmdesk; print(crmdesk.__version__)')"
ARCH="$(uname -m)"
echo "== crmdesk $VERSION for macOS $ARCH into $DIST"

uv run --with "$PYINSTALLER" --with "$PYINSTALLER_HOOKS" \
  pyinstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" \
  packaging/pyinstaller/crmdesk.spec

echo "== smoke test"
BIN="$DIST/crmdesk.app/Contents/MacOS/crmdesk"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen CRMDESK_PASSPHRASE="smoke-passphrase-7"
"$BIN" --bundle-check >"$WORK/check.json" || { cat "$WORK/check.json"; exit 1; }
"$BIN" --book "$WORK/smoke.crmdesk" init --passphrase >/dev/null
"$BIN" --book "$WORK/smoke.crmdesk" contact add --name 张三 >/dev/null
"$BIN" --book "$WORK/smoke.crmdesk" contact list --json | grep -q '"sort_key": "zhang san"'
unset QT_QPA_PLATFORM CRMDESK_PASSPHRASE
echo "smoke: ok"

DMG="$DIST/crmdesk-$VERSION-macos-$ARCH.dmg"
echo "== disk image $DMG"
STAGE="$WORK/dmg"
mkdir -p "$STAGE"
cp -R "$DIST/crmdesk.app" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "crmdesk $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
if [ -n "${CRMDESK_CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$CRMDESK_CODESIGN_IDENTITY" --timestamp "$DMG"
fi
echo "== done: $DMG"
