#!/usr/bin/env bash
# Startup time to ready and RSS of the packaged service after 1,000 requests (100 creates, 900 list pages).
#   bench/startup-rss.sh          JAVA_OPTS overrides the Docker image's JVM options; database as in bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
ensure_package
create_database_if_missing
start_service "$out/startup-rss.log"
trap stop_service EXIT
rss_ready=$(awk '/VmRSS/ {print $2}' /proc/$service_pid/status)
dealer=$(cat /proc/sys/kernel/random/uuid)
token=$(bench/token.sh sales-manager "$dealer" "$(cat /proc/sys/kernel/random/uuid)")
for i in $(seq 1 100); do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"客户$i\",\"phone\":\"1390000$(printf %04d "$i")\"}" "$url/api/v1/customers"
done
for i in $(seq 1 900); do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url/api/v1/customers?limit=20"
done
sleep 6 # one TrimNativeHeapInterval
rss_after=$(awk '/VmRSS/ {print $2}' /proc/$service_pid/status)
printf 'JVM options: %s (MALLOC_ARENA_MAX=%s)\n' "$java_opts" "$MALLOC_ARENA_MAX"
printf 'ready after %d ms (%s)\n' "$ready_ms" "$(grep -o 'started in [0-9.]*s' "$out/startup-rss.log")"
printf 'RSS at ready %d MB, after 1,000 requests %d MB\n' $((rss_ready / 1024)) $((rss_after / 1024))
