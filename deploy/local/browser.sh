#!/usr/bin/env bash
# The browser the page specs drive: Debian's Chromium (Playwright's own browser download is not used).
# Usage: deploy/local/browser.sh install|path   (CHROMIUM_PATH selects another Chromium or Chrome binary)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

cmd_install() {
  [ -x "$CHROMIUM" ] && return 0
  [ -z "${CHROMIUM_PATH:-}" ] || fail "CHROMIUM_PATH is $CHROMIUM_PATH, which is not an executable file."
  command -v apt-get >/dev/null 2>&1 ||
    fail "Chromium is missing at $CHROMIUM and there is no apt-get to install it; install Chromium or set CHROMIUM_PATH to a Chromium or Chrome binary."
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 ||
      fail "Chromium is missing at $CHROMIUM; installing it needs root: run 'apt-get install chromium' as root, or set CHROMIUM_PATH."
    run=(sudo)
  fi
  info "installing Debian's chromium with apt-get (once per machine)"
  mkdir -p "$CB_CACHE"
  local log="$CB_CACHE/chromium-install.log"
  # Package lists may be missing or stale on a fresh machine: update first.
  { ${run[@]+"${run[@]}"} apt-get update -q && ${run[@]+"${run[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } \
    >"$log" 2>&1 || { tail -n 20 "$log" >&2; fail "installing chromium with apt-get failed; log: $log"; }
  [ -x "$CHROMIUM" ] || fail "apt-get installed chromium, but $CHROMIUM is still missing; set CHROMIUM_PATH."
}

case "${1:-}" in
  install) cmd_install ;;
  path) echo "$CHROMIUM" ;;
  *) fail "usage: deploy/local/browser.sh install|path" ;;
esac
