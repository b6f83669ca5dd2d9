#!/usr/bin/env bash
# Prints the code figures issue 12's closing notes compare: each project's files and lines (.cs/.razor), its median and
# largest file, and the folder dependency graph of the portal and of the engine. Reads the working tree; changes nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec python3 "$root/tools/code-figures.py" "$root"
