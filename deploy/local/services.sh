#!/usr/bin/env bash
# The five Node services of `make up`, and the development sign-in provider, each a background process with a pid
# file and a log.
# Usage: deploy/local/services.sh start|stop|status|kill <name>
# `start` starts only what is stopped; `kill <name>` crashes one service with SIGKILL (the chaos check's fault).
# CREDENTIALS_INSTANCES=2 starts a second credentials process (credentials-2, port 3013) in the same consumer
# group: the two share the topics' partitions and each relays its own outbox; the gateway talks to the first.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# name:port, gateway after the services behind it so it starts once they answer; then the development sign-in provider
# (services/dev-identity), which reads organisations and learners from enrolment when someone signs in.
SERVICES=(enrolment:3001 assessment:3002 credentials:3003 recognition:3004 gateway:3000 dev-identity:3005)
WITH_SECOND=(enrolment:3001 assessment:3002 credentials:3003 credentials-2:3013 recognition:3004 gateway:3000
  dev-identity:3005)
case "${CREDENTIALS_INSTANCES:-1}" in
  1) ;;
  2) SERVICES=("${WITH_SECOND[@]}") ;;
  *) fail "CREDENTIALS_INSTANCES must be 1 or 2" ;;
esac

# DEV_OIDC_ISSUER: the development sign-in provider, whose tokens the services accept; WEB_OIDC_ISSUER: where the
# web app (served by the gateway) signs people in, the same provider unless set.
service_env() {
  echo NODE_ENV=development \
    MONGODB_URL="mongodb://127.0.0.1:$MONGO_PORT" \
    KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" \
    PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:3000}" \
    OUTBOUND_FETCH_ALLOW="${OUTBOUND_FETCH_ALLOW:-127.0.0.1/32,::1/128}" \
    DEV_IDP_DIR="$ROOT/.run/dev-idp" \
    DEV_OIDC_ISSUER="${DEV_OIDC_ISSUER:-http://localhost:3005}" \
    WEB_OIDC_ISSUER="${WEB_OIDC_ISSUER:-${DEV_OIDC_ISSUER:-http://localhost:3005}}"
}

ready() {
  node -e "fetch('http://127.0.0.1:$1/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
}

cmd_start() {
  require_tool node "run the services"
  local entry name port
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}" port="${entry##*:}"
    if [ -n "$(running_pid "$name")" ]; then
      info "$name already running on port $port"
      continue
    fi
    local service="${name%-[0-9]}"
    [ -f "$ROOT/dist/services/$service/src/main.js" ] || fail "$name is not built; run 'make up' (it builds first)"
    require_free_port "$port" "the $name service" "PORT of $name"
    # shellcheck disable=SC2046
    start_detached "$name" "$LOG_DIR/$name.log" env $(service_env) PORT="$port" node --enable-source-maps "$ROOT/dist/services/$service/src/main.js"
    [ "$name" = gateway ] || wait_until "$name" "$LOG_DIR/$name.log" "$READY_TIMEOUT" ready "$port"
  done
  wait_until gateway "$LOG_DIR/gateway.log" "$READY_TIMEOUT" ready 3000
  echo
  echo "Credit Bridge is up (logs in $LOG_DIR):"
  echo "  gateway      http://localhost:3000        (health: /health, ready: /ready)"
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}" port="${entry##*:}"
    [ "$name" = gateway ] && continue
    [ "$name" = dev-identity ] &&
      printf '  %-12s %s  (development sign-in, OpenID Connect; web client credit-bridge-web)\n' sign-in "${DEV_OIDC_ISSUER:-http://localhost:3005}" &&
      continue
    [ "$name" != "${name%-[0-9]}" ] && printf '  %-12s http://127.0.0.1:%s (a second instance, not behind the gateway)\n' "$name" "$port" && continue
    printf '  %-12s http://localhost:3000/api/%s/docs  (direct: http://127.0.0.1:%s)\n' "$name" "$name" "$port"
  done
  echo "  Kafka        127.0.0.1:$KAFKA_PORT    database  mongodb://127.0.0.1:$MONGO_PORT"
  echo "Stop everything with: make down"
}

# Stops a second instance too, whichever CREDENTIALS_INSTANCES it was started with.
cmd_stop() {
  local index
  for ((index = ${#WITH_SECOND[@]} - 1; index >= 0; index--)); do
    stop_component "${WITH_SECOND[$index]%%:*}" 20
  done
}

cmd_status() {
  local entry name pid
  for entry in "${SERVICES[@]}"; do
    name="${entry%%:*}"
    pid="$(running_pid "$name")"
    if [ -n "$pid" ]; then echo "$name: running (pid $pid, port ${entry##*:})"; else echo "$name: stopped"; fi
  done
}

cmd_kill() {
  local name="$1" entry
  for entry in "${WITH_SECOND[@]}"; do
    [ "${entry%%:*}" = "$name" ] && { kill_component "$name"; return 0; }
  done
  fail "kill: no service named '$name'"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kill) cmd_kill "${2:-}" ;;
  *) fail "usage: deploy/local/services.sh start|stop|status|kill <name>" ;;
esac
