#!/bin/sh
# JMH benchmark of the search service on the real embedded corpus (needs a built project: mvn package).
# The forked JVM runs with the launcher's JIT, GC and heap flags (bin/workos-mcp-docs-server: C1 only), as the
# server runs; JVM_FLAGS= (empty) measures with the JVM's defaults (C2) instead. Extra arguments go to JMH, e.g.
# -prof gc.
set -e
cd "$(dirname "$0")/.."
JVM_FLAGS=${JVM_FLAGS-"-XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=100 -XX:Tier3MinInvocationThreshold=50 -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=5000 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xms32m -Xmx128m -Xmn8m -Xss512k"}
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main SearchBenchmark \
  ${JVM_FLAGS:+-jvmArgsAppend "$JVM_FLAGS"} "$@"
