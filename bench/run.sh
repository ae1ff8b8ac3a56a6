#!/usr/bin/env bash
# The benchmark: the packaged service with production settings against PostgreSQL, with a baseline in the same
# run: the very SQL the service issues (captured from PostgreSQL's statement log) replayed by pgbench at the same
# concurrency, so every figure is a ratio that means something on any machine.
#
#   bench/run.sh                 (about 10 minutes)
#
# Environment (defaults in brackets):
#   BENCH_DB_URL      [postgresql://127.0.0.1:5432/dealerops_bench]  the database is dropped and recreated
#   BENCH_DB_USER     [postgres]   a superuser: the run switches log_statement on and off (ALTER SYSTEM)
#   BENCH_DB_LOG      [/var/log/postgresql/postgresql-*-main.log]    where that server writes its log
#   BENCH_CONNECTIONS [32]  BENCH_THREADS [2]  BENCH_SECONDS [20]  BENCH_WARMUP_SECONDS [15]
#   JAVA_OPTS         [the Docker image's]
# Needs: a JDK 17, psql and pgbench, python3; wrk is installed from Debian's packages if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
db_log=${BENCH_DB_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP_SECONDS:-15}
export BENCH_TOKENS=$out/tokens.txt BENCH_THREADS=$threads

command -v wrk > /dev/null || { echo "installing wrk"; apt-get install -y -qq wrk > /dev/null; }
for tool in psql pgbench python3; do command -v $tool > /dev/null || { echo "$tool is required"; exit 1; }; done
[ -r "$db_log" ] || { echo "cannot read the PostgreSQL log '$db_log' (set BENCH_DB_LOG)"; exit 1; }
ensure_package

echo "== database $db_url"
psql_admin -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" -c "CREATE DATABASE $db_name"

# the lead-nurture scheduler's first catch-up over the seeded leads (about 26,000 follow-ups) stays out of the
# measurements; the agenda scenario reads follow-ups seeded for it
export DEALEROPS_FOLLOW_UPS_NURTURE_INTERVAL=2h
echo "== starting the service (java $java_opts)"
trap 'stop_service; psql_admin -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" > /dev/null 2>&1 || true' EXIT
start_service "$out/service.log"
echo "ready after $ready_ms ms (first start: migrations included)"
first_ready_ms=$ready_ms

echo "== seeding (bench/seed.sql) and signing tokens"
psql_bench -f bench/seed.sql > /dev/null
psql_bench -c "SELECT count(*) FROM customer" | xargs printf '%s customers\n'
psql_bench -c "SELECT count(*) FROM lead" | xargs printf '%s leads\n'
: > "$BENCH_TOKENS"
for s in $(seq 0 99); do
  printf 'sales %d %s\n' "$s" "$(bench/token.sh sales "00000000-0000-4000-b000-$(printf %012d $((s / 20)))" \
    "00000000-0000-4000-a000-$(printf %012d "$s")" "销售顾问 $s")" >> "$BENCH_TOKENS"
done
for d in $(seq 0 4); do
  printf 'manager %d %s\n' "$d" "$(bench/token.sh sales-manager "00000000-0000-4000-b000-$(printf %012d "$d")" \
    "00000000-0000-4000-c000-$(printf %012d "$d")" "销售经理 $d")" >> "$BENCH_TOKENS"
done

