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
TEST_DATABASE_LAUNCHER="$("$LOCAL_DIR/infra.sh" database-launcher)"
export TEST_DATABASE_LAUNCHER
export TEST_KAFKA_LAUNCHER="$LOCAL_DIR/kafka/kafka.sh"
cd "$ROOT"
status=0
npx jest --ci --json --outputFile="$RUN_DIR/jest-results.json" "$@" || status=$?
# One plain closing line, readable by any CI: "jest: N passed, N failed, N skipped", naming spec files that could not
# run at all (their tests count nowhere else).
node -e '
  const run = require(process.argv[1]);
  const broken = run.numRuntimeErrorTestSuites ? ` (${run.numRuntimeErrorTestSuites} spec files failed to run)` : "";
  console.log(`jest: ${run.numPassedTests} passed, ${run.numFailedTests} failed, ${run.numPendingTests} skipped${broken}`);
' "$RUN_DIR/jest-results.json" 2>/dev/null ||
  echo "jest: no results (it did not run to the end)"
exit "$status"
