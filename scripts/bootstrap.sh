#!/usr/bin/env bash
# Sets up a fresh machine for servq: checks Java and Maven, fetches the pinned Node.js (.node-version) into
# ~/.cache/servq with the system's npm (scripts/node-runtime.sh; the system Node stays as it is), installs
# the pinned pnpm if it is missing, installs the workspace's dependencies on the pinned Node, and fetches
# the Kafka and S3Proxy jars. Safe to run repeatedly. The scripts that call it put the pinned Node first on
# their own PATH afterwards (servq_use_node).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=node-runtime.sh
source scripts/node-runtime.sh

say() { printf '[bootstrap] %s\n' "$*"; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

command -v java >/dev/null || die "Java 17+ is required (Kafka and S3Proxy run on the JVM)"
command -v mvn >/dev/null || die "Maven is required (it fetches the Kafka and S3Proxy jars)"

# npm installs Node and pnpm while the system Node is still first on PATH: an npm running on the cached Node
# would take the cache as its global prefix.
servq_install_node || die "could not install Node $(servq_node_version)"
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [[ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]]; then
  say "installing pnpm $PNPM_VERSION with npm"
  npm install --global --silent "pnpm@$PNPM_VERSION" >/dev/null
fi

servq_use_node || die "the pinned Node does not run"
say "node $(node --version) from $(dirname "$(command -v node)")"
say "installing dependencies (pnpm $(pnpm --version))"
pnpm install --frozen-lockfile --reporter=silent

bash infra/local/infra.sh resolve
