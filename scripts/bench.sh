#!/usr/bin/env bash
# `pnpm bench`: sets up like the test command, brings up Kafka and S3 if needed, and runs every benchmark
# (packages/*/bench/*.bench.ts, services/*/bench/*.bench.ts). Each writes its figures, next to a baseline measured
# in the same run, to
# bench/results/<name>.json. Benchmarks, not tests: nothing here passes or fails on speed.
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
mkdir -p bench/results
status=0
for bench in packages/*/bench/*.bench.ts services/*/bench/*.bench.ts; do
  [[ -f "$bench" ]] || continue
  echo "[bench] $bench"
  node --import tsx "$bench" || { echo "[bench] $bench failed" >&2; status=1; }
done
exit $status
