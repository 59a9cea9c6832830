#!/usr/bin/env bash
# Sets up a fresh machine for servq: checks Node, Java and Maven, installs the pinned pnpm if it is missing,
# installs the workspace's dependencies, and fetches the Kafka and S3Proxy jars. Safe to run repeatedly.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")

say() { printf '[bootstrap] %s\n' "$*"; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "Node.js 20.19+ is required"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  die "Node.js 20.19+ is required (found $(node --version))"
command -v java >/dev/null || die "Java 17+ is required (Kafka and S3Proxy run on the JVM)"
command -v mvn >/dev/null || die "Maven is required (it fetches the Kafka and S3Proxy jars)"

if [[ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]]; then
  say "installing pnpm $PNPM_VERSION with npm"
  npm install --global --silent "pnpm@$PNPM_VERSION" >/dev/null
fi

say "installing dependencies (pnpm $(pnpm --version))"
pnpm install --frozen-lockfile --reporter=silent

bash infra/local/infra.sh resolve
