#!/usr/bin/env bash
# The tools the Kubernetes manifest spec (deploy/k8s/manifests.integration.spec.ts) runs, installed once per user into
# the cache from package registries: kustomize (the Go module sigs.k8s.io/kustomize/kustomize/v5, built with the
# machine's Go) and kubernetes-validate (PyPI, with the Kubernetes API schemas inside the package).
# Usage: deploy/local/k8s-tools.sh install|kustomize-path|validator-path
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KUSTOMIZE_VERSION=v5.5.0
VALIDATE_VERSION=1.37.0
KUSTOMIZE_DIR="$CB_CACHE/kustomize-$KUSTOMIZE_VERSION"
VALIDATE_DIR="$CB_CACHE/kubernetes-validate-$VALIDATE_VERSION"
KUSTOMIZE="${KUSTOMIZE_PATH:-$KUSTOMIZE_DIR/bin/kustomize}"
VALIDATOR="$VALIDATE_DIR/bin/kubernetes-validate"

install_kustomize() {
  [ -x "$KUSTOMIZE" ] && return 0
  [ -z "${KUSTOMIZE_PATH:-}" ] || fail "KUSTOMIZE_PATH is $KUSTOMIZE_PATH, which is not an executable file."
  require_tool go "build kustomize from its Go module (or set KUSTOMIZE_PATH to a kustomize binary)"
  info "building kustomize $KUSTOMIZE_VERSION from the Go module proxy (once per user)"
  mkdir -p "$KUSTOMIZE_DIR"
  local log="$KUSTOMIZE_DIR/install.log"
  # The machine's own Go (no toolchain download); module cache beside the binary, writable so the cache can be cleared.
  GOTOOLCHAIN=local GOFLAGS=-modcacherw GOPATH="$CB_CACHE/go" GOBIN="$KUSTOMIZE_DIR/bin" \
    go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" >"$log" 2>&1 ||
    { tail -n 20 "$log" >&2; fail "building kustomize failed; log: $log"; }
}

install_validator() {
  [ -x "$VALIDATOR" ] && return 0
  require_tool python3 "install kubernetes-validate from PyPI"
  info "installing kubernetes-validate $VALIDATE_VERSION from PyPI (once per user)"
  rm -rf "$VALIDATE_DIR"
  local log="$CB_CACHE/kubernetes-validate-install.log"
  mkdir -p "$CB_CACHE"
  { python3 -m venv "$VALIDATE_DIR" &&
    "$VALIDATE_DIR/bin/pip" install -q --disable-pip-version-check -r "$ROOT/deploy/k8s/tools/requirements.txt"; } \
    >"$log" 2>&1 || { rm -rf "$VALIDATE_DIR"; tail -n 20 "$log" >&2; fail "installing kubernetes-validate failed; log: $log"; }
}

case "${1:-}" in
  install) install_kustomize && install_validator ;;
  kustomize-path) echo "$KUSTOMIZE" ;;
  validator-path) echo "$VALIDATOR" ;;
  *) fail "usage: deploy/local/k8s-tools.sh install|kustomize-path|validator-path" ;;
esac
