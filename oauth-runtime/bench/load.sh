#!/usr/bin/env bash
# Issue #7 load benchmark: the real server jar on PostgreSQL, driven over loopback by wrk, next to
# the baselines measured in the same run (the HTTP stack's trivial endpoint in its own JVM, raw
# signatures per second with JMH), with the ratios the issue sets as targets. Run on purpose, never
# by CI; every step is bounded in time and count; every target is 127.0.0.1. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: oauth-runtime/bench/load.sh [options]

  --quick                3 s warm-up + 5 s measured per scenario, short JMH: a smoke run (~5 min)
  --warmup SECONDS       wrk warm-up before each measured run (default 20); scenarios that can repeat
                         their requests warm in 10 s slices, at least this long, until two slices
                         agree within 5 %
  --warmup-max SECONDS   the longest such warm-up (default 120)
  --duration SECONDS     measured wrk run per scenario (default 30; the code exchange at most 45)
  --connections N        wrk connections (default 32)
  --threads N            wrk threads (default 2)
  --postgres             PostgreSQL on 127.0.0.1:5432, user postgres, a fresh database (default)
  --h2                   the embedded H2 database instead
  --scenarios LIST       comma-separated subset of: trivial,discovery,jwks,cc-es256,cc-rs256,
                         introspect-jwt,introspect-jwt-rs256,introspect-opaque,refresh,code
                         (default: all)
  --jmh LIST             comma-separated subset of: rs256,es256,client-auth,cc-rs256,cc-es256,
                         refresh,code (default: all)
  --no-jmh               no JMH (no signature ratio)
  --provider NAME        JCA provider for RawSigningBenchmark's provider parameter, when it has one
                         (default: the one the server logs at start, else jdk)
  --jvm-flags "FLAGS"    JVM flags of both server JVMs (default: README's production flags, below)
  --nmt                  the server runs with Native Memory Tracking; its summary after the load
                         goes to nmt.txt (costs a little memory and speed: not for the figures)
  --cds                  the first start writes an AppCDS archive (-XX:ArchiveClassesAtExit) that
                         the measured restart maps (-XX:SharedArchiveFile)
  --soak                 soak run instead: measure client_credentials ES256 peak, then hold
                         --soak-share percent of it for --soak-seconds, RSS sampled every 10 s
  --soak-seconds S       length of the soak (default 600)
  --soak-share PCT       share of the measured peak to hold (default 70)
  --rebuild              rebuild portcullis.jar even when it exists
  -h, --help             this text

Output: a summary on standard output and in DIR/summary.txt, where DIR (printed at the end) also
keeps server.log, each wrk output (wrk/), JMH's output and, for --soak, rss.csv. Credentials made
for the run (config, fixtures, the H2 data) are deleted at exit; the database is dropped.
EOF
}

# README "Running in production": the JVM flags measured with this benchmark, and glibc's malloc
# arenas (an environment variable) capped as README recommends; both apply to both server JVMs.
DEFAULT_JVM_FLAGS="-Xms64m -Xmx160m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

ALL_SCENARIOS="trivial,discovery,jwks,cc-es256,cc-rs256,introspect-jwt,introspect-jwt-rs256,introspect-opaque,refresh,code"
ALL_JMH="rs256,es256,client-auth,cc-rs256,cc-es256,refresh,code"
WARMUP=20
WARMUP_MAX=120
DURATION=30
CONNECTIONS=32
THREADS=2
DB=postgres
SCENARIOS=$ALL_SCENARIOS
JMH_LIST=$ALL_JMH
PROVIDER=""
JVM_FLAGS=$DEFAULT_JVM_FLAGS
QUICK=0
SOAK=0
SOAK_SECONDS=600
SOAK_SHARE=70
REBUILD=0
CDS=0
NMT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; WARMUP=3; DURATION=5; shift ;;
    --warmup) WARMUP=${2:?--warmup needs seconds}; shift 2 ;;
    --warmup-max) WARMUP_MAX=${2:?--warmup-max needs seconds}; shift 2 ;;
    --duration) DURATION=${2:?--duration needs seconds}; shift 2 ;;
    --connections) CONNECTIONS=${2:?--connections needs a number}; shift 2 ;;
    --threads) THREADS=${2:?--threads needs a number}; shift 2 ;;
    --postgres) DB=postgres; shift ;;
    --h2) DB=h2; shift ;;
    --scenarios) SCENARIOS=${2:?--scenarios needs a list}; shift 2 ;;
    --jmh) JMH_LIST=${2?--jmh needs a list}; shift 2 ;;
    --no-jmh) JMH_LIST=""; shift ;;
    --provider) PROVIDER=${2:?--provider needs a name}; shift 2 ;;
    --jvm-flags) JVM_FLAGS=${2?--jvm-flags needs flags}; shift 2 ;;
    --cds) CDS=1; shift ;;
    --nmt) NMT=1; shift ;;
    --soak) SOAK=1; shift ;;
    --soak-seconds) SOAK_SECONDS=${2:?--soak-seconds needs seconds}; shift 2 ;;
    --soak-share) SOAK_SHARE=${2:?--soak-share needs a percentage}; shift 2 ;;
    --rebuild) REBUILD=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$WARMUP" "$WARMUP_MAX" "$DURATION" "$CONNECTIONS" "$THREADS" "$SOAK_SECONDS" "$SOAK_SHARE"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
[ "$DURATION" -ge 1 ] && [ "$DURATION" -le 3600 ] || { echo "--duration must be 1 to 3600" >&2; exit 2; }
[ "$WARMUP" -le 600 ] || { echo "--warmup must be at most 600" >&2; exit 2; }
[ "$SOAK_SECONDS" -ge 10 ] && [ "$SOAK_SECONDS" -le 7200 ] || { echo "--soak-seconds must be 10 to 7200" >&2; exit 2; }
[ "$SOAK_SHARE" -ge 1 ] && [ "$SOAK_SHARE" -le 100 ] || { echo "--soak-share must be 1 to 100" >&2; exit 2; }
[ "$THREADS" -ge 1 ] && [ "$CONNECTIONS" -ge "$THREADS" ] && [ "$CONNECTIONS" -le 1000 ] \
  || { echo "need 1 <= threads <= connections <= 1000" >&2; exit 2; }
