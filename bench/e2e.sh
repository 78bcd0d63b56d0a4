#!/usr/bin/env bash
# Issue #13: the end-to-end benchmark. The Toss sandbox and the four services as separate JVMs (their exec jars),
# MariaDB and a Kafka broker, all on this machine through LocalCluster (free ports, data and logs in
# .local/bench-e2e), driven over HTTP. In the same run: this machine's ceilings (durable single-row commits at 16
# clients, Kafka acks=all produce rate, CPU of a reference Spring MVC request) and every result as a ratio to them.
# Prints a Markdown report (also .local/bench-e2e/report.md) and writes the charts to docs/images/bench-e2e-*.png.
# Options (--name=value) go to the benchmark, e.g.
#   bench/e2e.sh --rate=100 --rate-seconds=30 --sat-seconds=30 --sat-concurrency=48 --comp-n=300
# Takes about 10 minutes on 2 cores. Method and recorded numbers: docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
work="$PWD/.local/bench-e2e"
mkdir -p "$work"
echo "Building the applications' jars and the benchmark (JDK at $JAVA_HOME)..." >&2
# -am builds every module the benchmark needs from this checkout, including the five applications' exec jars.
./mvnw -q -B -ntp -pl bench -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath.txt" >&2
exec "$JAVA_HOME/bin/java" -Xmx1g -Djava.awt.headless=true -Dshop.home="$PWD" -Dshop.logs="$work/driver-logs" ${BENCH_JAVA_OPTS:-} \
  -cp "bench/target/classes:$(cat "$work/classpath.txt")" com.acme.shop.bench.E2eBenchmark "$@"
