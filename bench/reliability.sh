#!/usr/bin/env bash
# Reliability runs against the packaged service (see Reliability.java for what each checks):
#   bench/reliability.sh soak   [seconds=300] [tablets=48]    mixed traffic; the database must hold exactly the
#                                                             acknowledged writes; no 5xx
#   bench/reliability.sh outage [seconds=60]  [tablets=24]    PostgreSQL stopped for 10 s under load
# The outage stops and starts the machine's PostgreSQL cluster (pg_ctlcluster); set DB_STOP and DB_START to other
# commands for another server. Environment as for bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
mode=${1:-soak}
ensure_package
create_database_if_missing
cluster=$(ls /etc/postgresql 2> /dev/null | head -1)
export DB_STOP=${DB_STOP:-pg_ctlcluster --skip-systemctl-redirect $cluster main stop -m fast}
export DB_START=${DB_START:-pg_ctlcluster --skip-systemctl-redirect $cluster main start}
start_service "$out/service-$mode.log"
trap stop_service EXIT
echo "service ready after $ready_ms ms (java $java_opts)"
status=0
DEALEROPS_URL=$url java bench/Reliability.java "$@" || status=$?
echo "RSS of the service: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MB"
grep -c ' ERROR ' "$out/service-$mode.log" | xargs printf 'ERROR lines in the service log: %s\n'
exit $status
