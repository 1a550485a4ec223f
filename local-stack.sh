#!/usr/bin/env bash
# One command, no Docker: a real Kafka broker and PostgreSQL, the incs simulator, the bridge and a
# demo feed, with a live summary. Ctrl-C stops everything. ./local-stack.sh --help lists the options.
#
# Builds first when the sources are newer than the packaged bridge. The launcher is test code
# (it reuses the test infrastructure), so it runs on the test classpath.
set -euo pipefail
cd "$(dirname "$0")"

jar=target/quarkus-app/quarkus-run.jar
classpath_file=target/local-stack/test-classpath.txt

if [[ ! -f "$jar" || ! -d target/test-classes || -n "$(find src pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "Building the bridge (./mvnw -B -q -DskipTests package)..."
  ./mvnw -B -q -DskipTests package
fi
if [[ ! -f "$classpath_file" || pom.xml -nt "$classpath_file" ]]; then
  mkdir -p "$(dirname "$classpath_file")"
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi

exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  com.lendingops.taskbridge.local.LocalStackMain "$@"
