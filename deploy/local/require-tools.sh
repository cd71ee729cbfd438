#!/usr/bin/env bash
# Fails with one line naming the first missing tool: `require-tools.sh node npm`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for tool in "$@"; do
  require_tool "$tool" "build and run Credit Bridge (see README.md, Requirements)"
done