for s in ${SCENARIOS//,/ }; do
  [[ ",$ALL_SCENARIOS," == *",$s,"* ]] || { echo "unknown scenario: $s" >&2; exit 2; }
done
for j in ${JMH_LIST//,/ }; do
  [[ ",$ALL_JMH," == *",$j,"* ]] || { echo "unknown JMH benchmark: $j" >&2; exit 2; }
done
if [ "$SOAK" = 1 ]; then SCENARIOS="cc-es256"; JMH_LIST=""; fi
wants() { [[ ",$SCENARIOS," == *",$1,"* ]]; }
wants_jmh() { [[ ",$JMH_LIST," == *",$1,"* ]]; }

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[bench] FATAL: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNTIME="$ROOT/oauth-runtime"
LUA_DIR="$RUNTIME/bench/wrk"
JAR="$RUNTIME/target/portcullis.jar"
BENCH_DIR="$RUNTIME/target/bench"
HOST=127.0.0.1
PG_HOST=127.0.0.1
read -r -a JVM <<<"$JVM_FLAGS"

# --- state cleaned up on any exit -----------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portcullis-load.XXXXXX")
mkdir -p "$WORK/wrk" "$WORK/secret"
chmod 700 "$WORK/secret"
SERVER_PID=""
TRIVIAL_PID=""
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
stop_pid() { # pid label
  local pid=$1
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$2 ($pid) ignored SIGTERM for 30 s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}
stop_server() { stop_pid "$SERVER_PID" server; SERVER_PID=""; }
stop_trivial() { stop_pid "$TRIVIAL_PID" "trivial endpoint"; TRIVIAL_PID=""; }
# The script's own standard streams: a signal can arrive inside a step whose output is redirected.
exec {STDOUT_FD}>&1 {STDERR_FD}>&2
cleanup() {
  local rc=$?
  trap '' INT TERM  # a second Ctrl-C must not cut the cleanup short
  exec 1>&"$STDOUT_FD" 2>&"$STDERR_FD"
  if [ -n "$CHILD" ]; then kill -TERM "$CHILD" 2>/dev/null || true; wait "$CHILD" 2>/dev/null || true; fi
  stop_trivial
  stop_server
  if [ -n "$PG_DB" ]; then
    timeout 30 psql -h "$PG_HOST" -U postgres -d postgres -qAtc "drop database if exists $PG_DB" >/dev/null 2>&1 \
      || say "could not drop database $PG_DB"
  fi
  # The run's credentials (config with client secrets, tokens, codes, H2 data) die with it.
  rm -rf "$WORK/secret" "$WORK/data" "$WORK/portcullis.jsa"
  say "output kept in $WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools ----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  command -v apt-get >/dev/null || die "wrk is missing and apt-get is not available"
  say "installing wrk (Debian package)"
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null; } \
    || die "apt-get install wrk failed"
fi
for tool in java mvn curl base64 awk od; do command -v "$tool" >/dev/null || die "$tool is required"; done
[ "$DB" = h2 ] || command -v psql >/dev/null || die "psql is required for PostgreSQL (or use --h2)"

# Maven offline first; online only when something (JMH the first time) is not in ~/.m2 yet.
mvn_build() {
  local log="$WORK/mvn.log"
  if ! run timeout 900 mvn -B -q -o -f "$ROOT/pom.xml" "$@" >"$log" 2>&1; then
    say "offline build failed, retrying online (the first run fetches JMH)"
    run timeout 900 mvn -B -q -f "$ROOT/pom.xml" "$@" >"$log" 2>&1 || { tail -40 "$log" >&2; die "mvn $* failed"; }
  fi
}
if [ "$REBUILD" = 1 ] || [ ! -f "$JAR" ]; then
  say "building $JAR"
  mvn_build -DskipTests package
fi
[ -f "$JAR" ] || die "no $JAR after the build"
# The trivial endpoint, the fixtures and JMH live in the bench profile's test sources.
say "compiling the bench profile (-Pbench)"
mvn_build -Pbench -pl oauth-runtime -am process-test-classes
[ -s "$BENCH_DIR/bench.classpath" ] || die "no $BENCH_DIR/bench.classpath"
CP="$BENCH_DIR/test-classes:$BENCH_DIR/classes:$(cat "$BENCH_DIR/bench.classpath")"

# --- machine --------------------------------------------------------------------------------
NPROC=$(nproc)
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
MEM_MB=$(awk '/^MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)
JAVA_VERSION=$(java -version 2>&1 | sed -n 1p)
WRK_VERSION=$( (wrk --version 2>&1 || true) | sed -n 1p | awk '{ print $1, $2 }')
load1() { awk '{ print $1 }' /proc/loadavg; }
LOAD_START=$(load1)
LOAD_MAX=$LOAD_START
note_load() { LOAD_MAX=$(awk -v a="$LOAD_MAX" -v b="$(load1)" 'BEGIN { print (b > a) ? b : a }'); }
# Share of CPU left idle by everything else over 2 s before the run: the other builds on the box.
cpu_idle_pct() {
  local _c u n s i w q sq st t1 i1
  read -r _c u n s i w q sq st _ </proc/stat; t1=$((u + n + s + i + w + q + sq + st)); i1=$((i + w))
  sleep 2
  read -r _c u n s i w q sq st _ </proc/stat
  echo $(( 100 * (i + w - i1) / (u + n + s + i + w + q + sq + st - t1 + 1) ))
}
IDLE_START=$(cpu_idle_pct)
say "machine: $NPROC cores, ${IDLE_START}% idle, load $LOAD_START; output in $WORK"

# --- helpers --------------------------------------------------------------------------------
port_in_use() { { exec 3<>"/dev/tcp/$HOST/$1"; } 2>/dev/null || return 1; exec 3<&- 3>&-; return 0; }
free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$(( 20000 + RANDOM % 40000 ))
    port_in_use "$candidate" || { echo "$candidate"; return 0; }
  done
  die "no free port found on $HOST"
}
# One HTTP GET over bash's /dev/tcp, no process started: 0 when the answer is 200.
answers_200() { # port path
  local line=""
  { exec 3<>"/dev/tcp/$HOST/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$2" "$HOST" "$1" >&3 2>/dev/null || true
  read -r -t 5 line <&3 || true
  exec 3<&- 3>&-
  [[ "$line" == "HTTP/1.1 200"* ]]
}
now_us() { echo "${EPOCHREALTIME/./}"; }
# Polls every 10 ms until PATH answers 200; prints the milliseconds since START_US. At most 120 s.
wait_ready() { # pid port path start_us log
  local deadline=$(( $4 + 120000000 ))
  until answers_200 "$2" "$3"; do
    kill -0 "$1" 2>/dev/null || { tail -40 "$5" >&2; die "the process exited during start (see $5)"; }
    [ "$(now_us)" -lt "$deadline" ] || { tail -40 "$5" >&2; die "$3 did not answer 200 within 120 s"; }
    sleep 0.01
  done
  echo $(( ($(now_us) - $4) / 1000 ))
}
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }
random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }
field() { # file key: a value of the BENCH line
  sed -n 's/^BENCH //p' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | sed -n 1p
}
ok_rate() {
  local f="$WORK/wrk/$1.txt"
  [ -s "$f" ] || return 0
  awk -v ok="$(field "$f" ok)" -v us="$(field "$f" duration_us)" -v active="$(field "$f" active_s)" \
    -v ex="$(field "$f" exhausted)" 'BEGIN { s = (ex > 0 && active > 0) ? active : us / 1e6; printf "%.1f", ok / s }'
}

# wrk on loopback; the scenario's environment variables come first. Warm-up then measured run.
run_wrk() { # name url script seconds [VAR=value...]
  local name=$1 url=$2 script=$3 seconds=$4; shift 4
  run timeout $(( seconds + 60 )) env BENCH_LUA="$LUA_DIR" BENCH_THREADS="$THREADS" "$@" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$LUA_DIR/$script" "$url" \
    >"$WORK/wrk/$name.txt" 2>&1 || { cat "$WORK/wrk/$name.txt" >&2; die "wrk $name failed"; }
  grep -q '^BENCH ' "$WORK/wrk/$name.txt" || { cat "$WORK/wrk/$name.txt" >&2; die "wrk $name printed no BENCH line"; }
}
# The JIT of a 2-core machine needs from 20 s to over a minute of load to settle, and a scenario
# measured before it has settled reads up to 2.5 times slower (issue #7's notes). A scenario whose
# requests can be repeated (every one but refresh and code, which spend credentials) is therefore
# warmed in slices of 10 s, at least --warmup seconds, until two slices in a row agree within 5 %,
# at most --warmup-max seconds. Prints the seconds spent.
steady_warmup() { # name url script [VAR=value...]
  local name=$1 url=$2 script=$3; shift 3
  local spent=0 i=0 rate prev=""
  while :; do
    i=$(( i + 1 ))
    run_wrk "$name-warmup-$i" "$url" "$script" 10 BENCH_PHASE=warmup "$@"
    spent=$(( spent + 10 ))
    rate=$(ok_rate "$name-warmup-$i")
    say "$name: warm-up slice $i: $rate ok/s" >&2
    if [ "$spent" -ge "$WARMUP" ] && [ -n "$prev" ] \
        && awk -v a="$prev" -v b="$rate" 'BEGIN { d = (b - a) / a; exit !(d < 0.05 && d > -0.05) }'; then
      break
    fi
    [ "$spent" -lt "$WARMUP_MAX" ] || break
    prev=$rate
  done
  echo "$spent"
}
WARMED=()
LOAD_SECONDS=0
scenario() { # name url script [VAR=value...]
  local name=$1 url=$2 script=$3; shift 3
  local warmed=0
  if [ "$WARMUP" -gt 0 ] && [ "$QUICK" = 0 ] && [ "$script" != refresh.lua ]; then
    warmed=$(steady_warmup "$name" "$url" "$script" "$@")
  elif [ "$WARMUP" -gt 0 ]; then
    say "$name: warm-up ${WARMUP}s"
    run_wrk "$name-warmup" "$url" "$script" "$WARMUP" BENCH_PHASE=warmup "$@"
    warmed=$WARMUP
  fi
  WARMED+=("$name=${warmed}s")
  say "$name: measured ${DURATION}s ($THREADS threads, $CONNECTIONS connections)"
  run_wrk "$name" "$url" "$script" "$DURATION" BENCH_PHASE=measured "$@"
  LOAD_SECONDS=$(( LOAD_SECONDS + warmed + DURATION ))
  note_load
  [ -z "$SERVER_PID" ] || RSS_SAMPLES+=("$name=$(rss_kb "$SERVER_PID")")
}
fixtures() { # kind count out [options...]
  local kind=$1 count=$2 out=$3; shift 3
  run timeout 120 java -cp "$CP" dev.portcullis.oauth.runtime.bench.LoadFixtures "$kind" --count "$count" \
    --out "$out" --issuer "$BASE" "$@" >"$WORK/fixture-$(basename "$out" .txt).txt" 2>&1 \
    || { tail -20 "$WORK/fixture-$(basename "$out" .txt).txt" >&2; die "fixtures $kind failed"; }
  sed -n 's/^FIXTURE //p' "$WORK/fixture-$(basename "$out" .txt).txt"
}
RSS_SAMPLES=()

# --- baseline: the HTTP stack's trivial endpoint, in its own JVM, before the server starts -----
TRIVIAL_READY_MS=""
if wants trivial; then
  TPORT=$(free_port)
  say "trivial endpoint: HttpServer + one JAX-RS resource on $HOST:$TPORT (java ${JVM[*]})"
  T0=$(now_us)
  java "${JVM[@]}" -cp "$CP" dev.portcullis.oauth.runtime.server.TrivialEndpointServer "$HOST" "$TPORT" \
    >"$WORK/trivial.log" 2>&1 &
  TRIVIAL_PID=$!
  TRIVIAL_READY_MS=$(wait_ready "$TRIVIAL_PID" "$TPORT" /trivial "$T0" "$WORK/trivial.log")
  say "trivial endpoint ready in ${TRIVIAL_READY_MS} ms"
  scenario trivial "http://$HOST:$TPORT/trivial" static.lua BENCH_METHOD=POST BENCH_BODY="grant_type=client_credentials"
  stop_trivial
fi

# --- the server -----------------------------------------------------------------------------
PORT=$(free_port)
BASE="http://$HOST:$PORT"
REDIRECT="https://client.bench.invalid/callback"
SECRET_ES=$(random_hex 24); SECRET_RS=$(random_hex 24); SECRET_OPAQUE=$(random_hex 24)
SECRET_WEB=$(random_hex 24); SECRET_RSRV=$(random_hex 24); USER_PASSWORD=$(random_hex 16)
CONFIG="$WORK/secret/config.yaml"
cat >"$CONFIG" <<EOF
# Generated by bench/load.sh for one run; deleted at its end.
grants: [client_credentials, authorization_code, refresh_token]
scopes:
  - name: api:read
    description: Read the benchmark API
clients:
  - client_id: bench-es256
    client_secret: $SECRET_ES
    grant_types: [client_credentials]
    scope: api:read
    access_token_signed_response_alg: ES256
    access_token_lifetime: 3600
  - client_id: bench-rs256
    client_secret: $SECRET_RS
    grant_types: [client_credentials]
    scope: api:read
    access_token_signed_response_alg: RS256
    access_token_lifetime: 3600
  - client_id: bench-opaque
    client_secret: $SECRET_OPAQUE
    grant_types: [client_credentials]
    scope: api:read
    access_token_format: opaque
    access_token_lifetime: 3600
  - client_id: bench-web
    client_name: Benchmark web application
    client_secret: $SECRET_WEB
    grant_types: [authorization_code, refresh_token]
    redirect_uris: ["$REDIRECT"]
    scope: api:read
    first_party: true
    access_token_signed_response_alg: ES256
  - client_id: bench-api
    client_name: Benchmark resource server (introspection)
    client_secret: $SECRET_RSRV
    grant_types: [client_credentials]
resources:
  - identifier: https://api.bench.invalid
    scope: api:read
    introspection_clients: [bench-api]
users:
  - username: bench-user
    password: $USER_PASSWORD
EOF
SERVER_ENV=(
  "PORTCULLIS_MODE=development"
  "PORTCULLIS_CONFIG=$CONFIG"
  "PORTCULLIS_HTTP_HOST=$HOST"
  "PORTCULLIS_HTTP_PORT=$PORT"
  "PORTCULLIS_ISSUER=$BASE"
  "PORTCULLIS_DATA_DIR=$WORK/data"
  # Limits off or far above the load, so that they are not what is measured.
  "PORTCULLIS_TOKEN_RATE_LIMIT=0"
  "PORTCULLIS_LOGIN_RATE_LIMIT_USER=1000000"
  "PORTCULLIS_LOGIN_RATE_LIMIT_ADDRESS=1000000"
)
DB_LABEL="H2 (embedded) in $WORK/data"
if [ "$DB" = postgres ]; then
  PG_DB="portcullis_load_$(date +%s)_$$"
  timeout 30 psql -h "$PG_HOST" -U postgres -d postgres -qAtc "create database $PG_DB" >/dev/null \
    || { PG_DB=""; die "cannot create a database on $PG_HOST:5432 as postgres (or use --h2)"; }
  SERVER_ENV+=(
    "PORTCULLIS_DB_URL=jdbc:postgresql://$PG_HOST:5432/$PG_DB"
    "PORTCULLIS_DB_USER=postgres"
    "PORTCULLIS_MASTER_KEY=$(head -c 32 /dev/urandom | base64 -w0)"
  )
  PG_VERSION=$(timeout 10 psql -h "$PG_HOST" -U postgres -d postgres -qAtc 'show server_version' 2>/dev/null || echo '?')
  DB_LABEL="PostgreSQL $PG_VERSION at $PG_HOST:5432, fresh database $PG_DB (dropped at exit)"
fi

mkdir -p "$WORK/data"
start_server() { # log [extra JVM flag]; sets SERVER_PID and STARTED_MS (start to ready)
  local s0 extra=("${@:2}")
  s0=$(now_us)
  (cd "$WORK" && exec env "${SERVER_ENV[@]}" java "${JVM[@]}" "${extra[@]}" -jar "$JAR") >"$1" 2>&1 &
  SERVER_PID=$!
  STARTED_MS=$(wait_ready "$SERVER_PID" "$PORT" /health/ready "$s0" "$1")
}
# The first start on the fresh database creates the schema, the signing keys and the configured
# clients; every later start (a restart, another instance) finds them. Both are timed; the target
# is read on the restart, the start an instance makes every time but once.
say "starting $JAR on $BASE ($DB_LABEL), java ${JVM[*]}"
CDS_ARCHIVE="$WORK/portcullis.jsa"
CDS_FLAG=()
[ "$CDS" = 0 ] || CDS_FLAG=("-XX:ArchiveClassesAtExit=$CDS_ARCHIVE")
[ "$NMT" = 0 ] || JVM+=("-XX:NativeMemoryTracking=summary")
start_server "$WORK/server-first-start.log" "${CDS_FLAG[@]}"
FIRST_READY_MS=$STARTED_MS
say "first start (fresh database) ready in ${FIRST_READY_MS} ms; restarting"
stop_server
if [ "$CDS" = 1 ]; then
  [ -s "$CDS_ARCHIVE" ] || die "the first start wrote no AppCDS archive (see server-first-start.log)"
  CDS_FLAG=("-XX:SharedArchiveFile=$CDS_ARCHIVE")
fi
start_server "$WORK/server.log" "${CDS_FLAG[@]}"
READY_MS=$STARTED_MS
RSS_READY=$(rss_kb "$SERVER_PID")
say "server ready in ${READY_MS} ms, RSS $(mb "$RSS_READY") MB"

# One request of each kind must succeed before any load.
check_token() { # client secret
  local status
  status=$(curl -s -o "$WORK/secret/check.json" -w '%{http_code}' --max-time 10 -H "Authorization: $(basic "$1" "$2")" \
    -d grant_type=client_credentials "$BASE/token" || true)
  [ "$status" = 200 ] || { cat "$WORK/secret/check.json" >&2 || true; die "a token request of $1 answered $status"; }
}
check_token bench-es256 "$SECRET_ES"
check_token bench-rs256 "$SECRET_RS"
check_token bench-opaque "$SECRET_OPAQUE"

# --- fixtures -------------------------------------------------------------------------------
WEB=(--client bench-web --secret "$SECRET_WEB" --scope api:read --redirect "$REDIRECT"
     --username bench-user --password "$USER_PASSWORD")
JWT_TOKENS="$WORK/secret/jwt-tokens.txt"
JWT_RS_TOKENS="$WORK/secret/jwt-rs256-tokens.txt"
OPAQUE_TOKENS="$WORK/secret/opaque-tokens.txt"
REFRESH_TOKENS="$WORK/secret/refresh-tokens.txt"
REFRESH_WARMUP_TOKENS="$WORK/secret/refresh-tokens-warmup.txt"
REFRESH_POOL=$(( CONNECTIONS * 8 > 256 ? CONNECTIONS * 8 : 256 ))
FIXTURE_LINES=()
if wants introspect-jwt; then
  FIXTURE_LINES+=("jwt: $(fixtures access-tokens 1000 "$JWT_TOKENS" --client bench-es256 --secret "$SECRET_ES" --scope api:read)")
fi
if wants introspect-jwt-rs256; then
  FIXTURE_LINES+=("jwt-rs256: $(fixtures access-tokens 1000 "$JWT_RS_TOKENS" --client bench-rs256 --secret "$SECRET_RS" --scope api:read)")
fi
if wants introspect-opaque; then
  FIXTURE_LINES+=("opaque: $(fixtures access-tokens 1000 "$OPAQUE_TOKENS" --client bench-opaque --secret "$SECRET_OPAQUE" --scope api:read)")
fi
if wants refresh; then
  # Two pools of families: the warm-up's and the measured run's.
  FIXTURE_LINES+=("refresh: $(fixtures refresh-tokens $(( REFRESH_POOL * 2 )) "$REFRESH_TOKENS" "${WEB[@]}")")
  [ "$(wc -l <"$REFRESH_TOKENS")" -eq $(( REFRESH_POOL * 2 )) ] || die "fewer refresh tokens than asked for"
  head -n "$REFRESH_POOL" "$REFRESH_TOKENS" >"$REFRESH_WARMUP_TOKENS"
  sed -i "1,${REFRESH_POOL}d" "$REFRESH_TOKENS"
fi

# The introspection client's first request pays the slow secret hash, as every client's does (the
# token clients paid it in check_token above): done once here, so that 32 connections opening at
# once do not all pay it in the measured window (see README: a cold client under concurrent load).
token=""
for f in "$JWT_TOKENS" "$JWT_RS_TOKENS" "$OPAQUE_TOKENS"; do
  if [ -s "$f" ]; then token=$(sed -n 1p "$f"); break; fi
done
if [ -n "$token" ]; then
  answer=$(curl -s --max-time 30 -H "Authorization: $(basic bench-api "$SECRET_RSRV")" --data "token=$token" \
    "$BASE/introspect" || true)
  [[ "$answer" == *'"active":true'* ]] || die "the first introspection answered: ${answer:0:200}"
fi

# --- load -----------------------------------------------------------------------------------
AUTH_ES=$(basic bench-es256 "$SECRET_ES")
AUTH_RS=$(basic bench-rs256 "$SECRET_RS")
AUTH_WEB=$(basic bench-web "$SECRET_WEB")
AUTH_RSRV=$(basic bench-api "$SECRET_RSRV")
CC_BODY="grant_type=client_credentials&scope=api%3Aread"

if [ "$SOAK" = 1 ]; then
  scenario cc-es256 "$BASE/token" static.lua BENCH_METHOD=POST BENCH_BODY="$CC_BODY" BENCH_AUTH="$AUTH_ES"
  PEAK=$(awk -v ok="$(field "$WORK/wrk/cc-es256.txt" ok)" -v us="$(field "$WORK/wrk/cc-es256.txt" duration_us)" \
    'BEGIN { printf "%.0f", ok / (us / 1e6) }')
  SOAK_RATE=$(( PEAK * SOAK_SHARE / 100 ))
  [ "$SOAK_RATE" -ge 1 ] || die "the measured peak ($PEAK/s) is too low to soak at"
  say "soak: ${SOAK_SECONDS}s at $SOAK_RATE req/s (${SOAK_SHARE}% of $PEAK), RSS every 10 s to rss.csv"
  echo "elapsed_s,rss_kb,load1" >"$WORK/rss.csv"
  env BENCH_LUA="$LUA_DIR" BENCH_THREADS="$THREADS" BENCH_RATE="$SOAK_RATE" BENCH_METHOD=POST \
    BENCH_BODY="$CC_BODY" BENCH_AUTH="$AUTH_ES" timeout $(( SOAK_SECONDS + 60 )) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SOAK_SECONDS}s" --timeout 10s --latency -s "$LUA_DIR/paced.lua" "$BASE/token" \
    >"$WORK/wrk/soak.txt" 2>&1 &
  CHILD=$!
  SOAK_START=$(now_us)
  echo "0,$(rss_kb "$SERVER_PID"),$(load1)" >>"$WORK/rss.csv"
  next=10
  while kill -0 "$CHILD" 2>/dev/null; do
    sleep 1
    elapsed=$(( ($(now_us) - SOAK_START) / 1000000 ))
    if [ "$elapsed" -ge "$next" ] && kill -0 "$CHILD" 2>/dev/null; then
      echo "$elapsed,$(rss_kb "$SERVER_PID"),$(load1)" >>"$WORK/rss.csv"
      note_load
      next=$(( next + 10 ))
    fi
  done
  rc=0; wait "$CHILD" || rc=$?; CHILD=""
  [ "$rc" = 0 ] || { cat "$WORK/wrk/soak.txt" >&2; die "wrk soak failed ($rc)"; }
  echo "$(( ($(now_us) - SOAK_START) / 1000000 )),$(rss_kb "$SERVER_PID"),$(load1)" >>"$WORK/rss.csv"
  LOAD_SECONDS=$(( LOAD_SECONDS + SOAK_SECONDS ))
