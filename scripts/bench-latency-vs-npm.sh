#!/bin/sh
# Side-by-side workos_search latency over stdio: this jar against the npm package @workos/mcp-docs-server, on the
# same queries, with the stdio benchmark client mcpbench.py. Prints both summaries and the p50/p99 ratios, then the
# Java server's first pass over the queries apart from its later passes, then the same passes in a Java server whose
# first call comes IDLE seconds after start.
# Usage: [BENCH=.../mcpbench.py] [IDLE=3] [REPEAT=5] [WARMUP=0] [JAVA_CMD=...] scripts/bench-latency-vs-npm.sh
#        [QUERIES.jsonl ...]    (default queries: scripts/bench-queries.jsonl; a line is {"query": "..."})
# Needs: a built jar (mvn -q -DskipTests package), python3, node and npm (the npm package is unpacked under
# target/npm-baseline with the machine's own npm configuration), and mcpbench.py, which is not part of this
# repository: BENCH names it (default: ../shared/bench/mcpbench.py beside the checkout).
set -eu
cd "$(dirname "$0")/.."
BENCH=${BENCH:-../shared/bench/mcpbench.py}
NPM_VERSION=${NPM_VERSION:-0.2.0}
REPEAT=${REPEAT:-5}
# Untimed calls before the timed ones (both servers); mcpbench makes them all with the first query.
WARMUP=${WARMUP:-0}
# Seconds the Java server is left alone after start before a second run of the same passes (0: no such run). An
# editor starts its servers well before the first question; the server warms its search up meanwhile.
IDLE=${IDLE:-3}
# The Java server's command line; e.g. JAVA_CMD=bin/workos-mcp-docs-server for the launcher.
JAR=target/workos-mcp-docs-server.jar
JAVA_CMD=${JAVA_CMD:-java -jar $JAR}
missing=
[ -f "$BENCH" ] || missing="$missing
  mcpbench.py, the MCP stdio benchmark client (not in this repository): set BENCH=/path/to/mcpbench.py"
[ -f "$JAR" ] || missing="$missing
  the jar: mvn -q -DskipTests package"
for tool in python3 node npm; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing
  $tool on the PATH"
done
if [ -n "$missing" ]; then
  echo "bench-latency-vs-npm.sh needs:$missing" >&2
  exit 2
fi
if [ $# -eq 0 ]; then set -- scripts/bench-queries.jsonl; fi
BENCH=$(cd "$(dirname "$BENCH")" && pwd)/$(basename "$BENCH")

BASE=target/npm-baseline
if [ ! -f "$BASE/package/dist/index.js" ]; then
  mkdir -p "$BASE"
  (cd "$BASE" && npm pack "@workos/mcp-docs-server@$NPM_VERSION" --silent >/dev/null && tar xzf ./*.tgz \
    && cd package && npm install --omit=dev --silent >/dev/null)
fi

QUERIES=target/bench-queries.jsonl
cat "$@" > "$QUERIES"
run() {
  python3 "$BENCH" latency --cmd "$1" --tool workos_search --args-file "$QUERIES" \
    --args-template '{"query": "{q}"}' --repeat "$2" --warmup "$WARMUP" --json --per-call
}
run "$JAVA_CMD" "$REPEAT" > target/bench-java.json
# The npm package re-reads every file per call (about 0.3 s each): one pass is enough for its median.
run "node $BASE/package/dist/index.js" 1 > target/bench-npm.json
BENCH="$BENCH" python3 - <<'PY'
import json, os, sys
j = json.load(open("target/bench-java.json")); n = json.load(open("target/bench-npm.json"))
for name, r in (("java", j), ("npm ", n)):
    l = r["latency_ms"]
    print(f"{name}: p50 {l['p50']:.2f} ms  p90 {l['p90']:.2f}  p99 {l['p99']:.2f}  n={l['n']}  "
          f"cold start {r['cold_start_ms']:.0f} ms  peak RSS {r['peak_rss_mib']:.0f} MiB")
print(f"npm/java p50 ratio: {n['latency_ms']['p50'] / j['latency_ms']['p50']:.0f}x, "
      f"p99 ratio: {n['latency_ms']['p99'] / j['latency_ms']['p99']:.0f}x")
# The first pass meets every query for the first time in a fresh JVM (compilation, first reads of each term);
# the later passes show the server once it has run for a while.
sys.path.insert(0, os.path.dirname(os.environ["BENCH"]))
from mcpbench import percentile as pct  # the same percentiles as the summaries above
for label, keep in (("java, first pass", lambda c: c["rep"] == 0), ("java, later passes", lambda c: c["rep"] > 0)):
    ms = [c["ms"] for c in j["per_call"] if keep(c) and not c["failure"]]
    if ms:
        print(f"{label}: p50 {pct(ms, 50):.2f} ms  p99 {pct(ms, 99):.2f}  n={len(ms)}")
PY
[ "$IDLE" = 0 ] && exit 0
# The same passes once more from a fresh JVM, the first call made IDLE seconds after initialize.
BENCH="$BENCH" python3 - "$JAVA_CMD" "$IDLE" "$REPEAT" "$QUERIES" <<'PY'
import json, os, sys, time
sys.path.insert(0, os.path.dirname(os.environ["BENCH"]))
from mcpbench import McpServer, percentile as pct
cmd, idle, repeat, queries = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
calls = [{"query": json.loads(line)["query"]} for line in open(queries) if line.strip()]
ms = []
with McpServer(cmd) as server:
    server.initialize()
    server.list_tools()
    time.sleep(idle)
    for _ in range(repeat):
        for args in calls:
            t0 = time.perf_counter()
            server.call_tool("workos_search", args)
            ms.append((time.perf_counter() - t0) * 1000)
first = ms[:len(calls)]
print(f"java, first call {idle:g} s after start: p50 {pct(ms, 50):.2f} ms  p99 {pct(ms, 99):.2f}  n={len(ms)}  "
      f"calls over 10 ms {sum(m > 10 for m in ms)}; first pass p50 {pct(first, 50):.2f} ms  p99 {pct(first, 99):.2f}")
PY
