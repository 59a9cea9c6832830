#!/usr/bin/env bash
# The test command: sets itself up on a fresh machine, brings up the Kafka, S3 and mail components that are not
# already running (and stops only those again at the end), then runs format, type and lint checks and every
# vitest project (unit, integration, e2e). Exits non-zero when anything fails.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

bash scripts/bootstrap.sh
# Everything from here on (pnpm's shims, tsc, vitest, tsx, the services) runs on the pinned Node.
# shellcheck source=node-runtime.sh
source scripts/node-runtime.sh
servq_use_node
bash scripts/ensure-chromium.sh
# shellcheck source=../infra/local/env.sh
source infra/local/env.sh
servq_load_env_defaults

started=()
cleanup() {
  local status=$?
  for component in "${started[@]}"; do bash infra/local/infra.sh down "$component" || true; done
  exit "$status"
}
trap cleanup EXIT

for component in kafka s3 mail; do
  if ! bash infra/local/infra.sh status | grep -qE "^$component +running"; then started+=("$component"); fi
  bash infra/local/infra.sh up "$component"
done

echo '[test] format'
pnpm exec prettier --check . >/dev/null || { pnpm exec prettier --check . ; exit 1; }
echo '[test] typecheck'
pnpm run --silent typecheck
echo '[test] lint'
pnpm run --silent lint
echo '[test] build the dashboard (the browser test serves its dist)'
pnpm --filter @servq/dashboard build >/dev/null
echo '[test] vitest (unit, integration, e2e)'
pnpm exec vitest run "$@"
