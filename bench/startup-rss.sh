#!/usr/bin/env bash
# Startup time to ready and RSS of the packaged service after 1,000 requests (100 creates, 900 list pages).
#   bench/startup-rss.sh [JVM options...]      (default: the Docker image's JAVA_OPTS)
# Needs target/quarkus-app (./mvnw package) and a PostgreSQL: BENCH_DB_URL (postgresql://127.0.0.1:5432/
# dealerops_bench), BENCH_DB_USER (postgres), BENCH_DB_PASSWORD. The database is created if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
db_url=${BENCH_DB_URL:-postgresql://127.0.0.1:5432/dealerops_bench}
db_user=${BENCH_DB_USER:-postgres}
db_name=${db_url##*/}
psql "${db_url%/*}/postgres" -U "$db_user" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1 \
  || psql "${db_url%/*}/postgres" -U "$db_user" -qc "CREATE DATABASE $db_name"
opts=("$@")
[ ${#opts[@]} -gt 0 ] || opts=(-Xms64m -Xmx160m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -Xss512k)
port=${BENCH_PORT:-18080}
export QUARKUS_DATASOURCE_REACTIVE_URL=$db_url QUARKUS_DATASOURCE_USERNAME=$db_user \
  QUARKUS_DATASOURCE_PASSWORD=${BENCH_DB_PASSWORD:-} QUARKUS_HTTP_PORT=$port \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/src/dev/jwt/public.pem MP_JWT_VERIFY_ISSUER=https://dev.dealerops.local \
  MP_JWT_VERIFY_AUDIENCES=dealerops-api
start=$(date +%s%N)
java "${opts[@]}" -jar target/quarkus-app/quarkus-run.jar > target/startup-rss.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "localhost:$port/q/health/ready" > /dev/null; do
  kill -0 $pid 2>/dev/null || { cat target/startup-rss.log; exit 1; }
  sleep 0.02
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
rss_ready=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
dealer=$(cat /proc/sys/kernel/random/uuid)
token=$(bench/token.sh sales-manager "$dealer" "$(cat /proc/sys/kernel/random/uuid)")
for i in $(seq 1 100); do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"客户$i\",\"phone\":\"1390000$(printf %04d "$i")\"}" "localhost:$port/api/v1/customers"
done
for i in $(seq 1 900); do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "localhost:$port/api/v1/customers?limit=20"
done
rss_after=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
printf 'JVM options: %s\n' "${opts[*]}"
printf 'ready after %d ms (%s)\n' "$ready" "$(grep -o 'started in [0-9.]*s' target/startup-rss.log)"
printf 'RSS at ready %d MB, after 1,000 requests %d MB\n' $((rss_ready / 1024)) $((rss_after / 1024))
