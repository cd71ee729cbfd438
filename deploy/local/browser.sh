#!/usr/bin/env bash
# The browser the page specs drive: Debian's Chromium (Playwright's own browser download is not used).
# Usage: deploy/local/browser.sh install|path   (CHROMIUM_PATH selects another Chromium or Chrome binary)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

cmd_install() {
  install_fonts
  [ -x "$CHROMIUM" ] && return 0
  [ -z "${CHROMIUM_PATH:-}" ] || fail "CHROMIUM_PATH is $CHROMIUM_PATH, which is not an executable file."
  apt_install chromium CHROMIUM_PATH
  [ -x "$CHROMIUM" ] || fail "apt-get installed chromium, but $CHROMIUM is still missing; set CHROMIUM_PATH."
}

# Names in Chinese, Japanese or Korean script show as empty boxes in the screenshots without a font for them, as no
# learner's own device would show them. Skipped where fontconfig already knows one, or cannot be asked, or with
# SKIP_BROWSER_FONTS=1.
install_fonts() {
  [ -z "${SKIP_BROWSER_FONTS:-}" ] || return 0
  command -v fc-list >/dev/null 2>&1 || return 0
  fc-list :lang=zh | grep -q . && return 0
  apt_install fonts-noto-cjk SKIP_BROWSER_FONTS=1
}

case "${1:-}" in
  install) cmd_install ;;
  path) echo "$CHROMIUM" ;;
  *) fail "usage: deploy/local/browser.sh install|path" ;;
esac