echo "== one quote per salesperson (quote s: lead s, a car of their dealer) for the document scenario"
for s in $(seq 0 99); do
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $(sed -n "s/^sales $s //p" "$BENCH_TOKENS")" \
    -H 'Content-Type: application/json' "$url/api/v1/quotes" -d "{\"id\":\"00000000-0000-4000-d000-$(printf %012d "$s")\",
    \"leadId\":\"00000000-0000-4000-9000-$(printf %012d "$s")\",
    \"vehicleId\":\"00000000-0000-4000-e000-$(printf %012d "$s")\",
    \"accessories\":[{\"name\":\"全车脚垫\",\"quantity\":2,\"unitPrice\":{\"amount\":\"399.50\",\"currency\":\"CNY\"}}],
    \"services\":[{\"kind\":\"INSURANCE\",\"price\":{\"amount\":\"6200.00\",\"currency\":\"CNY\"}}],
    \"financing\":{\"downPayment\":{\"amount\":\"60000.00\",\"currency\":\"CNY\"},\"termMonths\":36,
    \"annualRatePercent\":\"3.99\"}}" || { echo "could not create quote $s"; exit 1; }
done

run_wrk() { # name script seconds -> target/bench/wrk-name.txt
  wrk -t"$threads" -c"$connections" -d"$3"s --latency -s "bench/wrk/$2.lua" "$url" > "$out/wrk-$1.txt" 2>&1
}
echo "== warm-up (${warmup}s per scenario, twice that for the first: the JIT compiler needs about 30 s here)"
BENCH_RUN=1 BENCH_UPDATE_OFFSET=0 run_wrk warm-list list "$((warmup * 2))"
run_wrk warm-leads leads "$warmup"
run_wrk warm-get304 get304 "$warmup"
BENCH_RUN=1 run_wrk warm-create create "$warmup"
BENCH_UPDATE_OFFSET=0 run_wrk warm-update update "$warmup"
run_wrk warm-identity identity "$warmup"
BENCH_RUN=1 run_wrk warm-quote quote "$warmup"
run_wrk warm-agenda agenda "$warmup"

echo "== capturing the SQL of one customer list, one lead list and one create from PostgreSQL's log"
capture() { # name method path [body] -> offset of the log before the request
  local offset
  offset=$(stat -c %s "$db_log")
  psql_admin -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" > /dev/null
  sleep 0.5
  curl -sf -o /dev/null -X "$2" -H "Authorization: Bearer $(sed -n '1s/^sales 0 //p' "$BENCH_TOKENS")" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: capture-$1-$$" ${4:+-d "$4"} "$url$3"
  sleep 0.5
  psql_admin -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" > /dev/null
  echo "$offset"
}
dealer0=00000000-0000-4000-b000-000000000000
sales0=00000000-0000-4000-a000-000000000000
random_caller=(--set 's random(0, 99)' --set 'd :s / 20'
  --replace "$dealer0=('00000000-0000-4000-b000-' || lpad(:d::text, 12, '0'))::uuid"
  --replace "$sales0=('00000000-0000-4000-a000-' || lpad(:s::text, 12, '0'))::uuid")
offset=$(capture list GET "/api/v1/customers?limit=20")
python3 bench/capture.py "$db_log" "$offset" "$db_name" "${random_caller[@]}" > "$out/list.pgbench"
leads_path="/api/v1/leads?assignee=me&status=NEW,CONTACTED,QUALIFIED,TEST_DRIVE,QUOTED&limit=20"
offset=$(capture leads GET "$leads_path")
python3 bench/capture.py "$db_log" "$offset" "$db_name" "${random_caller[@]}" > "$out/leads.pgbench"
phone=13500000001
offset=$(capture create POST /api/v1/customers "{\"name\":\"压测客户\",\"phone\":\"$phone\",\"city\":\"杭州\",\"contactConsent\":true}")
python3 bench/capture.py "$db_log" "$offset" "$db_name" "${random_caller[@]}" --set 'n random(1, 1000000000000)' \
  --unique "+86$phone='+86' || (10000000000 + :n)::text" --unique "capture-create-$$=:n::text" --unique-uuids \
  > "$out/create.pgbench"
quote_body='{"leadId":"00000000-0000-4000-9000-000000000100","vehicleId":"00000000-0000-4000-e000-000000000001",
  "accessories":[{"name":"全车脚垫","quantity":2,"unitPrice":{"amount":"399.50","currency":"CNY"}}],
  "discount":{"amount":{"amount":"3000.00","currency":"CNY"},"reason":"店庆"},
  "financing":{"downPayment":{"amount":"60000.00","currency":"CNY"},"termMonths":36,"annualRatePercent":"3.99"}}'
