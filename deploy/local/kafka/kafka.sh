#!/usr/bin/env bash
# Runs one Kafka broker (KRaft: broker and controller in one process) from the jars in the per-user cache, in the
# foreground, as this process (exec): SIGTERM is a controlled shutdown, SIGKILL a crash.
# Usage: deploy/local/kafka/kafka.sh <server.properties>
# Formats the storage named by `log.dirs` on first use (a fixed cluster id), so a second start keeps topics and offsets.
# `infra.sh install` fetches the jars; specs that need a broker of their own start it through this script
# (`startKafka` in libs/testing). KAFKA_FAST_START=0 drops the C1-only JIT (for benchmarks); KAFKA_HEAP sets -Xmx.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

KAFKA_LIBS="$CB_CACHE/kafka-$KAFKA_VERSION/libs"
KAFKA_CLUSTER_ID=MkU3OEVBNTcwNTJENDM2Qg
properties="${1:-}"
[ -f "$properties" ] || fail "usage: deploy/local/kafka/kafka.sh <server.properties> (no such file: '$properties')"
[ -f "$KAFKA_LIBS/.complete" ] || fail "the Kafka jars are missing; run 'make up' or 'deploy/local/infra.sh install'"
data="$(sed -n 's/^log\.dirs=//p' "$properties")"
[ -n "$data" ] || fail "$properties names no log.dirs"

jvm=(-Xms256m "-Xmx${KAFKA_HEAP:-768m}" -XX:+UseSerialGC -Djava.awt.headless=true)
# C1 only: the broker starts about twice as fast.
[ "${KAFKA_FAST_START:-1}" = 1 ] && jvm+=(-XX:TieredStopAtLevel=1)
jvm+=("-Dlog4j.configuration=file:$LOCAL_DIR/kafka/log4j.properties" "-Dkafka.logs.dir=$(dirname "$properties")")

if [ ! -f "$data/meta.properties" ]; then
  java "${jvm[@]}" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format --ignore-formatted \
    -t "$KAFKA_CLUSTER_ID" -c "$properties" || fail "formatting Kafka storage in $data failed"
fi
exec java "${jvm[@]}" -cp "$KAFKA_LIBS/*" kafka.Kafka "$properties"
