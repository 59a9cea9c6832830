# Sourced by the infra and workflow scripts: exports the local development settings from dev.env.example
# for every variable the environment does not already set (the environment always wins).
servq_load_env_defaults() {
  local file line key
  file="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/dev.env.example"
  while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    key=${line%%=*}
    if [[ -z "${!key:-}" ]]; then export "$line"; fi
  done <"$file"
}
