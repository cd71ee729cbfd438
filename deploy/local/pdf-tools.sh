#!/usr/bin/env bash
# Poppler's pdftoppm, which the certificate specs render PDFs to PNG with (as a person's viewer would draw them).
# Usage: deploy/local/pdf-tools.sh install|path   (PDFTOPPM_PATH selects another pdftoppm binary)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PDFTOPPM="${PDFTOPPM_PATH:-$(command -v pdftoppm || echo /usr/bin/pdftoppm)}"

cmd_install() {
  [ -x "$PDFTOPPM" ] && return 0
  [ -z "${PDFTOPPM_PATH:-}" ] || fail "PDFTOPPM_PATH is $PDFTOPPM_PATH, which is not an executable file."
  command -v apt-get >/dev/null 2>&1 ||
    fail "pdftoppm is missing and there is no apt-get to install it; install poppler-utils or set PDFTOPPM_PATH."
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 ||
      fail "pdftoppm is missing; installing it needs root: run 'apt-get install poppler-utils' as root, or set PDFTOPPM_PATH."
    run=(sudo)
  fi
  info "installing Debian's poppler-utils (pdftoppm) with apt-get (once per machine)"
  mkdir -p "$CB_CACHE"
  local log="$CB_CACHE/poppler-install.log"
  { ${run[@]+"${run[@]}"} apt-get update -q && ${run[@]+"${run[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils; } \
    >"$log" 2>&1 || { tail -n 20 "$log" >&2; fail "installing poppler-utils with apt-get failed; log: $log"; }
  command -v pdftoppm >/dev/null 2>&1 || fail "apt-get installed poppler-utils, but pdftoppm is still missing; set PDFTOPPM_PATH."
}

case "${1:-}" in
  install) cmd_install ;;
  path) echo "$PDFTOPPM" ;;
  *) fail "usage: deploy/local/pdf-tools.sh install|path" ;;
esac
