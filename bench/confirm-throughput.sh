#!/usr/bin/env bash
# Issue #3: confirm throughput of payment-service with Toss (the in-JVM sandbox) answering in 200 ms and a
# pool of 10 DB connections, printed beside the naive bound pool / latency = 50 confirms/s.
# Real MariaDB + Kafka (embedded); payment-service in its own JVM, the rest in the benchmark's JVM.
# Options (--name=value) go to the benchmark, e.g.
#   bench/confirm-throughput.sh --n=4000 --concurrency=600 --payment-args=--server.tomcat.threads.max=400
# Method and recorded numbers: docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
exec "$(dirname "$0")/run-benchmark.sh" com.acme.shop.payment.bench.ConfirmThroughputBenchmark "$@"
