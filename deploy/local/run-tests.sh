#!/usr/bin/env bash
# `make test`: a throwaway stack on the test ports with a fresh data folder, the whole jest suite against it,
# and the stack stopped afterwards whatever happened. A running `make up` stack (dev ports) is not touched.
export STACK_NAME=test
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$LOCAL_DIR/compose-check.sh"

"$LOCAL_DIR/infra.sh" stop >/dev/null 2>&1 || true
rm -rf "$RUN_DIR"
trap '"$LOCAL_DIR/infra.sh" stop' EXIT
"$LOCAL_DIR/infra.sh" start

export TEST_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export TEST_MONGODB_URL="mongodb://127.0.0.1:$MONGO_PORT"
TEST_FERRETDB_RUNNER="$("$LOCAL_DIR/infra.sh" runner-path)"
export TEST_FERRETDB_RUNNER
cd "$ROOT"
npx jest --ci "$@"
