#!/usr/bin/env bash
# The main command: sets up a fresh machine, brings up Kafka, S3 and Mailpit, starts the servq services (ingest,
# lander, query, alerts, reports), sends the demo data through ingest, and prints the addresses, development keys and a curl
# example. Stays in the foreground; Ctrl-C (or SIGTERM) stops the services it started. The infrastructure
# keeps running (`pnpm infra:down` stops it). `--detach` returns once everything is up and seeded, leaving
# the services running in the background (their pids are in .data/run/). `--no-live` sends the demo year but no
# live trickle of new events afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
detach=false
live=true
for arg in "$@"; do
  case "$arg" in
    --detach) detach=true ;;
    --no-live) live=false ;;
  esac
done

bash scripts/bootstrap.sh
# Everything from here on (pnpm's shims, tsc, vitest, tsx, the services) runs on the pinned Node.
# shellcheck source=node-runtime.sh
source scripts/node-runtime.sh
servq_use_node
# shellcheck source=../infra/local/env.sh
source infra/local/env.sh
servq_load_env_defaults
bash infra/local/infra.sh up
echo "[start] building the dashboard"
pnpm --filter @servq/dashboard build >/dev/null

DATA="${SERVQ_DATA_DIR:-$ROOT/.data}"
LOGS="$DATA/logs"
mkdir -p "$LOGS" "$DATA/run"
pids=()
stop_services() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    echo "[start] stopping services"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
if ! $detach; then
  trap stop_services EXIT
  trap 'stop_services; exit 0' INT TERM
fi

# A service of ours still running from an earlier --detach is stopped first, so ports are free.
for service in ingest lander query alerts reports; do
  pidfile="$DATA/run/$service.pid"
  if [[ -f "$pidfile" ]] && kill -0 "$(<"$pidfile")" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$(<"$pidfile")/cmdline" | grep -q "services/$service/src/main.ts"; then
    kill -TERM "$(<"$pidfile")" && while kill -0 "$(<"$pidfile")" 2>/dev/null; do sleep 0.2; done
  fi
done

# A live demo still running from an earlier --detach is stopped too: it would send to the new ingest twice.
livepid="$DATA/run/demo-live.pid"
if [[ -f "$livepid" ]] && kill -0 "$(<"$livepid")" 2>/dev/null &&
  tr '\0' ' ' <"/proc/$(<"$livepid")/cmdline" | grep -q "infra/demo/seed.ts"; then
  kill -TERM "$(<"$livepid")" || true
fi

wait_healthy() {
  local name=$1 url=$2 pid=$3 i
  for ((i = 0; i < 600; i++)); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "[start] $name exited during start-up; last log lines:" >&2
      tail -n 20 "$LOGS/$name.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "[start] $name did not become healthy at $url; see $LOGS/$name.log" >&2
  exit 1
}

# Reads a Prometheus gauge family from a service's metrics listener and prints the sum of its samples, or nothing
# when the family has no sample yet (the lander reports lag only for partitions it has been assigned).
metric_sum() {
  { curl -fsS "http://$1/metrics" 2>/dev/null || true; } |
    awk -v name="$2" '$1 ~ "^" name "([{]|$)" { s += $NF; n++ } END { if (n) print s }'
}
# Waits until the query service has finished a sync after the epoch second $1 (10 minutes at most).
synced_after() {
  local since=$1 age i
  for ((i = 0; i < 3000; i++)); do
    age=$(metric_sum "$QUERY_METRICS_ADDR" servq_query_last_sync_age_seconds)
    [[ -n "$age" && "$age" != NaN ]] && awk -v a="$age" -v s="$(($(date +%s) - since))" 'BEGIN { exit !(a < s) }' && return 0
    sleep 0.2
  done
  return 1
}
# Waits until the lander has landed what ingest acknowledged (its lag, summed over partitions, at most a few
# events: the live trickle keeps one or two in flight) and the query service has synced the lake after that.
wait_landed() {
  if [[ -z "${LANDER_METRICS_ADDR:-}" || -z "${QUERY_METRICS_ADDR:-}" ]]; then
    echo "[start] LANDER_METRICS_ADDR or QUERY_METRICS_ADDR unset: not waiting for the lake to catch up" >&2
    return 0
  fi
  local lag i
  for ((i = 0; i < 3000; i++)); do
    lag=$(metric_sum "$LANDER_METRICS_ADDR" lander_consumer_lag_events)
    [[ -n "$lag" ]] && ((lag <= 5)) && break
    ((i % 25 == 0)) && echo "[start] landing the demo data into the lake: ${lag:-?} events still to land"
    sleep 0.2
  done
  if [[ -z "$lag" ]] || ((lag > 5)); then
    echo "[start] the lander still has ${lag:-?} events to land after 10 minutes; see $LOGS/lander.log" >&2
  fi
  # A sync that finished after that moment may have started before it; the one after it has read everything.
  synced_after "$(date +%s)" && synced_after "$(date +%s)" && return 0
  echo "[start] the query service did not sync the landed demo data within 10 minutes; see $LOGS/query.log" >&2
}

