#!/usr/bin/env bash
# Real Kafka (KRaft, one combined broker+controller), a real S3 server (S3Proxy, filesystem backend) and a real
# SMTP server with an HTTP API (Mailpit) on loopback, for development, tests and the demo. No Docker: the jars
# come from Maven Central through `mvn`, Mailpit is built from its Go module with `go install`, both into a cache
# outside the git tree; data, logs and pid files live under the git-ignored .data/.
#
#   infra.sh up [kafka|s3|mail]     start what is not running (idempotent), wait until it answers, provision
#   infra.sh down [kafka|s3|mail]   stop only the processes this script started (pid file + command line check)
#   infra.sh status                 each component's state, address and data directory
#   infra.sh resolve                only fetch the jars and build Mailpit
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

# Settings: the environment wins; otherwise the local example env file supplies development values.
# shellcheck source=env.sh
source "$HERE/env.sh"
servq_load_env_defaults

DATA=${SERVQ_DATA_DIR:-$ROOT/.data}
CACHE=${SERVQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/servq}
RUN="$DATA/run"
LOGS="$DATA/logs"

KAFKA_ADDR=${KAFKA_BROKERS%%,*}
KAFKA_HOST=${KAFKA_ADDR%:*}
KAFKA_PORT=${KAFKA_ADDR##*:}
KAFKA_CONTROLLER_PORT=${SERVQ_KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
KAFKA_HEAP=${SERVQ_KAFKA_HEAP:-768m}
S3_HOSTPORT=${S3_ENDPOINT#*://}
S3_HOST=${S3_HOSTPORT%:*}
S3_PORT=${S3_HOSTPORT##*:}
S3_HEAP=${SERVQ_S3_HEAP:-256m}
MAIL_SMTP_ADDR=${SERVQ_MAIL_SMTP_ADDR:-127.0.0.1:1025}
MAIL_HTTP_ADDR=${SERVQ_MAIL_HTTP_ADDR:-127.0.0.1:8025}
MAILPIT_VERSION=${SERVQ_MAILPIT_VERSION:-v1.33.1}

log() { printf '[infra] %s\n' "$*"; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

# --- jars ------------------------------------------------------------------------------------------------

# Prints the lib directory for a pom, resolving it with Maven the first time. The directory is keyed by the
# pom's hash, so editing a pom resolves afresh and an interrupted resolve is never mistaken for a finished one.
jars_for() {
  local name=$1 pom="$HERE/maven/$1/pom.xml" hash dir
  hash=$(sha256sum "$pom" | cut -c1-12)
  dir="$CACHE/jars/$name-$hash"
  if [[ ! -f "$dir/.complete" ]]; then
    command -v mvn >/dev/null || die "mvn not found: Maven is needed to fetch $name"
    log "resolving $name jars with Maven into $dir" >&2
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$dir.tmp/lib" >&2 || die "Maven could not resolve $name"
    rm -rf "$dir" && mv "$dir.tmp" "$dir" && touch "$dir/.complete"
  fi
  printf '%s/lib' "$dir"
}

# --- mailpit -------------------------------------------------------------------------------------------

# Prints the path of the Mailpit binary, building it with `go install` (through the configured Go module proxy)
# the first time. Like the jars, a build lands in a temporary directory and is renamed only when complete.
mailpit_bin() {
  local dir="$CACHE/mailpit-$MAILPIT_VERSION"
  if [[ ! -f "$dir/.complete" ]]; then
    command -v go >/dev/null || die "go not found: Go is needed to build Mailpit (the mail component)"
    log "building Mailpit $MAILPIT_VERSION with go install into $dir (a minute or two the first time)" >&2
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp/bin"
    (cd "$dir.tmp" && GOBIN="$dir.tmp/bin" GOFLAGS=-mod=mod go install "github.com/axllent/mailpit@$MAILPIT_VERSION") >&2 ||
      die "go install of Mailpit $MAILPIT_VERSION failed"
    rm -rf "$dir" && mv "$dir.tmp" "$dir" && touch "$dir/.complete"
  fi
  printf '%s/bin/mailpit' "$dir"
}

# --- processes -------------------------------------------------------------------------------------------

# A pid file names a process of ours only if that process is alive and its command line carries our data dir.
our_pid() {
  local pidfile="$RUN/$1.pid" pid
  [[ -f "$pidfile" ]] || return 1
  pid=$(<"$pidfile")
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$DATA" || return 1
  printf '%s' "$pid"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

stop_component() {
  local name=$1 pid i
  if ! pid=$(our_pid "$name"); then
    rm -f "$RUN/$name.pid"
    log "$name: not running (nothing of ours to stop)"
    return 0
  fi
  log "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: did not stop within 30 s, killing"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$name.pid"
}

# Waits until a started process listens on its port, failing at once (with its log) if it dies first.
wait_listening() {
  local name=$1 host=$2 port=$3 pid i
  pid=$(<"$RUN/$name.pid")
  for ((i = 0; i < 1200; i++)); do
    port_open "$host" "$port" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited during start-up; last log lines:"
      tail -n 30 "$LOGS/$name.log" >&2 || true
      rm -f "$RUN/$name.pid"
      exit 1
    fi
    sleep 0.1
  done
  die "$name did not listen on $host:$port within 120 s; see $LOGS/$name.log"
}

# Waits until the component answers its protocol (not just an open port) and creates its topics or bucket.
provision() {
  node --import tsx "$HERE/provision.ts" "$1" || {
    log "$1 did not become ready; last log lines:"
    tail -n 30 "$LOGS/$1.log" >&2 || true
    exit 1
  }
}

# --- kafka -----------------------------------------------------------------------------------------------

write_kafka_config() {
  local cfg="$DATA/kafka/server.properties"
  mkdir -p "$DATA/kafka/logs"
  cat >"$cfg" <<EOF
# Generated by infra/local/infra.sh; edits are overwritten on the next start.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA/kafka/logs
num.partitions=${SERVQ_TOPIC_PARTITIONS:-6}
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=-1
num.network.threads=2
num.io.threads=2
EOF
  printf '%s' "$cfg"
}

start_kafka() {
  if pid=$(our_pid kafka); then
    log "kafka: already running (pid $pid) on $KAFKA_HOST:$KAFKA_PORT"
    return 0
  fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" && die "port $KAFKA_HOST:$KAFKA_PORT is taken by a process this script did not start"
  local lib cfg
  lib=$(jars_for kafka)
  cfg=$(write_kafka_config)
  mkdir -p "$RUN" "$LOGS"
  if [[ ! -f "$DATA/kafka/logs/meta.properties" ]]; then
    local cluster_id
    cluster_id=$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    log "kafka: formatting KRaft storage (cluster $cluster_id)"
    java -cp "$lib/*" -Dlog4j2.configurationFile="$HERE/log4j2.kafka.xml" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$cfg" --standalone --ignore-formatted >>"$LOGS/kafka.log" 2>&1 ||
      die "kafka storage format failed; see $LOGS/kafka.log"
  fi
  log "kafka: starting on $KAFKA_HOST:$KAFKA_PORT (heap $KAFKA_HEAP)"
  nohup java -Xms128m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$HERE/log4j2.kafka.xml" -Dkafka.logs.dir="$LOGS" \
    -cp "$lib/*" kafka.Kafka "$cfg" >>"$LOGS/kafka.log" 2>&1 </dev/null &
  echo $! >"$RUN/kafka.pid"
  wait_listening kafka "$KAFKA_HOST" "$KAFKA_PORT"
}

# --- s3 --------------------------------------------------------------------------------------------------

# S3Proxy's filesystem store writes an object to "<key>-<random UUID>", sets its checksum attribute, then renames it
# into place. A server stopped mid-write (a crash, the fault suite's stop) leaves that file behind without the
# attribute, and from then on every listing over it answers 500. No servq key ends in a UUID, so such a file is
# only ever an unfinished write: remove it before the server starts again.
remove_unfinished_s3_writes() {
  local file
  [[ -d $DATA/s3 ]] || return 0
  while IFS= read -r -d '' file; do
    rm -f -- "$file"
    log "s3: removed an unfinished write: ${file#"$DATA/s3/"}"
  done < <(find "$DATA/s3" -type f -regextype posix-extended \
    -regex '.*-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' -print0)
}

start_s3() {
  if pid=$(our_pid s3); then
    log "s3: already running (pid $pid) on $S3_ENDPOINT"
    return 0
  fi
  port_open "$S3_HOST" "$S3_PORT" && die "port $S3_HOST:$S3_PORT is taken by a process this script did not start"
  local lib props="$DATA/s3proxy.properties"
  lib=$(jars_for s3proxy)
  mkdir -p "$RUN" "$LOGS" "$DATA/s3"
  remove_unfinished_s3_writes
  cat >"$props" <<EOF
# Generated by infra/local/infra.sh; edits are overwritten on the next start.
s3proxy.endpoint=http://$S3_HOST:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY_ID
s3proxy.credential=$S3_SECRET_ACCESS_KEY
jclouds.provider=filesystem-nio2
# The backend's own credentials (a local directory needs none, but the provider insists on having them).
jclouds.identity=local
jclouds.credential=local
jclouds.filesystem.basedir=$DATA/s3
EOF
  log "s3: starting S3Proxy on $S3_ENDPOINT (heap $S3_HEAP)"
  nohup java -Xms64m -Xmx"$S3_HEAP" -XX:+UseSerialGC -Dlogback.configurationFile="$HERE/logback.s3proxy.xml" -cp "$lib/*" org.gaul.s3proxy.Main --properties "$props" \
    >>"$LOGS/s3.log" 2>&1 </dev/null &
  echo $! >"$RUN/s3.pid"
  wait_listening s3 "$S3_HOST" "$S3_PORT"
}

# --- mail ------------------------------------------------------------------------------------------------

loopback_only() {
  case ${2%:*} in
    127.* | localhost | '[::1]') ;;
    *) die "$1 must listen on loopback, not ${2%:*}" ;;
  esac
}

start_mail() {
  loopback_only SERVQ_MAIL_SMTP_ADDR "$MAIL_SMTP_ADDR"
  loopback_only SERVQ_MAIL_HTTP_ADDR "$MAIL_HTTP_ADDR"
  if pid=$(our_pid mail); then
    log "mail: already running (pid $pid); SMTP $MAIL_SMTP_ADDR, HTTP API $MAIL_HTTP_ADDR"
    return 0
  fi
  local host port
  for addr in "$MAIL_SMTP_ADDR" "$MAIL_HTTP_ADDR"; do
    host=${addr%:*} port=${addr##*:}
    port_open "$host" "$port" && die "port $host:$port is taken by a process this script did not start"
  done
  local bin
  bin=$(mailpit_bin)
  mkdir -p "$RUN" "$LOGS" "$DATA/mail"
  log "mail: starting Mailpit; SMTP $MAIL_SMTP_ADDR, HTTP API $MAIL_HTTP_ADDR"
  # The database path carries the data dir, which is how our_pid recognises the process as ours.
  nohup "$bin" --smtp "$MAIL_SMTP_ADDR" --listen "$MAIL_HTTP_ADDR" --database "$DATA/mail/mailpit.db" \
    --smtp-auth-accept-any --smtp-auth-allow-insecure --disable-version-check --max 5000 --quiet \
    >>"$LOGS/mail.log" 2>&1 </dev/null &
  echo $! >"$RUN/mail.pid"
  wait_listening mail "${MAIL_SMTP_ADDR%:*}" "${MAIL_SMTP_ADDR##*:}"
  wait_listening mail "${MAIL_HTTP_ADDR%:*}" "${MAIL_HTTP_ADDR##*:}"
  local i
  for ((i = 0; i < 300; i++)); do
    curl -fsS -o /dev/null "http://$MAIL_HTTP_ADDR/api/v1/info" 2>/dev/null && {
      log "mail: ready; SMTP $MAIL_SMTP_ADDR, messages at http://$MAIL_HTTP_ADDR/"
      return 0
    }
    sleep 0.1
  done
  die "mail did not answer http://$MAIL_HTTP_ADDR/api/v1/info within 30 s; see $LOGS/mail.log"
}

# --- commands --------------------------------------------------------------------------------------------

status_line() {
  local name=$1 addr=$2 dir=$3 pid state
  if pid=$(our_pid "$name"); then
    state="running (pid $pid)"
  elif [[ -n "$addr" ]] && port_open "${addr%:*}" "${addr##*:}"; then
    state="port taken by another process"
  else
    state="stopped"
  fi
  printf '%-6s %-32s %-24s %s\n' "$name" "$state" "$addr" "$dir"
}

cmd_status() {
  printf '%-6s %-32s %-24s %s\n' component state address data
  status_line kafka "$KAFKA_HOST:$KAFKA_PORT" "$DATA/kafka"
  status_line s3 "$S3_HOST:$S3_PORT" "$DATA/s3 (bucket $S3_BUCKET)"
  status_line mail "$MAIL_SMTP_ADDR" "$DATA/mail (HTTP API $MAIL_HTTP_ADDR)"
}

cmd_up() {
  local which=${1:-all}
  command -v java >/dev/null || die "java not found: Java 17 is needed to run Kafka and S3Proxy"
  [[ -d "$ROOT/node_modules" ]] || die "dependencies are not installed; run scripts/bootstrap.sh first"
  case $which in
    all) start_kafka; start_s3; start_mail; provision kafka; provision s3 ;;
    kafka) start_kafka; provision kafka ;;
    s3) start_s3; provision s3 ;;
    mail) start_mail ;;
    *) die "unknown component '$which' (kafka, s3, mail)" ;;
  esac
}

cmd_down() {
  case ${1:-all} in
    all) stop_component mail; stop_component s3; stop_component kafka ;;
    kafka | s3 | mail) stop_component "$1" ;;
    *) die "unknown component '$1' (kafka, s3, mail)" ;;
  esac
}

case ${1:-} in
  up) cmd_up "${2:-}" ;;
  down) cmd_down "${2:-}" ;;
  status) cmd_status ;;
  resolve) jars_for kafka >/dev/null; jars_for s3proxy >/dev/null; mailpit_bin >/dev/null; log "jars and Mailpit under $CACHE" ;;
  *) echo "usage: $0 up|down [kafka|s3|mail] | status | resolve" >&2; exit 2 ;;
esac
