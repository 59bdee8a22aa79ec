#!/usr/bin/env bash
# Issue #2's benchmark, folded into load.sh (issue #7): client_credentials with RS256 access tokens
# over HTTP next to raw RS256 signatures per second, and GET /jwks, on H2 unless --postgres.
# The old options are translated; everything else is load.sh's (see load.sh --help).
set -euo pipefail
scenarios="trivial,cc-rs256,jwks"
jmh="rs256,cc-rs256"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-jwks) scenarios="trivial,cc-rs256"; shift ;;
    --no-mint) jmh="rs256"; shift ;;
    --no-jmh) jmh=""; shift ;;
    --keep) shift ;;  # load.sh always keeps its output (never the credentials)
    --scope) echo "client-credentials.sh: --scope is no longer supported (the token asks for api:read)" >&2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
exec "$(dirname "$0")/load.sh" --h2 --scenarios "$scenarios" --jmh "$jmh" "${args[@]}"
