#!/usr/bin/env bash
# The browser the page specs drive: Debian's Chromium (Playwright's own browser download is not used).
# Usage: deploy/local/browser.sh install|path   (CHROMIUM_PATH selects another Chromium or Chrome binary)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

cmd_install() {
  [ -x "$CHROMIUM" ] && return 0
  [ -z "${CHROMIUM_PATH:-}" ] || fail "CHROMIUM_PATH is $CHROMIUM_PATH, which is not an executable file."
  apt_install chromium CHROMIUM_PATH
  [ -x "$CHROMIUM" ] || fail "apt-get installed chromium, but $CHROMIUM is still missing; set CHROMIUM_PATH."
}

case "${1:-}" in
  install) cmd_install ;;
  path) echo "$CHROMIUM" ;;
  *) fail "usage: deploy/local/browser.sh install|path" ;;
esac