declare -A health=(
  [ingest]="http://$INGEST_HOST:$INGEST_PORT/healthz"
  [lander]="http://127.0.0.1:${LANDER_HTTP_PORT:-8082}/healthz"
  [query]="http://$QUERY_HOST:$QUERY_PORT/healthz"
  [alerts]="http://$ALERTS_HOST:$ALERTS_PORT/healthz"
  [reports]="http://$REPORTS_HOST:$REPORTS_PORT/healthz"
)
start_service() {
  local service=$1 entry="services/$1/src/main.ts"
  [[ -f "$entry" ]] || return 0
  echo "[start] starting $service (log: $LOGS/$service.log)"
  if $detach; then
    nohup node --import tsx "$entry" >>"$LOGS/$service.log" 2>&1 </dev/null &
  else
    node --import tsx "$entry" >>"$LOGS/$service.log" 2>&1 &
  fi
  pids+=($!)
  echo $! >"$DATA/run/$service.pid"
  wait_healthy "$service" "${health[$service]}" $!
}
# The dashboard reaches alerts and reports through the query service's origin (/v1/alerts*, /v1/reports*); they
# start later, and until then the query service answers those paths with 502.
export QUERY_ALERTS_URL="${QUERY_ALERTS_URL-http://$ALERTS_HOST:$ALERTS_PORT}"
export QUERY_REPORTS_URL="${QUERY_REPORTS_URL-http://$REPORTS_HOST:$REPORTS_PORT}"
for service in ingest lander query; do start_service "$service"; done

INGEST_URL="http://$INGEST_HOST:$INGEST_PORT"
QUERY_URL="http://$QUERY_HOST:$QUERY_PORT"
echo "[start] sending the demo year through ingest"
node --import tsx infra/demo/seed.ts "$INGEST_URL" servq-dev-all-key --months "${SERVQ_DEMO_MONTHS:-13}" --no-live
if $live; then
  # The live trickle runs beside the services and stops with them.
  if $detach; then
    nohup node --import tsx infra/demo/seed.ts "$INGEST_URL" servq-dev-all-key --live-only >>"$LOGS/demo-live.log" 2>&1 </dev/null &
  else
    node --import tsx infra/demo/seed.ts "$INGEST_URL" servq-dev-all-key --live-only >>"$LOGS/demo-live.log" 2>&1 &
  fi
  pids+=($!)
  echo $! >"$DATA/run/demo-live.pid"
fi
# Until its first sync of the lake the query service answers with no rows; print the URL once it is ready.
echo "[start] waiting for the query service's first sync of the lake"
wait_healthy query "$QUERY_URL/readyz" "$(cat "$DATA/run/query.pid")"
# Ingest's acknowledgement means "in Kafka", not "in the lake": on a busy machine the lander was still 75,000
# events behind when the first sync finished, so the dashboard opened on half a year and the alerts service
# (below) would have judged complaints whose answers had not landed yet as overdue.
wait_landed
# The alerts service starts once the demo year is in: evaluated while the year is still arriving, the lake would
# show complaints as overdue whose answers simply had not been sent yet.
start_service alerts
# The reports service prints from the dashboard, so it starts once the query service serves the demo year too.
start_service reports

cat <<EOF

servq is running.
  Dashboard / query API  $QUERY_URL/            (API docs: $QUERY_URL/docs)
  Ingest API             $INGEST_URL/v1/events  (API docs: $INGEST_URL/docs)
  Lander health          ${health[lander]}
  Alerts API             http://$ALERTS_HOST:$ALERTS_PORT/v1/alerts  (rules: $ALERTS_RULES_FILE)
  Reports API            http://$REPORTS_HOST:$REPORTS_PORT/v1/reports/monthly?month=YYYY-MM[&office=cesis][&lang=en]  (PDF)
  Mail (Mailpit)         http://${SERVQ_MAIL_HTTP_ADDR:-127.0.0.1:8025}/  (SMTP ${SERVQ_MAIL_SMTP_ADDR:-127.0.0.1:1025})
  Prometheus metrics     http://${INGEST_METRICS_ADDR:-127.0.0.1:9464}/metrics (ingest)
                         http://${LANDER_METRICS_ADDR:-127.0.0.1:9465}/metrics (lander)
                         http://${QUERY_METRICS_ADDR:-127.0.0.1:9466}/metrics (query)
  Kafka                  $KAFKA_BROKERS
  S3 (S3Proxy)           $S3_ENDPOINT  bucket $S3_BUCKET
  Logs                   $LOGS

Development keys (local only; hashes in infra/local/dev.env.example):
  ingest  servq-dev-queue-key (visits) · servq-dev-survey-key (surveys) · servq-dev-dms-key (complaints)
          servq-dev-all-key (every family)
  query   servq-dev-management-token · servq-dev-analyst-token · servq-dev-office-cesis-token

Try:
  curl -s -H 'Authorization: Bearer servq-dev-management-token' '$QUERY_URL/v1/metrics'
  curl -s -X POST $INGEST_URL/v1/events -H 'Authorization: Bearer servq-dev-survey-key' \\
    -H 'Content-Type: application/json' \\
    -d '[{"event_id":"'\$(cat /proc/sys/kernel/random/uuid)'","type":"survey.submitted","schema_version":1,
         "occurred_at":"'\$(date -Iseconds)'","source":"readme","channel":"in_person","office_id":"cesis",
         "survey_id":"readme-1","satisfaction":5,"comment":"Paldies!"}]'
EOF

if $detach; then
  echo "[start] detached; stop the services with: kill \$(cat $DATA/run/{ingest,lander,query,alerts,reports}.pid)"
  $live && echo "[start] and the live demo with: kill \$(cat $DATA/run/demo-live.pid)"
  exit 0
fi
echo "Press Ctrl-C to stop the services."
wait -n "${pids[@]}" || true
echo "[start] a service exited; see $LOGS" >&2
exit 1
