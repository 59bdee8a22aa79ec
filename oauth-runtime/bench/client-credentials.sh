#!/usr/bin/env bash
# Issue #2 benchmark: client_credentials tokens per second over HTTP (wrk, 32 connections) next to
# raw RS256 signatures per second (JMH, 2 threads) on the same machine in the same run, and their
# ratio. Run on purpose, never by CI. Every step is bounded in time; every target is 127.0.0.1.
# See bench/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: oauth-runtime/bench/client-credentials.sh [options]

  --warmup SECONDS       wrk warm-up before each measured run (default 10)
  --duration SECONDS     measured wrk run (default 30)
  --connections N        wrk connections (default 32)
  --threads N            wrk threads (default 2)
  --scope SCOPE          add scope=SCOPE to the token request (default: none)
  --postgres             run against PostgreSQL on 127.0.0.1:5432 (user postgres, a fresh database)
  --no-jwks              skip the GET /jwks baseline
  --no-mint              skip the JMH IssueToken mint-path benchmark (no HTTP)
  --no-jmh               skip JMH entirely (no signature ratio)
  --rebuild              rebuild portcullis.jar even when it exists
  --keep                 keep the temp dir (server log, wrk and JMH output)
  -h, --help             this text
EOF
}

WARMUP=10
DURATION=30
CONNECTIONS=32
THREADS=2
SCOPE=""
POSTGRES=0
JWKS=1
MINT=1
JMH=1
REBUILD=0
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) WARMUP=${2:?--warmup needs seconds}; shift 2 ;;
    --duration) DURATION=${2:?--duration needs seconds}; shift 2 ;;
    --connections) CONNECTIONS=${2:?--connections needs a number}; shift 2 ;;
    --threads) THREADS=${2:?--threads needs a number}; shift 2 ;;
    --scope) SCOPE=${2:?--scope needs a value}; shift 2 ;;
    --postgres) POSTGRES=1; shift ;;
    --no-jwks) JWKS=0; shift ;;
    --no-mint) MINT=0; shift ;;
    --no-jmh) JMH=0; shift ;;
    --rebuild) REBUILD=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$WARMUP" "$DURATION" "$CONNECTIONS" "$THREADS"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
[ "$DURATION" -ge 1 ] || { echo "--duration must be at least 1" >&2; exit 2; }

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] FATAL: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNTIME="$ROOT/oauth-runtime"
JAR="$RUNTIME/target/portcullis.jar"
HOST=127.0.0.1
PG_HOST=127.0.0.1

