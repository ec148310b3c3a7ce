#!/usr/bin/env bash
# generate / roundtrip on a large source (a benchmark, not a test): N tables, each with an identity key,
# a foreign key to the one before, a CHECK, a default, two indexes and a comment, loaded into a private
# PostgreSQL (Debian's, pg_config --bindir); then the two commands as whole processes, timed.
#   bench/generate-bench.sh [N]      default 500
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-500}
OUT=${BENCH_OUT:-$ROOT/bench/out/generate}
PGBIN=${PGBIN:-$(pg_config --bindir)}
PORT=${BENCH_PORT:-55433}
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$OUT"; mkdir -p "$OUT"; chmod 777 "$OUT"
as_pg "$PGBIN/initdb" -D "$OUT/pgdata" -U postgres --auth=trust -E UTF8 --locale=C >"$OUT/initdb.log"
as_pg "$PGBIN/pg_ctl" -D "$OUT/pgdata" -l "$OUT/pgdata/server.log" -o "-p $PORT -k /tmp" -w -s start
trap 'as_pg "$PGBIN/pg_ctl" -D "$OUT/pgdata" -m fast -w -s stop || true' EXIT
psql() { "$PGBIN/psql" -h localhost -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -c "CREATE DATABASE source"
{
  echo "CREATE SCHEMA app;"
  for ((i = 1; i <= N; i++)); do
    prev=$((i - 1))
    fk=""; ((i > 1)) && fk=", parent_id bigint REFERENCES app.t$prev (id)"
    echo "CREATE TABLE app.t$i (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(80) NOT NULL CHECK (name <> ''),"
    echo "  status text NOT NULL DEFAULT 'new', created_at timestamptz NOT NULL DEFAULT now()$fk);"
    echo "CREATE INDEX t${i}_name_idx ON app.t$i (lower(name)); CREATE UNIQUE INDEX t${i}_status_key ON app.t$i (status, name) WHERE status <> 'gone';"
    echo "COMMENT ON TABLE app.t$i IS 'table $i';"
  done
} >"$OUT/source.sql"
psql -d source -f "$OUT/source.sql"
(cd "$ROOT" && ./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null)
CP="$ROOT/target/classes:$(cat "$OUT/cp.txt")"
URL="postgresql://postgres@localhost:$PORT/source"
timed() { local start end; start=$(date +%s.%N); "$@" >"$OUT/last.log" 2>&1 || { cat "$OUT/last.log"; return 1; }; end=$(date +%s.%N)
  echo "$end - $start" | bc; }
echo "load: $(uptime | sed 's/.*load average: //')"
for run in 1 2 3; do
  g=$(timed java -cp "$CP" SyncProductionSchema generate --database-url "$URL" --out "$OUT/changes-$run" --force)
  echo "generate, $N tables, run $run: ${g} s ($(ls "$OUT/changes-$run" | wc -l) files)"
done
r=$(timed java -cp "$CP" SyncProductionSchema roundtrip --database-url "$URL" --postgres-version 17)
echo "roundtrip, $N tables: ${r} s — $(grep -E 'Compared|catalogs equal|plan against' "$OUT/last.log" | tr '\n' ' ' | cut -c1-300)"
