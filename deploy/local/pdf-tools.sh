#!/usr/bin/env bash
# Poppler's pdftoppm, which the certificate specs render PDFs to PNG with (as a person's viewer would draw them).
# Usage: deploy/local/pdf-tools.sh install|path   (PDFTOPPM_PATH selects another pdftoppm binary)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PDFTOPPM="${PDFTOPPM_PATH:-$(command -v pdftoppm || echo /usr/bin/pdftoppm)}"

cmd_install() {
  [ -x "$PDFTOPPM" ] && return 0
  [ -z "${PDFTOPPM_PATH:-}" ] || fail "PDFTOPPM_PATH is $PDFTOPPM_PATH, which is not an executable file."
  apt_install poppler-utils PDFTOPPM_PATH
  command -v pdftoppm >/dev/null 2>&1 || fail "apt-get installed poppler-utils, but pdftoppm is still missing; set PDFTOPPM_PATH."
}

case "${1:-}" in
  install) cmd_install ;;
  path) echo "$PDFTOPPM" ;;
  *) fail "usage: deploy/local/pdf-tools.sh install|path" ;;
esac
