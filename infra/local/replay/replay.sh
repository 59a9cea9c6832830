#!/usr/bin/env bash
# `pnpm replay:rejected [--since <ISO date-time>] [--dry-run]`: see replay.ts. The environment wins; variables it
# leaves unset take the local development values (infra/local/dev.env.example), as the other scripts do.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# shellcheck source=../env.sh
source "$root/infra/local/env.sh"
servq_load_env_defaults
cd "$root"
exec node --import tsx infra/local/replay/main.ts "$@"
