#!/usr/bin/env bash
# Local services for tests and trials of emokb beyond one machine (README, "Scaling out"):
# Virtuoso Open Source 7 (a SPARQL 1.1 server, for `--store sparql:...`) and Redis (the job queue of
# `emokb tag submit|worker`), both from Debian's packages, on loopback ports, with throwaway data
# directories under $EMOKB_SERVICES_DIR.
#
#   scripts/services.sh start [virtuoso|redis ...]   install when missing, start, print NAME=value lines
#   scripts/services.sh status [virtuoso|redis ...]  print what runs (exit 1 if any is down)
#   scripts/services.sh stop [virtuoso|redis ...]    stop them and delete their data
#
# Standard output carries only the variables to export, one NAME=value a line, so that
#   set -a; eval "$(scripts/services.sh start)"; set +a
# exports them to the shell and every command it starts; progress and errors go to standard error. `start` on a service that already runs leaves it
# (and its data) alone and prints its variables again. A fresh start begins with an empty database.
#
# Variables it reads (all optional):
#   EMOKB_SERVICES_DIR        where the data, logs and pid files go (default /tmp/emokb-services-UID)
#   EMOKB_VIRTUOSO_HTTP_PORT  Virtuoso's HTTP port, with /sparql and /sparql-auth (default 18890)
#   EMOKB_VIRTUOSO_SQL_PORT   Virtuoso's SQL port, used here only to set the password (default 11111)
#   EMOKB_REDIS_PORT          Redis's port (default 16379)
#
# The Virtuoso account that may update is `dba`, with a new random password at each fresh start,
# printed as EMOKB_SPARQL_USER / EMOKB_SPARQL_PASSWORD (a throwaway server on loopback; never put a
# password on a command line: emokb reads these variables). Anonymous /sparql stays read-only.
# Redis keeps an append-only file (appendonly yes, fsync every second) so a job survives a Redis
# restart, and evicts nothing (maxmemory-policy noeviction, as BullMQ requires).
set -euo pipefail

DIR="${EMOKB_SERVICES_DIR:-${TMPDIR:-/tmp}/emokb-services-$(id -u)}"
VHTTP="${EMOKB_VIRTUOSO_HTTP_PORT:-18890}"
VSQL="${EMOKB_VIRTUOSO_SQL_PORT:-11111}"
RPORT="${EMOKB_REDIS_PORT:-16379}"

say() { echo "scripts/services.sh: $*" >&2; }
die() {
  say "$*"
  exit 1
}

port_number() { # name value
  case "$2" in
  '' | *[!0-9]*) die "$1=$2 is not a port number (1-65535)" ;;
  esac
  [ "$2" -ge 1 ] && [ "$2" -le 65535 ] || die "$1=$2 is not a port number (1-65535)"
}
port_number EMOKB_VIRTUOSO_HTTP_PORT "$VHTTP"
port_number EMOKB_VIRTUOSO_SQL_PORT "$VSQL"
port_number EMOKB_REDIS_PORT "$RPORT"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

