#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own cluster in a new temporary folder, listening only
# on a Unix socket in that folder (no TCP port, so it cannot clash with another server or be reached from
# outside), trusting local connections.
#
#   scripts/postgres-test-server.sh start   prints the folder, then the connection URI for the tests
#   scripts/postgres-test-server.sh start --tls   the same, but listening on localhost (a free port) and
#       only over TLS, with a certificate made for it: the URI asks libpq to verify it (sslmode=verify-full)
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
  local options="-c listen_addresses='' -c unix_socket_directories='$1' -c max_connections=50 -c fsync=off"
  [[ -f "$1/tls-options" ]] && options+=" $(cat "$1/tls-options")"
  "${as_owner[@]}" "$bin/pg_ctl" --pgdata="$1/data" --log="$1/server.log" --wait --options="$options" \
    start >/dev/null || { cat "$1/server.log" >&2; exit 1; }
}

# A certificate for localhost, a free port, and connections over TCP refused unless they use TLS.
setup_tls() {
  local dir=$1 port
  openssl req -new -x509 -days 2 -nodes -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.crt" \
    >/dev/null 2>&1 || { echo "postgres-test-server: openssl could not make a certificate" >&2; exit 1; }
  chmod 600 "$dir/server.key"
  [[ ${#as_owner[@]} -gt 0 ]] && chown postgres: "$dir/server.key" "$dir/server.crt"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo "-c listen_addresses=localhost -c port=$port -c ssl=on -c ssl_cert_file='$dir/server.crt'" \
    "-c ssl_key_file='$dir/server.key'" >"$dir/tls-options"
  { echo "hostnossl all all all reject"; cat "$dir/data/pg_hba.conf"; } >"$dir/pg_hba.conf"
  "${as_owner[@]}" cp "$dir/pg_hba.conf" "$dir/data/pg_hba.conf"
  echo "$port"
}

case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/claimtrack-pg.XXXXXX)
  chmod 755 "$dir"
  [[ ${#as_owner[@]} -gt 0 ]] && chown postgres: "$dir"
  "${as_owner[@]}" "$bin/initdb" --pgdata="$dir/data" --auth=trust --username=postgres --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  if [[ "${2:-}" == "--tls" ]]; then
    port=$(setup_tls "$dir")
    start_server "$dir"
    echo "$dir"
    echo "postgresql://localhost:$port/postgres?user=postgres&sslmode=verify-full&sslrootcert=$dir/server.crt"
  else
    start_server "$dir"
    echo "$dir"
    echo "postgresql:///postgres?host=$dir&user=postgres"
  fi
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
  echo "usage: $0 start [--tls] | stop DIR | halt DIR | resume DIR" >&2
  exit 2
  ;;
esac
