#!/usr/bin/env bash
# Mints a token signed with the development key (src/dev/jwt), for a service that trusts it: dev mode, tests,
# the benchmark, and docker/compose.yaml as shipped. Never configure production to trust this key.
#   bench/token.sh ROLE [DEALER_ID] [STAFF_ID] [NAME]
# Defaults: the demo dealer and a demo staff id of the dev-mode data.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
role=${1:?usage: token.sh ROLE [DEALER_ID] [STAFF_ID] [NAME]}
dealer=${2:-0193b0a4-0000-7000-8000-000000000001}
staff=${3:-0193b0a4-0000-7000-8000-000000000101}
name=${4:-Demo $role}
key=${JWT_SIGN_KEY:-$here/../src/dev/jwt/private.pem}
issuer=${JWT_ISSUER:-https://dev.dealerops.local}
audience=${JWT_AUDIENCE:-dealerops-api}
now=$(date +%s)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","name":"%s","groups":["%s"],"dealer_id":"%s","iat":%d,"exp":%d}' \
  "$issuer" "$audience" "$staff" "$name" "$role" "$dealer" "$now" "$((now + 43200))")
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
