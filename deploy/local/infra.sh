#!/usr/bin/env bash
# Kafka (single-node KRaft) and the database (mongo-java-server, H2 file store), both from Maven Central jars, as
# plain processes.
# Usage: deploy/local/infra.sh install|start|stop|status   (STACK_NAME=dev|test selects ports and data folder)
# One component at a time (the chaos check's faults): stop-kafka|start-kafka|stop-database|kill-database|start-database;
# stop-* is a graceful SIGTERM, kill-database a SIGKILL, start-* returns once the component is ready.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_LIBS="$CB_CACHE/kafka-$KAFKA_VERSION/libs"
KAFKA_CLUSTER_ID=MkU3OEVBNTcwNTJENDM2Qg
install_kafka() {
  [ -f "$KAFKA_LIBS/.complete" ] && return 0
  require_tool java "run the Kafka broker"
  require_tool mvn "download the Kafka jars from Maven Central"
  info "downloading Kafka $KAFKA_VERSION jars into $KAFKA_LIBS (once per machine)"
  mkdir -p "$CB_CACHE"
  local log="$CB_CACHE/kafka-install.log"
  rm -rf "$KAFKA_LIBS"
  mvn -B -q -f "$LOCAL_DIR/kafka/pom.xml" -Dmaven.repo.local="$CB_CACHE/m2" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS" >"$log" 2>&1 ||
    { tail -n 20 "$log" >&2; fail "downloading the Kafka jars failed; log: $log"; }
  touch "$KAFKA_LIBS/.complete"
}

install_database() {
  [ -f "$MONGO_SERVER_LIBS/.complete" ] && return 0
  require_tool java "run the database"
  require_tool mvn "download the database jars from Maven Central"
  info "downloading mongo-java-server $MONGO_SERVER_VERSION jars into $MONGO_SERVER_LIBS (once per machine)"
  mkdir -p "$CB_CACHE"
  local log="$CB_CACHE/mongo-server-install.log"
  rm -rf "$MONGO_SERVER_LIBS"
  mvn -B -q -f "$LOCAL_DIR/mongo-server/pom.xml" -Dmaven.repo.local="$CB_CACHE/m2" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$MONGO_SERVER_LIBS" >"$log" 2>&1 ||
    { tail -n 20 "$log" >&2; fail "downloading the database jars failed; log: $log"; }
  touch "$MONGO_SERVER_LIBS/.complete"
}

write_kafka_config() {
  local dir="$RUN_DIR/kafka"
  mkdir -p "$dir" "$RUN_DIR/kafka-data"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$RUN_DIR/kafka-data
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
num.network.threads=2
num.io.threads=2
background.threads=2
log.cleaner.dedupe.buffer.size=33554432
PROPS
  cat >"$dir/log4j.properties" <<PROPS
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
PROPS
}

start_kafka() {
  if [ -n "$(running_pid kafka)" ]; then
    info "Kafka already running on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  write_kafka_config
  local log="$LOG_DIR/kafka.log" jvm=(-Xms256m -Xmx768m -XX:+UseSerialGC -Djava.awt.headless=true)
  mkdir -p "$LOG_DIR"
  # C1 only: the broker starts about twice as fast; benchmarks set KAFKA_FAST_START=0.
  [ "${KAFKA_FAST_START:-1}" = 1 ] && jvm+=(-XX:TieredStopAtLevel=1)
  jvm+=("-Dlog4j.configuration=file:$RUN_DIR/kafka/log4j.properties" "-Dkafka.logs.dir=$LOG_DIR")
  if [ ! -f "$RUN_DIR/kafka-data/meta.properties" ]; then
    java "${jvm[@]}" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format --ignore-formatted \
      -t "$KAFKA_CLUSTER_ID" -c "$RUN_DIR/kafka/server.properties" >"$LOG_DIR/kafka-format.log" 2>&1 ||
      { tail -n 20 "$LOG_DIR/kafka-format.log" >&2; fail "formatting Kafka storage failed; log: $LOG_DIR/kafka-format.log"; }
  fi
  start_detached kafka "$log" java "${jvm[@]}" -cp "$KAFKA_LIBS/*" kafka.Kafka "$RUN_DIR/kafka/server.properties"
}

