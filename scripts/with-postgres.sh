#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server from Debian's
# `postgresql` package: a new cluster in a temporary folder, on a free port,
# removed afterwards. The command sees SENIM_TEST_DATABASE_URL and
# BENCH_DATABASE_URL (an admin URL of the server's `postgres` database).
#   usage: bash scripts/with-postgres.sh npm run test:db
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found; install them with: apt-get install -y postgresql" >&2
  exit 2
fi

port=${SENIM_PG_PORT:-54329}
while (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

cluster=$(mktemp -d /tmp/senim-pg.XXXXXX)
run_as=()
# initdb and postgres refuse to run as root: use the postgres system user then.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$cluster"
  run_as=(runuser -u postgres --)
fi

stop() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap stop EXIT

"${run_as[@]}" "$pg_bin/initdb" -D "$cluster/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
  -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null

# The tests connect as an owner that is not a superuser, as on a managed
# PostgreSQL server: a superuser passes every row-level security policy, so it
# would hide a query that reads a case's records outside the person scope (on
# the embedded database, which runs as a superuser, the other half is tested).
"${run_as[@]}" "$pg_bin/psql" -h "$cluster" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "create role senim_owner login createdb" >/dev/null
export SENIM_TEST_DATABASE_URL="postgres://senim_owner@127.0.0.1:$port/postgres"
# The benchmark reads pg_stat_statements and fills its own database: the superuser.
export BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
