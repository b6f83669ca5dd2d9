#!/usr/bin/env bash
# The README's test command: installs what the tests need when missing, then runs every test.
# Idempotent and quiet when everything is already there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v hadolint >/dev/null 2>&1 || true # hadolint is not a Debian package; the Dockerfile lint uses npm's dockerfilelint-free check below
if ((${#need_apt[@]})); then
  echo "Installing ${need_apt[*]} from Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [[ ! -d tools/node/node_modules ]] || [[ tools/node/package-lock.json -nt tools/node/node_modules ]]; then
  echo "Installing node test tools (tools/node, from its lockfile)…"
  (cd tools/node && npm ci --no-audit --no-fund --loglevel=error)
fi

python3 -c "import moto" 2>/dev/null || { echo "moto is missing: pip install 'moto[server]==5.2.1'"; pip install -q 'moto[server]==5.2.1'; }

dotnet test ReviewerPortal.slnx "$@"
