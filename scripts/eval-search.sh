#!/bin/sh
# Search quality in-process: recall@1/5 and MRR@10 per kind, and every miss with the top 3, for evaluation query files
# (one JSON object per line: query, expect, kind; an expected path#anchor is matched against the hits' sections).
# Default files: the corpus-derived check set, and the shared evaluation sets when they lie beside the checkout.
# Needs a built project (mvn -q -DskipTests package).
set -e
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  set -- src/test/resources/search/check-set.jsonl
  for f in ../shared/eval/dev-queries.jsonl ../shared/eval/dev-hard-queries.jsonl ../shared/eval/dev-sections.jsonl; do
    [ -f "$f" ] && set -- "$@" "$f"
  done
fi
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  com.workos.mcpdocs.search.EvalRunner "$@"
