# Shared by bench/run, bench/compare and bench/timers (sourced, from the repository's top folder): the
# PostgreSQL server, the tools, the jar, the application on a database of its own, and pgbench.
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PGBENCH_DB=${BENCH_PGBENCH_DB:-xinfang_pgbench}
WORK=target/bench
mkdir -p "$WORK"
psql_() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }
fresh_database() { psql_ -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"; }

# wrk and pgbench from Debian's packages; the jar of the checkout as it is (BENCH_SKIP_BUILD=1 measures the
# jar already in target/)
bench_tools_and_jar() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v pgbench >/dev/null 2>&1 || missing+=(postgresql-contrib)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f target/xinfang-platform.jar ] || mvn -B -ntp -q -DskipTests package
}

# start_app DATABASE PORT LOG [JVM and application arguments…]: the packaged application on that database,
# back when /actuator/health says UP; APP_PID is its process, stop_app ends it
APP_PID=
start_app() {
  local db=$1 port=$2 log=$3
  shift 3
  local -a jvm=() app=()
  for arg in "$@"; do
    case $arg in -X*) jvm+=("$arg") ;; *) app+=("$arg") ;; esac
  done
  java "${jvm[@]}" -jar target/xinfang-platform.jar --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
    --spring.datasource.username="$PG_USER" --spring.datasource.password= \
    --logging.level.root=WARN "${app[@]}" > "$log" 2>&1 &
  APP_PID=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$log"; echo "the application did not start" >&2; exit 1; }
    sleep 0.2
  done
}
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

# pgbench's own database (scale 8), and its TPC-B-like rate with 8 clients for the given seconds
pgbench_init() {
  fresh_database "$PGBENCH_DB"
  pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -i -q -s 8 "$PGBENCH_DB" >/dev/null 2>&1
}
pgbench_tps() {
  pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -c 8 -j 2 -T "$1" -n "$PGBENCH_DB" 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
