#!/bin/sh
# Bounded load over Streamable HTTP on loopback: starts the server through the launcher with `serve --http` on
# 127.0.0.1, then drives workos_search and workos_docs with 32 and 64 concurrent clients (a fixed request count
# per run, a time limit per run) and prints throughput, p50/p90/p99 latency and the error count. Exits non-zero
# if any request failed.
# Usage: scripts/load-http.sh [--requests N] [--clients 32,64] [--tools workos_search,workos_docs,ping]
#                              [--time-limit SECONDS] [--warmup N] [--queries FILE.jsonl]
# Needs a built jar (mvn -q -DskipTests package) and compiled tests (mvn -q test-compile).
set -eu
cd "$(dirname "$0")/.."
JAR=target/workos-mcp-docs-server.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
[ -f target/test-classes/com/workos/mcpdocs/bench/HttpLoad.class ] || mvn -q test-compile
PORT=${PORT:-18080}
QUERIES=""
if [ -f ../shared/eval/dev-queries.jsonl ]; then QUERIES="--queries ../shared/eval/dev-queries.jsonl"; fi
CP=target/bench-classpath.txt
[ -f "$CP" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$CP" >/dev/null

# Through the launcher: the JVM settings a deployment gets (SERVER_CMD overrides, e.g. "java -jar $JAR").
${SERVER_CMD:-bin/workos-mcp-docs-server} serve --http --host 127.0.0.1 --port "$PORT" \
  > target/load-http-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT INT TERM
i=0
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
  i=$((i + 1))
  if [ $i -gt 150 ] || ! kill -0 $SERVER 2>/dev/null; then
    echo "the server did not start; see target/load-http-server.log" >&2; exit 2
  fi
  sleep 0.2
done

# shellcheck disable=SC2086
java -cp "target/test-classes:$(cat "$CP")" com.workos.mcpdocs.bench.HttpLoad \
  --url "http://127.0.0.1:$PORT/mcp" $QUERIES "$@"
