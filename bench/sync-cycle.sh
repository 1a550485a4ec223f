#!/usr/bin/env bash
# Sync cycle cost of the packaged bridge at 1,000 and 100,000 tracked active tasks (see SyncCycleBenchmark):
# a real Kafka broker and PostgreSQL, the incs simulator answering after 50 ms, the bridge as a child process with
# 8 calls in flight, 1 % of the tasks changing between cycles. Prints a markdown table. Arguments: task counts
# (default 1000 100000). BENCH_BRIDGE_JVM_OPTIONS adds options to the bridge's JVM (e.g.
# -XX:NativeMemoryTracking=summary: the memory breakdown is printed after each size). PostgreSQL:
# TEST_DATABASE_URL (+ _USER, _PASSWORD) if set, else as the tests resolve it; for numbers with fsync on,
# point it at a real server, e.g.
#   TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/postgres TEST_DATABASE_USER=$USER bench/sync-cycle.sh
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/quarkus-app/quarkus-run.jar
classpath_file=target/bench/test-classpath.txt
if [[ ! -f "$jar" || ! -d target/test-classes || -n "$(find src pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "Building the bridge (./mvnw -B -q -DskipTests package)..."
  ./mvnw -B -q -DskipTests package
fi
if [[ ! -f "$classpath_file" || pom.xml -nt "$classpath_file" ]]; then
  mkdir -p "$(dirname "$classpath_file")"
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi
echo "Machine: $(nproc) cores; load before: $(uptime)"
status=0
java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dbench.bridge.jvm-options="${BENCH_BRIDGE_JVM_OPTIONS:-}" \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  com.lendingops.taskbridge.bench.SyncCycleBenchmark "$@" || status=$?
echo "Load after: $(uptime)"
exit "$status"
