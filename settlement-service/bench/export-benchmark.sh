#!/usr/bin/env bash
# Benchmark of the finance Excel export (issue #6): loads 1,000,000 ledger rows into an embedded MariaDB, then
# exports them with the service's own SettlementExport in a JVM limited to -Xmx256m and prints wall time and peak
# heap. Not a test; results go into docs/benchmarks.md.
#   settlement-service/bench/export-benchmark.sh [rows]        (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/select-jdk.sh
./mvnw -q -ntp -pl settlement-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/settlement-service/target/bench.classpath"
cd settlement-service
exec "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.acme.shop.settlement.export.ExportBenchmark "$@"
