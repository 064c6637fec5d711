#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own cluster in a new temporary folder, listening only
# on a Unix socket in that folder (no TCP port, so it cannot clash with another server or be reached from
# outside), trusting local connections.
#
#   scripts/postgres-test-server.sh start   prints the folder, then the connection URI for the tests
#   scripts/postgres-test-server.sh stop DIR   stops the server and removes its folder
#   scripts/postgres-test-server.sh halt DIR   stops the server at once, as a crash would, keeping its data
#   scripts/postgres-test-server.sh resume DIR starts a halted server again
#
# The server must not run as root: when the script does, the cluster belongs to the postgres user that
# Debian's package creates.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "postgres-test-server: PostgreSQL's server programs are not installed (Debian: postgresql)" >&2
  exit 1
fi

as_owner=()
[[ "$(id -u)" -eq 0 ]] && as_owner=(runuser -u postgres --)

start_server() {
  "${as_owner[@]}" "$bin/pg_ctl" --pgdata="$1/data" --log="$1/server.log" --wait \
    --options="-c listen_addresses='' -c unix_socket_directories='$1' -c max_connections=50 -c fsync=off" \
    start >/dev/null || { cat "$1/server.log" >&2; exit 1; }
}

case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/claimtrack-pg.XXXXXX)
  chmod 755 "$dir"
  [[ ${#as_owner[@]} -gt 0 ]] && chown postgres: "$dir"
  "${as_owner[@]}" "$bin/initdb" --pgdata="$dir/data" --auth=trust --username=postgres --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  start_server "$dir"
  echo "$dir"
  echo "postgresql:///postgres?host=$dir&user=postgres"
  ;;
halt)
  dir=${2:?postgres-test-server: halt needs the folder start printed}
  "${as_owner[@]}" "$bin/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait stop >/dev/null
  ;;
resume)
  dir=${2:?postgres-test-server: resume needs the folder start printed}
  start_server "$dir"
  ;;
stop)
  dir=${2:?postgres-test-server: stop needs the folder start printed}
  "${as_owner[@]}" "$bin/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | stop DIR | halt DIR | resume DIR" >&2
  exit 2
  ;;
esac
