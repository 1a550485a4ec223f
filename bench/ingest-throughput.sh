#!/usr/bin/env bash
# End-to-end ingest throughput of the packaged bridge, scenarios side by side in one run: a real Kafka broker
# and PostgreSQL, the incs simulator with a fixed latency, the bridge as a child process (see
# IngestThroughputBenchmark). Prints a markdown table. Options: bench/ingest-throughput.sh --help.
#
# Builds first when the sources are newer than the packaged bridge. The harness is test code (it reuses the
# test infrastructure), so it runs on the test classpath, like local-stack.sh. It is not a test: nothing in
# ./mvnw verify runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/quarkus-app/quarkus-run.jar
classpath_file=target/bench/test-classpath.txt

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  if [[ -f target/test-classes/com/lendingops/taskbridge/bench/BenchmarkOptions.class ]]; then
    exec java -cp target/test-classes com.lendingops.taskbridge.bench.IngestThroughputBenchmark --help
  fi
  echo "Build first (./mvnw -B -DskipTests package) to see the options; defaults: 1000 events, 50 ms latency."
  exit 0
fi
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
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dbench.bridge.jvm-options="${BENCH_BRIDGE_JVM_OPTIONS:-}" \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  com.lendingops.taskbridge.bench.IngestThroughputBenchmark "$@" || status=$?
echo "Load after: $(uptime)"
exit "$status"
