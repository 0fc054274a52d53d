# Source it (`. tools/use-node.sh`) to run this shell on the Node.js major version in .nvmrc.
# If `node` on PATH is another major, the runtime is installed from the npm registry (the
# platform's `node-<os>-<cpu>` package, which ships the binary and its headers, so nothing else
# is downloaded) into .node/ (git-ignored) and put first on PATH. .ci/run uses it; so can a
# machine whose system Node is older.
__arbiter_root=$(cd "$(dirname "${BASH_SOURCE:-$0}")/.." 2>/dev/null && pwd)
# Shells that do not tell a sourced file its path (dash): run it from the repository root.
[ -f "$__arbiter_root/.nvmrc" ] || __arbiter_root=$PWD
__arbiter_major=$(tr -d ' \nv' <"$__arbiter_root/.nvmrc")
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$__arbiter_major" ]; then
  __arbiter_pkg="node-$(node -p 'process.platform + "-" + process.arch')"
  __arbiter_home="$__arbiter_root/.node/node_modules/$__arbiter_pkg"
  if [ "$("$__arbiter_home/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$__arbiter_major" ]; then
    echo "installing Node.js $__arbiter_major ($__arbiter_pkg) into .node/" >&2
    npm install --prefix "$__arbiter_root/.node" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "$__arbiter_pkg@$__arbiter_major" >&2
  fi
  export PATH="$__arbiter_home/bin:$PATH"
  # node-gyp builds native addons against the headers of the Node.js that runs them.
  export npm_config_nodedir="$__arbiter_home"
fi
unset __arbiter_root __arbiter_major __arbiter_pkg __arbiter_home