# --- state cleaned up on any exit -----------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portcullis-bench.XXXXXX")
SERVER_PID=""
PG_DB=""
CHILD=""
# Runs a long step as a child and waits for it, so that a signal is handled at once, not after the step.
run() {
  "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      say "server $SERVER_PID ignored SIGTERM for 20 s: killing it"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
cleanup() {
  local rc=$?
  if [ -n "$CHILD" ]; then kill -TERM "$CHILD" 2>/dev/null || true; wait "$CHILD" 2>/dev/null || true; fi
  stop_server
  if [ -n "$PG_DB" ]; then
    timeout 30 psql -h "$PG_HOST" -U postgres -d postgres -qAtc "drop database if exists $PG_DB" >/dev/null 2>&1 \
      || say "could not drop database $PG_DB"
  fi
  if [ "$KEEP" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools ----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  command -v apt-get >/dev/null || die "wrk is missing and apt-get is not available"
  say "installing wrk"
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null; } \
    || die "apt-get install wrk failed"
fi
for tool in java mvn curl base64 awk; do command -v "$tool" >/dev/null || die "$tool is required"; done
if [ "$POSTGRES" = 1 ]; then
  for tool in psql openssl; do command -v "$tool" >/dev/null || die "$tool is required for --postgres"; done
fi

# Maven offline first; online only when something (JMH the first time) is not in ~/.m2 yet.
mvn_build() {
  local log="$WORK/mvn.log"
  if ! run timeout 900 mvn -B -q -o -f "$ROOT/pom.xml" "$@" >"$log" 2>&1; then
    say "offline build failed, retrying online (first run fetches JMH)"
    run timeout 900 mvn -B -q -f "$ROOT/pom.xml" "$@" >"$log" 2>&1 || { tail -40 "$log" >&2; die "mvn $* failed"; }
  fi
}

if [ "$REBUILD" = 1 ] || [ ! -f "$JAR" ]; then
  say "building $JAR"
  mvn_build -DskipTests package
fi
[ -f "$JAR" ] || die "no $JAR after the build"

# --- machine --------------------------------------------------------------------------------
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
JAVA_VERSION=$(java -version 2>&1 | head -1)
LOAD_START=$(uptime)
# Share of CPU left idle by everything else over 2 s before the run: the other builds on the box.
cpu_idle_pct() {
  local _c u n s i w q sq st t1 i1
  read -r _c u n s i w q sq st _ </proc/stat; t1=$((u + n + s + i + w + q + sq + st)); i1=$((i + w))
  sleep 2
  read -r _c u n s i w q sq st _ </proc/stat
  echo $(( 100 * (i + w - i1) / (u + n + s + i + w + q + sq + st - t1 + 1) ))
}
IDLE_START=$(cpu_idle_pct)

# --- a free loopback port -------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
PORT=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if ! port_in_use "$candidate"; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || die "no free port found on $HOST"
BASE="http://$HOST:$PORT"

# --- database -------------------------------------------------------------------------------
SERVER_ENV=(
  "PORTCULLIS_MODE=development"
  "PORTCULLIS_HTTP_HOST=$HOST"
  "PORTCULLIS_HTTP_PORT=$PORT"
  "PORTCULLIS_ISSUER=$BASE"
  "PORTCULLIS_DATA_DIR=$WORK/data"
)
DB_LABEL="H2 (embedded, development default) in $WORK/data"
if [ "$POSTGRES" = 1 ]; then
  PG_DB="portcullis_bench_$(date +%s)_$$"
  timeout 30 psql -h "$PG_HOST" -U postgres -d postgres -qAtc "create database $PG_DB" >/dev/null \
    || { PG_DB=""; die "cannot create database on $PG_HOST:5432 as postgres"; }
  SERVER_ENV+=(
    "PORTCULLIS_DB_URL=jdbc:postgresql://$PG_HOST:5432/$PG_DB"
    "PORTCULLIS_DB_USER=postgres"
    "PORTCULLIS_MASTER_KEY=$(openssl rand -base64 32)"
  )
  PG_VERSION=$(timeout 10 psql -h "$PG_HOST" -U postgres -d postgres -qAtc 'show server_version' 2>/dev/null || echo '?')
  DB_LABEL="PostgreSQL $PG_VERSION at $PG_HOST:5432/$PG_DB"
fi

# --- server ---------------------------------------------------------------------------------
say "starting $JAR on $BASE ($DB_LABEL)"
mkdir -p "$WORK/data"
(cd "$WORK" && exec env "${SERVER_ENV[@]}" java -jar "$JAR") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
SECRET=""
for _ in $(seq 1 120); do
  SECRET=$(sed -n 's/^ *client_secret: *\([^ ]*\).*$/\1/p' "$WORK/server.log" | head -1)
  [ -n "$SECRET" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the server exited during start"; }
  sleep 0.5
done
[ -n "$SECRET" ] || { tail -40 "$WORK/server.log" >&2; die "no client_secret line within 60 s"; }
CLIENT_ID=$(sed -n 's/^ *client_id: *\([^ ]*\).*$/\1/p' "$WORK/server.log" | head -1)
CLIENT_ID=${CLIENT_ID:-dev-client}
# RFC 6749 §2.3.1: id and secret are form-url-encoded before Basic; the dev values need no escaping.
BASIC=$(printf '%s:%s' "$CLIENT_ID" "$SECRET" | base64 -w0)
BODY="grant_type=client_credentials"
[ -z "$SCOPE" ] || BODY="$BODY&scope=$(printf '%s' "$SCOPE" | sed 's/:/%3A/g; s/ /+/g')"

status=$(curl -s -o "$WORK/first-token.json" -w '%{http_code}' --max-time 10 \
  -H "Authorization: Basic $BASIC" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data "$BODY" "$BASE/token" || true)
[ "$status" = 200 ] || { cat "$WORK/first-token.json" >&2 || true; die "first token request answered $status"; }
say "first token request: 200"

# --- wrk ------------------------------------------------------------------------------------
# done() prints machine-readable lines; errors.status counts responses with status >= 400.
cat >"$WORK/report.lua" <<'EOF'
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
EOF
cat >"$WORK/token.lua" <<EOF
wrk.method = "POST"
wrk.body = "$BODY"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $BASIC"
EOF
cat "$WORK/report.lua" >>"$WORK/token.lua"
cp "$WORK/report.lua" "$WORK/jwks.lua"

run_wrk() { # name url script seconds [--latency]
  local name=$1 url=$2 script=$3 seconds=$4; shift 4
  run timeout $(( seconds + 60 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$script" "$@" "$url" \
    >"$WORK/$name.txt" 2>&1 || { cat "$WORK/$name.txt" >&2; die "wrk $name failed"; }
}
field() { # file key
  sed -n 's/^BENCH .*/&/p' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -1
}
rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }

if [ "$WARMUP" -gt 0 ]; then
  say "POST /token warm-up ${WARMUP}s"
  run_wrk token-warmup "$BASE/token" "$WORK/token.lua" "$WARMUP"
fi
say "POST /token measured ${DURATION}s: $THREADS threads, $CONNECTIONS connections"
run_wrk token "$BASE/token" "$WORK/token.lua" "$DURATION" --latency
LOAD_AFTER_TOKEN=$(uptime)

if [ "$JWKS" = 1 ]; then
  if [ "$WARMUP" -gt 0 ]; then
    say "GET /jwks warm-up ${WARMUP}s"
    run_wrk jwks-warmup "$BASE/jwks" "$WORK/jwks.lua" "$WARMUP"
  fi
  say "GET /jwks measured ${DURATION}s"
  run_wrk jwks "$BASE/jwks" "$WORK/jwks.lua" "$DURATION" --latency
fi

SERVER_CPU=$(ps -o times= -p "$SERVER_PID" 2>/dev/null | tr -d ' ' || true)
# The JMH run gets the machine to itself.
stop_server
say "server stopped"

# --- JMH ------------------------------------------------------------------------------------
RS256="" RS256_ERR="" MINT_OPS="" MINT_ERR=""
if [ "$JMH" = 1 ]; then
  say "compiling the benchmarks (-Pbench)"
  mvn_build -Pbench -pl oauth-runtime -am process-test-classes
  BENCH_DIR="$RUNTIME/target/bench"
  [ -s "$BENCH_DIR/bench.classpath" ] || die "no $BENCH_DIR/bench.classpath"
  CP="$BENCH_DIR/test-classes:$BENCH_DIR/classes:$(cat "$BENCH_DIR/bench.classpath")"
  PATTERNS=('RawSigningBenchmark\.rs256$')
  [ "$MINT" = 0 ] || PATTERNS+=('IssueTokenBenchmark\.clientCredentials$')
  say "JMH: ${PATTERNS[*]} (2 threads, fork 1, 2x3 s warm-up, 3x5 s measured each)"
  run timeout 600 java -cp "$CP" org.openjdk.jmh.Main "${PATTERNS[@]}" -rf csv -rff "$WORK/jmh.csv" \
    >"$WORK/jmh.txt" 2>&1 || { tail -40 "$WORK/jmh.txt" >&2; die "JMH failed"; }
  jmh_col() { # benchmark-suffix column
    awk -F, -v b="$1" -v c="$2" '{ gsub(/"/, "") } $1 ~ b"$" { print $c }' "$WORK/jmh.csv"
  }
  RS256=$(jmh_col 'RawSigningBenchmark.rs256' 5)
  RS256_ERR=$(jmh_col 'RawSigningBenchmark.rs256' 6)
  if [ "$MINT" = 1 ]; then
    MINT_OPS=$(jmh_col 'IssueTokenBenchmark.clientCredentials' 5)
    MINT_ERR=$(jmh_col 'IssueTokenBenchmark.clientCredentials' 6)
  fi
fi
LOAD_END=$(uptime)

# --- summary --------------------------------------------------------------------------------
T=$WORK/token.txt
TOKENS=$(rps "$T")
ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }
num() { awk -v x="$1" 'BEGIN { printf "%.0f", x }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
load1() { sed -n 's/.*load average: *\([0-9.]*\).*/\1/p' <<<"$1"; }
NPROC=$(nproc)

{
  echo
  echo "==================== Portcullis bench: client_credentials (issue #2) ===================="
  echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine:     nproc=$NPROC, CPU: ${CPU_MODEL:-unknown}"
  echo "java:        $JAVA_VERSION"
  echo "database:    $DB_LABEL"
  echo "load:        start: $(load1 "$LOAD_START"), after /token: $(load1 "$LOAD_AFTER_TOKEN"), end: $(load1 "$LOAD_END")  (1-min averages; ours adds to the last two)"
  echo "idle CPU:    ${IDLE_START}% over 2 s just before the run"
  echo "wrk:         $THREADS threads, $CONNECTIONS connections, warm-up ${WARMUP}s, measured ${DURATION}s, loopback; body: $BODY"
  echo "POST /token  tokens/s:            $(num "$TOKENS")"
  echo "             latency p50 / p99:   $(ms "$(field "$T" p50_us)") / $(ms "$(field "$T" p99_us)")  (p90 $(ms "$(field "$T" p90_us)"), max $(ms "$(field "$T" max_us)"))"
  echo "             non-2xx (>=400):     $(field "$T" non2xx) of $(field "$T" requests) requests; socket errors connect/read/write/timeout: $(field "$T" connect)/$(field "$T" read)/$(field "$T" write)/$(field "$T" timeout)"
  if [ "$JMH" = 1 ]; then
    echo "RS256 signatures/s (JMH, 2 thr):  $(num "$RS256") ± $(num "$RS256_ERR")  (99.9% CI)"
    echo "ratio tokens/s ÷ signatures/s:    $(ratio "$TOKENS" "$RS256")"
    [ "$MINT" = 0 ] || echo "IssueToken mint path/s (JMH, 2 thr, in-memory, no HTTP): $(num "$MINT_OPS") ± $(num "$MINT_ERR")  (ratio to RS256: $(ratio "$MINT_OPS" "$RS256"))"
  fi
  if [ "$JWKS" = 1 ]; then
    J=$WORK/jwks.txt
    echo "GET /jwks    req/s (HTTP baseline): $(num "$(rps "$J")")  p50 / p99: $(ms "$(field "$J" p50_us)") / $(ms "$(field "$J" p99_us)"), non-2xx: $(field "$J" non2xx)"
  fi
  echo "server CPU time (user+sys, whole run): ${SERVER_CPU:-?}"
  busy=$(awk -v l="$(load1 "$LOAD_START")" -v n="$NPROC" 'BEGIN { print (l > n) ? 1 : 0 }')
  if [ "$IDLE_START" -lt 80 ]; then
    echo "WARNING:     the machine was busy before the run (${IDLE_START}% idle, load $(load1 "$LOAD_START") on $NPROC cores): figures are low and noisy"
  elif [ "$busy" = 1 ]; then
    echo "NOTE:        idle at the start, but the 1-min load ($(load1 "$LOAD_START")) says the machine was busy just before: check for other builds"
  fi
  echo "=========================================================================================="
} | tee "$WORK/summary.txt"
