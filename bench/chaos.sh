#!/usr/bin/env bash
# Issue #13: the chaos run. Starts MariaDB, Kafka, the Toss sandbox and N instances of each service as real
# processes (own folder .local/chaos/, own free ports: a running ./run.sh is not touched), drives sagas from
# simulated customers and operators under Toss faults, kill -9 of every service, a Kafka and a MariaDB restart,
# waits for quiescence, runs the invariant checker and writes docs/chaos-report.md.
#   bench/chaos.sh --sagas=10000 --instances=2      (defaults: 10000 sagas, 1 instance, 16 customers)
#   bench/chaos.sh --help                            all options; --no-build skips the build
# Method, fault schedule and what the checker checks: docs/chaos.md. Exit 0 only with zero violations.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
jar=chaos/target/chaos-0.1.0-SNAPSHOT-exec.jar
args=()
build=1
for a in "$@"; do
  if [[ "$a" == "--no-build" ]]; then build=0; else args+=("$a"); fi
done
if [[ $build == 1 || ! -f $jar ]]; then
  echo "Building the services and the chaos module (JDK at $JAVA_HOME)..." >&2
  ./mvnw -q -B -ntp -pl chaos -am -DskipTests package >&2
fi
exec "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC -jar "$jar" --root="$PWD" "${args[@]}"
