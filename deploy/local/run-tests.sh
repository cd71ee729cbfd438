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
# Two runs: every spec but those that time a service's answers (two at a time), then those alone (jest.config.js).
JEST_PHASE=shared npx jest --ci --json --outputFile="$RUN_DIR/jest-results.json" "$@" || status=$?
JEST_PHASE=alone npx jest --ci --runInBand --passWithNoTests --json --outputFile="$RUN_DIR/jest-results-alone.json" "$@" ||
  status=$?
# One plain closing line over both runs, readable by any CI: "jest: N passed, N failed, N skipped", naming spec files
# that could not run at all (their tests count nowhere else).
node -e '
  const runs = process.argv.slice(1).map((file) => require(file));
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  const broken = sum("numRuntimeErrorTestSuites") ? ` (${sum("numRuntimeErrorTestSuites")} spec files failed to run)` : "";
  console.log(`jest: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped${broken}`);
' "$RUN_DIR/jest-results.json" "$RUN_DIR/jest-results-alone.json" 2>/dev/null ||
  echo "jest: no results (it did not run to the end)"
exit "$status"
