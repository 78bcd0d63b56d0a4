#!/usr/bin/env bash
# Issue #4: time from ORDER_CREATION_FAILED to the refund recorded (p50/p90/p99/max over >= 1,000 compensations)
# with Toss (the in-JVM sandbox) answering in 100 ms. Real MariaDB + Kafka (embedded);
# payment-service in its own JVM, the rest in the benchmark's JVM.
# Options (--name=value) go to the benchmark, e.g. bench/compensation-latency.sh --modes=steady --rate=20
# Method and recorded numbers: docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
exec "$(dirname "$0")/run-benchmark.sh" com.acme.shop.payment.bench.CompensationLatencyBenchmark "$@"
