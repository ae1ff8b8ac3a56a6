# Shared by the bench/ scripts: which database, how the packaged service is started (as in production: the jar,
# environment variables, the Docker image's JVM options and class-data-sharing archive).
db_url=${BENCH_DB_URL:-postgresql://127.0.0.1:5432/dealerops_bench}
db_user=${BENCH_DB_USER:-postgres}
db_name=${db_url##*/}
db_server=${db_url%/*}
db_host_port=${db_server#postgresql://}
db_host=${db_host_port%:*}
db_port=${db_host_port##*:}
# the Docker image's settings (docker/Dockerfile); TrimNativeHeapInterval gives the C2 compiler's freed memory back
java_opts=${JAVA_OPTS:--Xms32m -Xmx96m -XX:MaxMetaspaceSize=110m -XX:ReservedCodeCacheSize=40m -XX:+UseSerialGC -Xss512k -XX:TrimNativeHeapInterval=5000 -XX:SharedArchiveFile=app-cds.jsa}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
port=${BENCH_PORT:-18080}
url=http://localhost:$port
out=target/bench
mkdir -p "$out"

psql_admin() { psql "$db_server/postgres" -U "$db_user" -qtAX "$@"; }
psql_bench() { psql "$db_url" -U "$db_user" -qtAX "$@"; }

ensure_package() { [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests; }

create_database_if_missing() {
  psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1 \
    || psql_admin -c "CREATE DATABASE $db_name"
}

# start_service LOGFILE: starts the jar, waits until ready; sets $service_pid and $ready_ms
start_service() {
  export QUARKUS_DATASOURCE_REACTIVE_URL=$db_url QUARKUS_DATASOURCE_USERNAME=$db_user \
    QUARKUS_DATASOURCE_PASSWORD=${BENCH_DB_PASSWORD:-} QUARKUS_HTTP_PORT=$port \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/src/dev/jwt/public.pem MP_JWT_VERIFY_ISSUER=https://dev.dealerops.local \
    MP_JWT_VERIFY_AUDIENCES=dealerops-api
  local started
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd target/quarkus-app && exec java $java_opts -jar quarkus-run.jar) > "$1" 2>&1 &
  service_pid=$!
  until curl -sf "$url/q/health/ready" > /dev/null; do
    kill -0 $service_pid 2> /dev/null || { cat "$1"; return 1; }
    sleep 0.01
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop_service() {
  kill "$service_pid" 2> /dev/null || true
  while kill -0 "$service_pid" 2> /dev/null; do sleep 0.1; done
}