alive() { # pid file
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

stop_service() { # name pid-file data-dir: TERM, up to 10 s to finish, then KILL; the data goes
  if alive "$2"; then
    local pid
    pid="$(cat "$2")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
    say "$1 stopped"
  fi
  rm -rf "$3"
}

install_missing() { # command package ...
  local missing=""
  while [ $# -gt 0 ]; do
    command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
    shift 2
  done
  [ -z "$missing" ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "no apt-get here; install$missing (Debian packages) first"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || die "missing$missing; installing needs root: sudo apt-get install$missing"
    sudo="sudo -n"
  fi
  say "installing Debian's$missing"
  # shellcheck disable=SC2086 # the package list is meant to split
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >&2 || {
    $sudo apt-get update >&2 &&
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >&2
  }
  # Debian's packages start their own system-wide servers where systemd runs; not here, and those
  # would use other ports and data anyway.
}

# ---------------------------------------------------------------- Virtuoso
VDIR="$DIR/virtuoso"

virtuoso_vars() {
  echo "EMOKB_STORE=sparql:http://127.0.0.1:$VHTTP/sparql"
  echo "EMOKB_SPARQL_UPDATE=http://127.0.0.1:$VHTTP/sparql-auth"
  echo "EMOKB_SPARQL_GRAPH_STORE=http://127.0.0.1:$VHTTP/sparql-graph-crud-auth"
  echo "EMOKB_SPARQL_USER=dba"
  echo "EMOKB_SPARQL_PASSWORD=$(cat "$VDIR/password")"
}

virtuoso_ready() {
  command -v curl >/dev/null 2>&1 || return 1
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$VHTTP/sparql?query=ASK%7B%7D" 2>/dev/null
}

virtuoso_start() {
  if alive "$VDIR/virtuoso.pid"; then
    say "Virtuoso already runs (pid $(cat "$VDIR/virtuoso.pid"), http://127.0.0.1:$VHTTP/sparql)"
    virtuoso_vars
    return 0
  fi
  install_missing virtuoso-t virtuoso-opensource isql-vt virtuoso-opensource curl curl
  port_busy "$VHTTP" && die "port $VHTTP (EMOKB_VIRTUOSO_HTTP_PORT) is in use by another program; set another"
  port_busy "$VSQL" && die "port $VSQL (EMOKB_VIRTUOSO_SQL_PORT) is in use by another program; set another"
  rm -rf "$VDIR"
  mkdir -p "$VDIR"
  # The smallest configuration that serves emokb: its own files, loopback ports, result sets large
  # enough for a whole snapshot (about 122,000 triples, read in pages), a checkpoint every minute
  # and the transaction log that replays committed updates after a kill -9.
  cat >"$VDIR/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $VDIR/virtuoso.db
ErrorLogFile = $VDIR/virtuoso.log
LockFile = $VDIR/virtuoso.lck
TransactionFile = $VDIR/virtuoso.trx
xa_persistent_file = $VDIR/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $VDIR/virtuoso-temp.db
TransactionFile = $VDIR/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$VSQL
DisableUnixSocket = 1
MaxClientConnections = 20
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., $VDIR
NumberOfBuffers = 40000
MaxDirtyBuffers = 30000
MaxQueryMem = 1G
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
; Repeatable read: a conditional update's WHERE holds its share lock on the version row until
; commit, so of two writers at one version one is aborted (deadlock, retried as CONFLICT by emokb).
; At Virtuoso's default (read committed) both read the old version and both changes were written.
DefaultIsolation = 4

[HTTPServer]
ServerPort = 127.0.0.1:$VHTTP
ServerRoot = $VDIR
MaxClientConnections = 20
ServerThreads = 20
EnabledDavVSP = 0
HTTPProxyEnabled = 0
KeepAliveTimeout = 10
MaxKeepAlives = 20
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 300
DefaultGraph = urn:emokb:none
EOF
  say "starting Virtuoso (data in $VDIR)"
  (cd "$VDIR" && exec nohup virtuoso-t +configfile "$VDIR/virtuoso.ini" +foreground >"$VDIR/stdout.log" 2>&1) &
  echo $! >"$VDIR/virtuoso.pid"
  local i
  for i in $(seq 1 120); do
    virtuoso_ready && break
    alive "$VDIR/virtuoso.pid" || die "Virtuoso stopped while starting; see $VDIR/virtuoso.log"
    sleep 0.5
  done
  virtuoso_ready || die "Virtuoso did not answer on http://127.0.0.1:$VHTTP/sparql within 60 s; see $VDIR/virtuoso.log"
  # A new random password for dba, who alone may update (through /sparql-auth).
  local password
  password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s' "$password" >"$VDIR/password"
  chmod 600 "$VDIR/password"
  isql-vt "127.0.0.1:$VSQL" dba dba >"$VDIR/isql.log" 2>&1 <<EOF || die "could not set Virtuoso's dba password; see $VDIR/isql.log"
USER_SET_PASSWORD('dba', '$password');
EOF
  grep -qi "error" "$VDIR/isql.log" && die "could not set Virtuoso's dba password; see $VDIR/isql.log"
  say "Virtuoso ready on http://127.0.0.1:$VHTTP/sparql (updates: /sparql-auth as dba)"
  virtuoso_vars
}

virtuoso_stop() { stop_service Virtuoso "$VDIR/virtuoso.pid" "$VDIR"; }

virtuoso_status() {
  if alive "$VDIR/virtuoso.pid" && virtuoso_ready; then
    say "Virtuoso runs (pid $(cat "$VDIR/virtuoso.pid"), http://127.0.0.1:$VHTTP/sparql)"
    virtuoso_vars
  else
    say "Virtuoso is not running"
    return 1
  fi
}

# ---------------------------------------------------------------- Redis
RDIR="$DIR/redis"

redis_vars() { echo "EMOKB_QUEUE=redis://127.0.0.1:$RPORT"; }

redis_ready() { redis-cli -p "$RPORT" ping 2>/dev/null | grep -q PONG; }

redis_start() {
  if alive "$RDIR/redis.pid"; then
    say "Redis already runs (pid $(cat "$RDIR/redis.pid"), port $RPORT)"
    redis_vars
    return 0
  fi
  install_missing redis-server redis-server redis-cli redis-tools
  port_busy "$RPORT" && die "port $RPORT (EMOKB_REDIS_PORT) is in use by another program; set another"
  rm -rf "$RDIR"
  mkdir -p "$RDIR"
  say "starting Redis (data in $RDIR)"
  redis-server --port "$RPORT" --bind 127.0.0.1 --dir "$RDIR" --appendonly yes --appendfsync everysec \
    --save "" --maxmemory-policy noeviction --daemonize yes --pidfile "$RDIR/redis.pid" \
    --logfile "$RDIR/redis.log" >&2 || die "Redis did not start; see $RDIR/redis.log"
  for _ in $(seq 1 40); do
    redis_ready && break
    sleep 0.25
  done
  redis_ready || die "Redis did not answer on port $RPORT within 10 s; see $RDIR/redis.log"
  say "Redis ready on redis://127.0.0.1:$RPORT"
  redis_vars
}

redis_stop() { stop_service Redis "$RDIR/redis.pid" "$RDIR"; }

redis_status() {
  if alive "$RDIR/redis.pid" && redis_ready; then
    say "Redis runs (pid $(cat "$RDIR/redis.pid"), port $RPORT)"
    redis_vars
  else
    say "Redis is not running"
    return 1
  fi
}

# ---------------------------------------------------------------- commands
action="${1:-}"
[ $# -gt 0 ] && shift
services=("$@")
[ ${#services[@]} -eq 0 ] && services=(virtuoso redis)
for s in "${services[@]}"; do
  case "$s" in
  virtuoso | redis) ;;
  *) die "unknown service '$s' (known: virtuoso, redis)" ;;
  esac
done
mkdir -p "$DIR"
status=0
case "$action" in
start) for s in "${services[@]}"; do "${s}_start"; done ;;
stop) for s in "${services[@]}"; do "${s}_stop"; done ;;
status) for s in "${services[@]}"; do "${s}_status" || status=1; done ;;
*) die "usage: scripts/services.sh start|stop|status [virtuoso|redis ...]" ;;
esac
exit $status
