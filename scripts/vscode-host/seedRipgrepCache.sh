#!/usr/bin/env bash
# Fills @vscode/ripgrep's download cache with Debian's rg, so its postinstall never goes online.
set -euo pipefail
RG=$(command -v rg)
T=${TMPDIR:-/tmp}
for v in 1.15.9 1.15.10 1.15.11 1.15.14; do
  d="$T/vscode-ripgrep-cache-$v"; mkdir -p "$d"
  w=$(mktemp -d); cp "$RG" "$w/rg"
  for tag in v13.0.0-10 v13.0.0-4; do tar czf "$d/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C "$w" rg; done
  rm -rf "$w"
done
echo "seeded the ripgrep cache from $RG"
