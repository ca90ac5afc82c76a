#!/bin/sh
# JMH benchmark of the search service on the real embedded corpus (needs a built project: mvn package).
# Extra arguments go to JMH, e.g. -prof gc.
set -e
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main SearchBenchmark "$@"