start_database() {
  if [ -n "$(running_pid database)" ]; then
    info "database already running on 127.0.0.1:$MONGO_PORT"
    return 0
  fi
  mkdir -p "$RUN_DIR/database-data" "$LOG_DIR"
  start_detached database "$LOG_DIR/database.log" "$LOCAL_DIR/mongo-server/mongo-server.sh" \
    -listen "127.0.0.1:$MONGO_PORT" -data "$RUN_DIR/database-data"
}

probe() {
  node "$LOCAL_DIR/probe.js" "$@"
}

cmd_install() {
  install_kafka
  install_database
}

cmd_start() {
  cmd_install
  require_tool node "check that Kafka and the database are ready"
  require_tool java "run the Kafka broker"
  # Every port is checked before anything starts, so a clash leaves nothing half-started.
  if [ -z "$(running_pid database)" ]; then require_free_port "$MONGO_PORT" "the database" MONGO_PORT; fi
  if [ -z "$(running_pid kafka)" ]; then
    require_free_port "$KAFKA_PORT" "Kafka" KAFKA_PORT
    require_free_port "$KAFKA_CONTROLLER_PORT" "the Kafka controller" KAFKA_CONTROLLER_PORT
  fi
  local started=$SECONDS
  # A start that fails half-way stops what it started, so no orphan is left holding a port.
  STARTED_NOW=()
  trap 'stop_started_now' EXIT
  [ -n "$(running_pid database)" ] || STARTED_NOW+=(database)
  start_database
  [ -n "$(running_pid kafka)" ] || STARTED_NOW+=(kafka)
  start_kafka
  wait_until database "$LOG_DIR/database.log" "$READY_TIMEOUT" probe mongo "mongodb://127.0.0.1:$MONGO_PORT/admin"
  wait_until kafka "$LOG_DIR/kafka.log" "$READY_TIMEOUT" probe kafka "127.0.0.1:$KAFKA_PORT"
  STARTED_NOW=()
  info "Kafka 127.0.0.1:$KAFKA_PORT and the database mongodb://127.0.0.1:$MONGO_PORT ready in $((SECONDS - started))s (data: $RUN_DIR)"
}

stop_started_now() {
  local name
  for name in "${STARTED_NOW[@]}"; do stop_component "$name" 20 >/dev/null 2>&1 || true; done
}

cmd_stop() {
  stop_component kafka 60
  stop_component database 20
}

cmd_start_kafka() {
  [ -n "$(running_pid kafka)" ] || require_free_port "$KAFKA_PORT" "Kafka" KAFKA_PORT
  start_kafka
  wait_until kafka "$LOG_DIR/kafka.log" "$READY_TIMEOUT" probe kafka "127.0.0.1:$KAFKA_PORT"
  info "Kafka 127.0.0.1:$KAFKA_PORT ready"
}

cmd_start_database() {
  [ -n "$(running_pid database)" ] || require_free_port "$MONGO_PORT" "the database" MONGO_PORT
  start_database
  wait_until database "$LOG_DIR/database.log" "$READY_TIMEOUT" probe mongo "mongodb://127.0.0.1:$MONGO_PORT/admin"
  info "database mongodb://127.0.0.1:$MONGO_PORT ready"
}

cmd_status() {
  local name port
  for name in kafka database; do
    [ "$name" = kafka ] && port=$KAFKA_PORT || port=$MONGO_PORT
    local pid
    pid="$(running_pid "$name")"
    if [ -n "$pid" ]; then
      echo "$name: running (pid $pid, 127.0.0.1:$port)"
    else
      echo "$name: stopped"
    fi
  done
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  stop-kafka) stop_component kafka 60 ;;
  start-kafka) cmd_start_kafka ;;
  stop-database) stop_component database 20 ;;
  kill-database) kill_component database ;;
  start-database) cmd_start_database ;;
  database-launcher) echo "$LOCAL_DIR/mongo-server/mongo-server.sh" ;;
  *) fail "usage: deploy/local/infra.sh install|start|stop|status|stop-kafka|start-kafka|stop-database|kill-database|start-database|database-launcher" ;;
esac
