#!/usr/bin/env bash
# Writes test/fixtures/tls/{localhost.key,localhost.crt}: a self-signed certificate for 127.0.0.1 and localhost,
# valid for 100 years, that the download tests' local https origin presents (the client trusts it through the
# transport's `ca` option). A test fixture only: it protects nothing. Run from the repository root.
set -euo pipefail
out=test/fixtures/tls
mkdir -p "$out"
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 36500 -subj "/CN=HyperLab test origin" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$out/localhost.key" -out "$out/localhost.crt" 2>/dev/null
echo "wrote $out/localhost.key and $out/localhost.crt"
