#!/usr/bin/env bash
# The README's test command (and CI's, through .ci/run): installs what the tests need when it is missing, then runs
# every test. Idempotent and quiet when everything is already there. Extra arguments go to `dotnet test`
# (e.g. --filter "FullyQualifiedName~Storage").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Debian packages: Chromium for the browser tests (Playwright drives it; no browser download exists here), node for
# the npm tools (dynalite, asl-validator, oidc-provider, dockerfile-utils).
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if ((${#need_apt[@]})); then
  echo "Installing ${need_apt[*]} from Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm tools live in tools/node and install from its lockfile; reinstall when the lockfile changed since.
if [[ ! -d tools/node/node_modules ]] || [[ tools/node/package-lock.json -nt tools/node/node_modules ]]; then
  echo "Installing node test tools (tools/node, from its lockfile)…"
  (cd tools/node && npm ci --no-audit --no-fund --loglevel=error)
  touch tools/node/node_modules
fi

python3 -c "import moto" 2>/dev/null || { echo "moto is missing: pip install 'moto[server]==5.2.1'"; pip install -q 'moto[server]==5.2.1'; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test ReviewerPortal.slnx "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line across test assemblies, e.g. "312 passed, 0 failed, 0 skipped".
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ total += $2 } END { print total + 0 }'; }
if grep -qE 'Passed: +[0-9]+' "$log"; then
  echo "$(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
fi
exit "$status"