else
  wants discovery && scenario discovery "$BASE/.well-known/openid-configuration" static.lua BENCH_METHOD=GET
  wants jwks && scenario jwks "$BASE/jwks" static.lua BENCH_METHOD=GET
  wants cc-es256 && scenario cc-es256 "$BASE/token" static.lua BENCH_METHOD=POST BENCH_BODY="$CC_BODY" BENCH_AUTH="$AUTH_ES"
  wants cc-rs256 && scenario cc-rs256 "$BASE/token" static.lua BENCH_METHOD=POST BENCH_BODY="$CC_BODY" BENCH_AUTH="$AUTH_RS"
  wants introspect-jwt && scenario introspect-jwt "$BASE/introspect" introspect.lua BENCH_FILE="$JWT_TOKENS" BENCH_AUTH="$AUTH_RSRV"
  wants introspect-jwt-rs256 && scenario introspect-jwt-rs256 "$BASE/introspect" introspect.lua BENCH_FILE="$JWT_RS_TOKENS" BENCH_AUTH="$AUTH_RSRV"
  wants introspect-opaque && scenario introspect-opaque "$BASE/introspect" introspect.lua BENCH_FILE="$OPAQUE_TOKENS" BENCH_AUTH="$AUTH_RSRV"
  wants refresh && scenario refresh "$BASE/token" refresh.lua BENCH_FILE="$REFRESH_TOKENS" \
    BENCH_WARMUP_FILE="$REFRESH_WARMUP_TOKENS" BENCH_AUTH="$AUTH_WEB"
  if wants code; then
    # Codes live 60 s: each batch is made just before the run that spends it, and a run is at most
    # 45 s. The batch size follows the refresh rate (the closest path) measured above, with room
    # to spare; a run whose codes run out stops early and is measured over its active window.
    CODE_SECONDS=$(( DURATION < 45 ? DURATION : 45 ))
    CODE_WARMUP=$(( WARMUP < 5 ? WARMUP : 5 ))
    ESTIMATE=2000
    if [ -s "$WORK/wrk/refresh.txt" ]; then
      ESTIMATE=$(awk -v ok="$(field "$WORK/wrk/refresh.txt" ok)" -v us="$(field "$WORK/wrk/refresh.txt" duration_us)" \
        'BEGIN { r = ok / (us / 1e6); printf "%.0f", (r < 100) ? 100 : r }')
    fi
    CODES="$WORK/secret/codes.txt"
    if [ "$CODE_WARMUP" -gt 0 ]; then
      n=$(( ESTIMATE * CODE_WARMUP * 3 / 2 ))
      say "code: making $n codes for a ${CODE_WARMUP}s warm-up"
      FIXTURE_LINES+=("codes (warm-up): $(fixtures codes "$n" "$CODES" "${WEB[@]}" --seconds 40)")
      run_wrk code-warmup "$BASE/token" code.lua "$CODE_WARMUP" BENCH_FILE="$CODES" BENCH_AUTH="$AUTH_WEB" BENCH_REDIRECT="$REDIRECT"
    fi
    n=$(( ESTIMATE * CODE_SECONDS * 3 / 2 ))
    n=$(( n > 200000 ? 200000 : n ))
    say "code: making $n codes (at most 40 s) for the measured ${CODE_SECONDS}s"
    FIXTURE_LINES+=("codes: $(fixtures codes "$n" "$CODES" "${WEB[@]}" --seconds 40)")
    say "code: measured ${CODE_SECONDS}s, each code once"
    run_wrk code "$BASE/token" code.lua "$CODE_SECONDS" BENCH_FILE="$CODES" BENCH_AUTH="$AUTH_WEB" BENCH_REDIRECT="$REDIRECT"
    LOAD_SECONDS=$(( LOAD_SECONDS + CODE_WARMUP + CODE_SECONDS ))
    note_load
    RSS_SAMPLES+=("code=$(rss_kb "$SERVER_PID")")
  fi
