#!/usr/bin/env bash
# Chaos and hostile-input suite (issue 11): the packaged bridge as separate processes against a real Kafka broker,
# a real PostgreSQL and the incs simulator (its own process, behind a fault gateway), with faults alone and
# combined and thousands of hostile records, judged from outside after each trial. Each trial prints its seed;
# the same seed replays the same feed and fault schedule. Options: bench/chaos.sh --help.
#   bench/chaos.sh            short run (CI, a few minutes)
#   bench/chaos.sh --full     20 kill -9 trials of 2,000 events + the 10,000-record hostile run (long)
# Ends with "chaos: N passed, M failed"; exit status 1 when an invariant broke. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/quarkus-app/quarkus-run.jar
classpath_file=target/bench/test-classpath.txt

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  if [[ -f target/test-classes/com/lendingops/taskbridge/chaos/ChaosOptions.class && -f "$classpath_file" ]]; then
    java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" com.lendingops.taskbridge.chaos.ChaosMain --help
  fi
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

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo '+changes'); load before: $(uptime)"
status=0
java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  com.lendingops.taskbridge.chaos.ChaosMain "$@" || status=$?
echo "Load after: $(uptime)"
exit "$status"