offset=$(capture quote POST /api/v1/quotes "$quote_body")
# the quote's lead, customer and car belong to dealer 0 and salesperson 0: those ids stay as they are (written as
# expressions, so --unique-uuids leaves them alone) and only the new quote's ids change per transaction
keep() { echo "$1=('${1:0:24}' || '${1:24}')::uuid"; }
python3 bench/capture.py "$db_log" "$offset" "$db_name" --set 'n random(1, 1000000000000)' \
  --replace "$(keep $dealer0)" --replace "$(keep $sales0)" \
  --replace "$(keep 00000000-0000-4000-9000-000000000100)" --replace "$(keep 00000000-0000-4000-8000-000000000100)" \
  --replace "$(keep 00000000-0000-4000-e000-000000000001)" \
  --unique "capture-quote-$$=:n::text" --unique-uuids > "$out/quote.pgbench"
offset=$(capture agenda GET /api/v1/me/agenda)
python3 bench/capture.py "$db_log" "$offset" "$db_name" "${random_caller[@]}" > "$out/agenda.pgbench"
for f in list leads create quote agenda; do echo "-- $f: $(grep -vc '^\\' "$out/$f.pgbench") statements"; sed 's/^/   /' "$out/$f.pgbench" | cut -c1-150; done

echo "== measuring (${seconds}s each, $connections connections, $threads threads); each pgbench baseline runs right"
echo "   after its scenario, so both see the machine in the same state"
run_pgbench() { # name
  pgbench -h "$db_host" -p "$db_port" -U "$db_user" -n -M prepared -c "$connections" -j "$threads" -T "$seconds" \
    -f "$out/$1.pgbench" "$db_name" > "$out/pgbench-$1.txt" 2>&1
}
BENCH_RUN=2 run_wrk list list "$seconds"
run_pgbench list
run_wrk leads leads "$seconds"
run_pgbench leads
run_wrk get304 get304 "$seconds"
BENCH_RUN=2 run_wrk create create "$seconds"
run_pgbench create
BENCH_UPDATE_OFFSET=40000 run_wrk update update "$seconds"
run_wrk identity identity "$seconds"
run_wrk agenda agenda "$seconds"
run_pgbench agenda
# what the database's sessions wait for while quotes are made (target/bench/activity-quote.txt)
(for i in $(seq 1 $((seconds / 2))); do
   psql_admin -c "SELECT now()::time(0), state, wait_event_type, wait_event, left(query, 70), count(*),
     max(now() - state_change) FROM pg_stat_activity WHERE datname = '$db_name' GROUP BY 1, 2, 3, 4, 5
     ORDER BY 6 DESC LIMIT 6"; sleep 2; done) > "$out/activity-quote.txt" 2>&1 &
sampler=$!
BENCH_RUN=2 run_wrk quote quote "$seconds"
wait $sampler
run_pgbench quote
sleep 6 # one TrimNativeHeapInterval
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$service_pid/status)

# Last, because the first document parses the CJK font into the heap (about 15 MB, kept 2 minutes after the last
# document): a few tablets sharing quotes at once, as many as the renderer admits (ADMITTED in QuoteDocument).
pdf_connections=${BENCH_PDF_CONNECTIONS:-4}
offset=$(capture document GET /api/v1/quotes/00000000-0000-4000-d000-000000000000/document)
python3 bench/capture.py "$db_log" "$offset" "$db_name" > "$out/document.pgbench"
echo "-- document: $(grep -vc '^\\' "$out/document.pgbench") statements"
wrk -t1 -c"$pdf_connections" -d"$warmup"s --latency -s bench/wrk/document.lua "$url" > "$out/wrk-warm-document.txt" 2>&1
wrk -t1 -c"$pdf_connections" -d"$seconds"s --latency -s bench/wrk/document.lua "$url" > "$out/wrk-document.txt" 2>&1
pgbench -h "$db_host" -p "$db_port" -U "$db_user" -n -M prepared -c "$pdf_connections" -j 1 -T "$seconds" \
  -f "$out/document.pgbench" "$db_name" > "$out/pgbench-document.txt" 2>&1
sleep 6
pdf_rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$service_pid/status)
gzip_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' \
  -H "Authorization: Bearer $(sed -n '1s/^sales 0 //p' "$BENCH_TOKENS")" "$url/api/v1/customers?limit=20")
