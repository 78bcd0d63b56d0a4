#!/usr/bin/env bash
# Issue #12: the operators' payment search on 1,000,000 payments (seeded first, not measured), through
# payment-service's HTTP API with the service token, one query at a time; p50/p95/p99 per query shape, CPU per
# query and the ratio to reading one payment by orderId in the same run.
# Real MariaDB + Kafka (embedded); payment-service in its own JVM. Options (--name=value) go to the benchmark, e.g.
#   bench/payment-search.sh --n=200000 --repeat=100
# Method and recorded numbers: docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/.."
exec "$(dirname "$0")/run-benchmark.sh" com.acme.shop.payment.bench.PaymentSearchBenchmark "$@"
