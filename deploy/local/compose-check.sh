#!/usr/bin/env bash
# Checks that `docker compose config` accepts docker-compose.yml, when a docker client is installed.
# No Docker engine is needed for that. Where the client has no compose plugin, the Compose v2 CLI is built
# once from its Go module into the per-user cache and run directly.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
COMPOSE_VERSION=v2.29.7

if ! command -v docker >/dev/null 2>&1; then
  info "no docker client installed: docker-compose.yml not checked"
  exit 0
fi
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  bin="$CB_CACHE/docker-compose-$COMPOSE_VERSION"
  if [ ! -x "$bin" ]; then
    if ! command -v go >/dev/null 2>&1; then
      info "the docker client has no compose plugin and Go is not installed to build one: docker-compose.yml not checked"
      exit 0
    fi
    info "building docker compose $COMPOSE_VERSION into $bin (once per machine)"
    log="$CB_CACHE/compose-build.log"
    tmp="$(mktemp -d)"
    GOBIN="$tmp" GOMODCACHE="$CB_CACHE/go/mod" GOCACHE="$CB_CACHE/go/build" GOFLAGS=-mod=mod \
      go install "github.com/docker/compose/v2/cmd@$COMPOSE_VERSION" >"$log" 2>&1 ||
      { tail -n 20 "$log" >&2; fail "building docker compose failed; log: $log"; }
    mv "$tmp/cmd" "$bin"
    rm -rf "$tmp"
  fi
  compose=("$bin")
fi
"${compose[@]}" -f "$ROOT/docker-compose.yml" config --quiet || fail "docker compose config rejects docker-compose.yml"
info "docker compose config accepts docker-compose.yml"