plain_bytes=$(curl -s -o /dev/null -w '%{size_download}' \
  -H "Authorization: Bearer $(sed -n '1s/^sales 0 //p' "$BENCH_TOKENS")" "$url/api/v1/customers?limit=20")

lead_gzip_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' \
  -H "Authorization: Bearer $(sed -n '1s/^sales 0 //p' "$BENCH_TOKENS")" "$url$leads_path")
lead_plain_bytes=$(curl -s -o /dev/null -w '%{size_download}' \
  -H "Authorization: Bearer $(sed -n '1s/^sales 0 //p' "$BENCH_TOKENS")" "$url$leads_path")

agenda_gzip_bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' \
  -H "Authorization: Bearer $(sed -n '1s/^sales 0 //p' "$BENCH_TOKENS")" "$url/api/v1/me/agenda")
agenda_plain_bytes=$(curl -s -o /dev/null -w '%{size_download}' \
  -H "Authorization: Bearer $(sed -n '1s/^sales 0 //p' "$BENCH_TOKENS")" "$url/api/v1/me/agenda")

pdf_bytes=$(curl -s -o /dev/null -w '%{size_download}' \
  -H "Authorization: Bearer $(sed -n '1s/^sales 0 //p' "$BENCH_TOKENS")" \
  "$url/api/v1/quotes/00000000-0000-4000-d000-000000000000/document")

wrk_rps() { awk '/Requests\/sec/ {print $2}' "$out/wrk-$1.txt"; }
wrk_pct() { awk -v p="$2%" '$1 == p {print $2}' "$out/wrk-$1.txt"; }
wrk_errors() {
  awk '/Non-2xx or 3xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' \
    "$out/wrk-$1.txt"
}
pg_tps() { awk '/^tps = / {print $3}' "$out/pgbench-$1.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

report=$out/report.txt
{
  echo "DealerOps benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | xargs)"
  echo "java: $(java -version 2>&1 | head -1); PostgreSQL: $(psql_bench -c 'SHOW server_version')"
  echo "$connections connections, $threads threads, ${seconds}s per scenario after ${warmup}s warm-up"
  echo "JVM: $java_opts, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
  echo
  printf '%-34s %10s %9s %9s %7s %12s %7s\n' scenario "req/s" "p50" "p99" errors "pgbench tps" ratio
  list_tps=$(pg_tps list)
  create_tps=$(pg_tps create)
  row() { printf '%-34s %10s %9s %9s %7s %12s %7s\n' "$1" "$(wrk_rps "$2")" "$(wrk_pct "$2" 50)" \
    "$(wrk_pct "$2" 99)" "$(wrk_errors "$2")" "${3:--}" "$([ -n "${3:-}" ] && ratio "$(wrk_rps "$2")" "$3" || echo -)"; }
  row "list page (sales tablet, limit=20)" list "$list_tps"
  row "lead list (open, mine, limit=20)" leads "$(pg_tps leads)"
  row "GET one with If-None-Match (304)" get304
  row "create with Idempotency-Key" create "$create_tps"
  row "PATCH with If-Match" update
  row "authenticated, no database" identity
  row "quote priced and created" quote "$(pg_tps quote)"
  row "my agenda (12 follow-ups, gzip)" agenda "$(pg_tps agenda)"
  row "quote PDF (报价单), $pdf_connections connections" document "$(pg_tps document)"
  echo
  echo "ready after start: $first_ready_ms ms (empty database, migrations included)"
  echo "RSS after the run: $((rss_kb / 1024)) MB; after the PDF scenario (font parsed): $((pdf_rss_kb / 1024)) MB"
  echo "list page of 20: $plain_bytes bytes, $gzip_bytes bytes gzipped"
  echo "lead list page of 20: $lead_plain_bytes bytes, $lead_gzip_bytes bytes gzipped"
  echo "agenda of 12 follow-ups: $agenda_plain_bytes bytes, $agenda_gzip_bytes bytes gzipped"
  echo "quote PDF: $pdf_bytes bytes"
} | tee "$report"

stop_service
echo "== startup of the packaged service on the migrated database"
start_service "$out/service-restart.log"
echo "ready after start (schema up to date): $ready_ms ms" | tee -a "$report"
echo "report: $report"