fi
RSS_AFTER=$(rss_kb "$SERVER_PID")
# Where the memory is: the heap always (GC.heap_info), the rest with --nmt.
HEAP_AFTER=""
if timeout 30 jcmd "$SERVER_PID" GC.heap_info >"$WORK/heap.txt" 2>&1; then
  HEAP_AFTER=$(awk '/ total / { for (i = 1; i < NF; i++) { if ($i == "total") t += $(i + 1); if ($i == "used") u += $(i + 1) } }
    END { if (t > 0) printf "%.0f MB used of %.0f MB committed", u / 1024, t / 1024 }' "$WORK/heap.txt")
fi
[ "$NMT" = 0 ] || timeout 30 jcmd "$SERVER_PID" VM.native_memory summary >"$WORK/nmt.txt" 2>&1 || true
LOAD_AFTER_LOAD=$(load1)
SERVER_CPU=$(ps -o times= -p "$SERVER_PID" 2>/dev/null | tr -d ' ' || true)
# Not counted as errors of a scenario, but worth a look: the server's own complaints under load.
LOG_ERRORS=$(grep -c ' ERROR ' "$WORK/server.log" || true)
LOG_WARNS=$(grep -c ' WARN ' "$WORK/server.log" || true)
# The start line "crypto provider: ACCP 2.5.0 (native)" or "crypto provider: JDK (…)", when the
# server has a native provider at all.
SERVER_PROVIDER=$(grep -o -m1 'crypto provider: .*' "$WORK/server.log" | sed -n 1p || true)
stop_server
if [ -n "$PG_DB" ]; then
  timeout 30 psql -h "$PG_HOST" -U postgres -d postgres -qAtc "drop database if exists $PG_DB" >/dev/null 2>&1 \
    && PG_DB="" || say "could not drop database $PG_DB yet"
fi
say "server stopped"

# --- JMH (the machine to itself) ------------------------------------------------------------
declare -A JMH_NAME=(
  [rs256]='RawSigningBenchmark.rs256' [es256]='RawSigningBenchmark.es256'
  [client-auth]='ClientAuthenticationBenchmark.clientSecretBasic'
  [cc-rs256]='IssueTokenBenchmark.clientCredentials' [cc-es256]='IssueTokenBenchmark.clientCredentialsEs256'
  [refresh]='IssueTokenBenchmark.refreshToken' [code]='IssueTokenBenchmark.authorizationCode'
)
JMH_PROVIDER_NOTE=""
if [ -n "$JMH_LIST" ]; then
  PATTERNS=()
  for j in ${JMH_LIST//,/ }; do PATTERNS+=("${JMH_NAME[$j]//./\\.}\$"); done
  JMH_OPTS=(-rf csv -rff "$WORK/jmh.csv")
  [ "$QUICK" = 0 ] || JMH_OPTS+=(-wi 1 -w 2 -i 1 -r 3)
  # RawSigningBenchmark may have a provider parameter (jdk, accp): sign with the server's provider.
  if run timeout 120 java -cp "$CP" org.openjdk.jmh.Main -lp 'RawSigningBenchmark' >"$WORK/jmh-params.txt" 2>&1 \
      && grep -q 'provider' "$WORK/jmh-params.txt"; then
    if [ -z "$PROVIDER" ]; then
      if [[ "$SERVER_PROVIDER" == *"(native)"* ]]; then PROVIDER=accp; else PROVIDER=jdk; fi
    fi
    JMH_OPTS+=(-p "provider=$PROVIDER")
    JMH_PROVIDER_NOTE="provider=$PROVIDER"
  else
    JMH_PROVIDER_NOTE="the JDK's providers (RawSigningBenchmark has no provider parameter)"
  fi
  say "JMH: ${JMH_LIST} ($JMH_PROVIDER_NOTE)"
  run timeout 1200 java -cp "$CP" org.openjdk.jmh.Main "${PATTERNS[@]}" "${JMH_OPTS[@]}" >"$WORK/jmh.txt" 2>&1 \
    || { tail -40 "$WORK/jmh.txt" >&2; die "JMH failed"; }
fi
jmh_score() { # benchmark column (5 score, 6 error)
  [ -s "$WORK/jmh.csv" ] || return 0
  awk -F, -v b="$1" -v c="$2" '{ gsub(/"/, "") } substr($1, length($1) - length(b)) == ("." b) { print $c; exit }' "$WORK/jmh.csv"
}
LOAD_END=$(load1)

# --- summary --------------------------------------------------------------------------------
num() { awk -v x="$1" 'BEGIN { if (x == "") print "n/a"; else printf "%.0f", x }'; }
ms() { awk -v us="$1" 'BEGIN { if (us == "") print "n/a"; else printf "%.2f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b != "" && b > 0) printf "%.3f", a / b; else print "n/a" }'; }
# Successful requests per second of a scenario: over its whole run, or over the active window
# when its single-use credentials ran out first.
errors_of() {
  local f="$WORK/wrk/$1.txt"
  [ -s "$f" ] || return 0
  echo $(( $(field "$f" non2xx) + $(field "$f" rejected) + $(field "$f" connect) + $(field "$f" read) \
    + $(field "$f" write) + $(field "$f" timeout) ))
}
TOTAL_ERRORS=0
row() { # name label
  local f="$WORK/wrk/$1.txt" extra=""
  [ -s "$f" ] || return 0
  local e; e=$(errors_of "$1"); TOTAL_ERRORS=$(( TOTAL_ERRORS + e ))
  case "$1" in
    refresh) extra="pool $(( REFRESH_POOL )), lost $(field "$f" lost), left $(field "$f" pool_left)" ;;
    code) if [ "$(field "$f" exhausted)" -gt 0 ]; then extra="codes ran out after $(field "$f" active_s) s; rate over that window"
          else extra="$(field "$f" pool_left) codes left unused"; fi ;;
    introspect-*) extra="active:false answers $(field "$f" rejected)" ;;
  esac
  printf '  %-18s %10s %9s %9s %8s %9s  %s\n' "$1" "$(num "$(ok_rate "$1")")" "$(ms "$(field "$f" p50_us)")" \
    "$(ms "$(field "$f" p99_us)")" "$e" "$(field "$f" requests)" "$2${extra:+; $extra}"
}
verdict() { # pass? text
  if [ "$1" = 1 ]; then echo "  PASS  $2"; elif [ "$1" = 0 ]; then echo "  MISS  $2"; else echo "  n/a   $2"; fi
}
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || a == "") print "-"; else print (a >= b) ? 1 : 0 }'; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || a == "") print "-"; else print (a < b) ? 1 : 0 }'; }

