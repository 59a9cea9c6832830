#!/usr/bin/env bash
# The main command: sets up a fresh machine, brings up Kafka and S3, starts every servq service that exists
# and prints their addresses. Stays in the foreground; Ctrl-C (or SIGTERM) stops the services it started
# (the infrastructure keeps running; `pnpm infra:down` stops it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

bash scripts/bootstrap.sh
# shellcheck source=../infra/local/env.sh
source infra/local/env.sh
servq_load_env_defaults
bash infra/local/infra.sh up

LOGS="${SERVQ_DATA_DIR:-$ROOT/.data}/logs"
mkdir -p "$LOGS"
pids=()
stop_services() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    echo "[start] stopping services"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_services INT TERM EXIT

# Services start in pipeline order; each entry point reads the environment exported above.
for service in ingest lander query; do
  entry="services/$service/src/main.ts"
  [[ -f "$entry" ]] || continue
  echo "[start] starting $service (log: $LOGS/$service.log)"
  node --import tsx "$entry" >>"$LOGS/$service.log" 2>&1 &
  pids+=($!)
done

echo
bash infra/local/infra.sh status
echo
if ((${#pids[@]} == 0)); then
  echo "[start] infrastructure is up; no services exist yet. Press Ctrl-C to exit."
fi
# Waiting on `sleep` in the background keeps the trap responsive; `wait -n` returns when a service exits.
if ((${#pids[@]})); then
  wait -n "${pids[@]}" || true
  echo "[start] a service exited; see $LOGS" >&2
  exit 1
fi
if [[ -n "${SERVQ_START_EXIT_WHEN_READY:-}" ]]; then exit 0; fi
while true; do sleep 3600 & wait $!; done
