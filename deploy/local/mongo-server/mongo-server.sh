#!/usr/bin/env bash
# Runs the development and test database (mongo-java-server, H2 file store) from the jars in the per-user cache.
# Usage: deploy/local/mongo-server/mongo-server.sh -listen 127.0.0.1:27017 -data <directory>
# `infra.sh install` fetches the jars; specs that need a database of their own start it through this script too.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
[ -f "$MONGO_SERVER_LIBS/.complete" ] || fail "the database jars are missing; run 'make up' or 'deploy/local/infra.sh install'"
# Serial GC and a bounded heap: about 0.5 GB holds 50,000 documents (local-stack.md); warnings only in the log.
exec java -Xms128m -Xmx${MONGO_SERVER_HEAP:-1g} -XX:+UseSerialGC -Djava.awt.headless=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$MONGO_SERVER_LIBS/*" "$LOCAL_DIR/mongo-server/MongoServerMain.java" "$@"