TRIVIAL=$(ok_rate trivial)
CC_ES=$(ok_rate cc-es256)
CC_RS=$(ok_rate cc-rs256)
RS256_RAW=$(jmh_score RawSigningBenchmark.rs256 5)
{
  echo
  echo "==================== Portcullis load benchmark (issue #7) ===================="
  echo "date:       $(date -u +%Y-%m-%dT%H:%M:%SZ)   mode: $([ "$SOAK" = 1 ] && echo soak || ([ "$QUICK" = 1 ] && echo 'quick (smoke run: short runs, noisy)' || echo full))"
  echo "machine:    nproc=$NPROC, ${MEM_MB} MB, CPU: ${CPU_MODEL:-unknown}"
  echo "java:       $JAVA_VERSION; JVM flags (server and trivial endpoint): ${JVM[*]}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
  [ "$CDS" = 0 ] || echo "AppCDS:     the first start wrote $(( $(stat -c %s "$CDS_ARCHIVE") / 1048576 )) MB of archive; the measured server maps it (-XX:SharedArchiveFile), the trivial endpoint does not"
  echo "database:   $DB_LABEL; pool size: the server's default"
  echo "limits:     PORTCULLIS_TOKEN_RATE_LIMIT=0 (off), PORTCULLIS_LOGIN_RATE_LIMIT_USER/ADDRESS=1000000 per minute"
  echo "wrk:        $WRK_VERSION, $THREADS threads, $CONNECTIONS connections, loopback, warm-up at least ${WARMUP}s (to a steady rate, at most ${WARMUP_MAX}s) + measured ${DURATION}s per scenario"
  echo "warm-ups:   ${WARMED[*]:-none}"
  echo "load avg:   before $LOAD_START (${IDLE_START}% idle over 2 s), during max $LOAD_MAX, after load $LOAD_AFTER_LOAD, at end $LOAD_END (1-min; ours adds to 'during')"
  if [ "$IDLE_START" -lt 80 ] || awk -v l="$LOAD_START" -v n="$NPROC" 'BEGIN { exit !(l > n) }'; then
    echo "WARNING:    the machine was busy before the run: figures are low and noisy, ratios less so"
  fi
  for line in "${FIXTURE_LINES[@]}"; do echo "fixtures:   $line"; done
  echo
  echo "  scenario              ok/s   p50 ms    p99 ms   errors  requests  what"
  row trivial "POST /trivial: form in, JSON out, HttpServer alone (own JVM, same flags)"
  row discovery "GET /.well-known/openid-configuration"
  row jwks "GET /jwks"
  row cc-es256 "POST /token client_credentials, ES256 JWT, client_secret_basic"
  row cc-rs256 "POST /token client_credentials, RS256 JWT, client_secret_basic"
  row introspect-jwt "POST /introspect, ES256 JWTs round-robin, as the resource server"
  row introspect-jwt-rs256 "POST /introspect, RS256 JWTs round-robin, as the resource server"
  row introspect-opaque "POST /introspect, opaque tokens round-robin (database lookup)"
  row refresh "POST /token refresh_token, rotation (ES256 JWT)"
  row code "POST /token authorization_code + PKCE, each code once (ES256 JWT + refresh token)"
  row soak "paced client_credentials ES256 at ${SOAK_RATE:-?} req/s (${SOAK_SHARE}% of the peak above)"
  echo "  (ok/s: 2xx answers the scenario accepts per second; errors: non-2xx, inactive introspection answers and socket errors)"
  echo
  echo "start to ready: server ${READY_MS} ms (restart; first start on the fresh database ${FIRST_READY_MS} ms)${TRIVIAL_READY_MS:+; trivial endpoint JVM ${TRIVIAL_READY_MS} ms}"
  echo "                (launching java until /health/ready answers 200, polled every 10 ms)"
  echo "server RSS:     at ready $(mb "$RSS_READY") MB; after ${LOAD_SECONDS} s of load $(mb "$RSS_AFTER") MB;" \
    "after each scenario: $(for s in "${RSS_SAMPLES[@]}"; do printf '%s=%sMB ' "${s%%=*}" "$(mb "${s#*=}")"; done)"
  if [ "$SOAK" = 1 ]; then
    awk -F, 'NR > 1 { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2; last = $2; n++ }
      END { printf "soak RSS:       %d samples: min %.0f MB, max %.0f MB, last %.0f MB (rss.csv)\n", n, min / 1024, max / 1024, last / 1024 }' "$WORK/rss.csv"
  fi
  nmt_note=""; [ "$NMT" = 0 ] || nmt_note="; native memory by area in nmt.txt"
  echo "server heap:    after load ${HEAP_AFTER:-n/a} (heap.txt, with metaspace$nmt_note)"
  echo "server:         CPU time $SERVER_CPU; log lines at ERROR: $LOG_ERRORS, at WARN: $LOG_WARNS (server.log)"
  echo "                ${SERVER_PROVIDER:-no crypto provider line in server.log: the JDK providers}"
  if [ -s "$WORK/jmh.csv" ]; then
    echo
    echo "JMH (2 threads, machine to itself, $JMH_PROVIDER_NOTE):"
    for j in ${JMH_LIST//,/ }; do
      printf '  %-50s %12s ops/s ± %s\n' "${JMH_NAME[$j]}" "$(num "$(jmh_score "${JMH_NAME[$j]}" 5)")" "$(num "$(jmh_score "${JMH_NAME[$j]}" 6)")"
    done
  fi
  echo
  echo "targets (issue #7; measurements, not assertions):"
  if [ "$SOAK" = 1 ]; then
    soak_rate=$(ok_rate soak)
    verdict "$(at_least "$soak_rate" "$(awk -v r="$SOAK_RATE" 'BEGIN { print r * 0.95 }')")" \
      "soak held $(num "$soak_rate") req/s of the $SOAK_RATE asked for (>= 95%) for ${SOAK_SECONDS} s, p99 $(ms "$(field "$WORK/wrk/soak.txt" p99_us)") ms"
    growth=$(awk -F, 'NR == 2 { first = $2 } NR > 1 { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 }
      END { printf "%.0f", (max - min) / 1024 }' "$WORK/rss.csv")
    verdict "$(below "$growth" 32)" "RSS flat during the soak: max - min = $growth MB (< 32)"
    verdict "$(below "$(mb "$RSS_AFTER")" 256)" "RSS after the soak $(mb "$RSS_AFTER") MB (< 256)"
    verdict "$([ "$TOTAL_ERRORS" = 0 ] && echo 1 || echo 0)" "errors in the peak and soak runs: $TOTAL_ERRORS (0)"
    echo "=============================================================================="
    exit 0
  fi
  r=$(ratio "$CC_ES" "$TRIVIAL"); p99=$(ms "$(field "$WORK/wrk/cc-es256.txt" p99_us 2>/dev/null || true)")
  both=$(awk -v a="$(at_least "$r" 0.50)" -v b="$(below "$p99" 20)" 'BEGIN { print (a == "-" || b == "-") ? "-" : (a && b) }')
  verdict "$both" "client_credentials ES256 ÷ trivial endpoint = $r (>= 0.50), p99 $p99 ms (< 20)"
  r=$(ratio "$CC_RS" "$RS256_RAW")
  verdict "$(at_least "$r" 0.70)" "client_credentials RS256 ÷ raw RS256 signatures/s ($JMH_PROVIDER_NOTE) = $r (>= 0.70)"
  r=$(ratio "$(ok_rate refresh)" "$TRIVIAL")
  verdict "$(at_least "$r" 0.25)" "refresh_token on ${DB} ÷ trivial = $r (>= 0.25)"
  r=$(ratio "$(ok_rate introspect-jwt)" "$TRIVIAL")
  verdict "$(at_least "$r" 0.60)" "JWT introspection ÷ trivial = $r (>= 0.60)"
  verdict "$(below "$READY_MS" 1500)" "start to ready $READY_MS ms on restart (< 1500; first start $FIRST_READY_MS ms)"
  note=""; [ "$LOAD_SECONDS" -ge 60 ] || note="; only ${LOAD_SECONDS} s of load, the target says 60"
  verdict "$(below "$(mb "$RSS_AFTER")" 256)" "RSS after load $(mb "$RSS_AFTER") MB (< 256$note)"
  verdict "$([ "$TOTAL_ERRORS" = 0 ] && echo 1 || echo 0)" "errors in all measured runs: $TOTAL_ERRORS (0)"
  echo "=============================================================================="
} | tee "$WORK/summary.txt"
