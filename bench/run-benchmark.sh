#!/usr/bin/env bash
# Shared by the bench/*.sh scripts: compiles payment-service's test sources and runs a benchmark main class
# with the test classpath in its own JVM. Usage: bench/run-benchmark.sh <main class> [--name=value ...]
# The compiled classes are copied to .local/bench first, so a build in payment-service/target during the run
# (another terminal, the IDE) cannot swap classes under the running benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
main=$1; shift
work="$PWD/.local/bench"
mkdir -p "$work"
echo "Building payment-service test classes (JDK at $JAVA_HOME)..." >&2
# -am builds the modules payment-service needs from this checkout (a fresh machine has none installed); the
# classpath file is written by each module in turn and payment-service, built last, writes the one we keep.
./mvnw -q -ntp -pl payment-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >&2
rm -rf "$work/classes" "$work/test-classes"
cp -r payment-service/target/classes "$work/classes"
cp -r payment-service/target/test-classes "$work/test-classes"
# Each run starts its own embedded MariaDB and Kafka under $work/target/test-infra; drop earlier runs' data.
rm -rf "$work"/target/test-infra/kafka-* "$work"/target/test-infra/mariadb-[0-9]*
cd "$work"
# BENCH_JAVA_OPTS adds JVM options, e.g. a JFR recording: -XX:StartFlightRecording=filename=/tmp/bench.jfr
exec "$JAVA_HOME/bin/java" -Xms2g -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "$work/test-classes:$work/classes:$(cat "$work/classpath.txt")" "$main" "$@"
