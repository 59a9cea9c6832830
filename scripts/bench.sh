#!/usr/bin/env bash
# `pnpm bench`: sets up like the test command, brings up Kafka and S3 if needed, and runs every benchmark
# (test/bench/run.ts: ingest, landing, freshness, query, scale curve) into one report,
# bench/results/<date>.json and .md, each figure next to a baseline measured in the same run.
# Benchmarks, not tests: nothing here passes or fails on speed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/bootstrap.sh
# Everything from here on (pnpm's shims, tsc, vitest, tsx, the services) runs on the pinned Node.
# shellcheck source=node-runtime.sh
source scripts/node-runtime.sh
servq_use_node
# shellcheck source=../infra/local/env.sh
source infra/local/env.sh
servq_load_env_defaults
bash infra/local/infra.sh up
# Kafka's own ProducerPerformance (the ingest bench's Java baseline) runs from the broker's jars.
SERVQ_KAFKA_LIB="${SERVQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/servq}/jars/kafka-$(sha256sum infra/local/maven/kafka/pom.xml | cut -c1-12)/lib"
export SERVQ_KAFKA_LIB
# `pnpm bench -- --quick`, `--only ingest,query`, `--sizes 1M,10M`: see test/bench/run.ts.
[[ "${1:-}" == "--" ]] && shift
exec node --import tsx test/bench/run.ts "$@"
