#!/usr/bin/env bash
# Imports the marketers' dashboards (data views, Lens visualizations, saved search, dashboards)
# into Kibana. Idempotent: objects have fixed ids and are overwritten.
#
#   kibana/import.sh [saved-objects.ndjson]
#
# Environment:
#   KIBANA_URL            default http://localhost:5601
#   KIBANA_API_KEY        API key (base64 "id:key"), or
#   ELASTIC_USER / ELASTIC_PASSWORD   basic auth (e.g. elastic / ...)
#   KIBANA_SPACE          import into this space instead of the default one
#   KIBANA_WAIT_SECONDS   how long to wait for Kibana to become available (default 300)
#   KIBANA_CA_CERT        CA certificate file for https with a private CA
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
file="${1:-$here/saved-objects.ndjson}"
kibana_url="${KIBANA_URL:-http://localhost:5601}"
kibana_url="${kibana_url%/}"
wait_seconds="${KIBANA_WAIT_SECONDS:-300}"
space_path=""
if [ -n "${KIBANA_SPACE:-}" ]; then
    space_path="/s/${KIBANA_SPACE}"
fi

fail() {
    echo "import.sh: $*" >&2
    exit 1
}

[ -r "$file" ] || fail "cannot read $file"
command -v curl >/dev/null 2>&1 || fail "curl is needed (apt-get install curl)"

# Credentials go to curl through a config on stdin, so they never show in the process list.
curl_config() {
    if [ -n "${KIBANA_API_KEY:-}" ]; then
        printf 'header = "Authorization: ApiKey %s"\n' "$KIBANA_API_KEY"
    elif [ -n "${ELASTIC_USER:-}" ]; then
        printf 'user = "%s:%s"\n' "$ELASTIC_USER" "${ELASTIC_PASSWORD:-}"
    fi
    if [ -n "${KIBANA_CA_CERT:-}" ]; then
        printf 'cacert = "%s"\n' "$KIBANA_CA_CERT"
    fi
}

# kibana_curl OUTPUT_FILE CURL_ARGS... ; prints the HTTP status (000 when unreachable)
kibana_curl() {
    local out="$1" code
    shift
    code="$(curl_config | curl --silent --config - --output "$out" \
        --write-out '%{http_code}' --max-time 60 "$@" 2>/dev/null)" || true
    echo "${code:-000}"
}

# The value of a top-level "key":value in a JSON document (jq when present, else grep).
json_value() {
    local key="$1" body="$2"
    if command -v jq >/dev/null 2>&1; then
        jq -r ".${key} // empty" "$body"
    else
        tr -d ' \n' <"$body" | grep -o "\"${key}\":[^,}]*" | head -n 1 | cut -d: -f2 | tr -d '"'
    fi
}

# Kibana 8 reports {"status":{"overall":{"level":"available",...}}} once every plugin is up.
overall_available() {
    if command -v jq >/dev/null 2>&1; then
        [ "$(jq -r '.status.overall.level // empty' "$1" 2>/dev/null)" = "available" ]
    else
        tr -d ' \n' <"$1" | grep -q '"overall":{[^}]*"level":"available"'
    fi
}

body="$(mktemp)"
trap 'rm -f "$body"' EXIT

printf 'Waiting for Kibana at %s ' "$kibana_url"
deadline=$(($(date +%s) + wait_seconds))
while :; do
    status="$(kibana_curl "$body" "$kibana_url/api/status")"
    if [ "$status" = "200" ] && overall_available "$body"; then
        echo " available"
        break
    fi
    if [ "$status" = "401" ] || [ "$status" = "403" ]; then
        echo
        fail "Kibana refused the credentials (HTTP $status); set KIBANA_API_KEY or ELASTIC_USER/ELASTIC_PASSWORD"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo
        fail "Kibana at $kibana_url was not available after ${wait_seconds}s (last HTTP status $status); is it running? (set KIBANA_URL, KIBANA_WAIT_SECONDS)"
    fi
    printf '.'
    sleep 2
done

echo "Importing $file"
status="$(kibana_curl "$body" -X POST \
    "$kibana_url$space_path/api/saved_objects/_import?overwrite=true" \
    -H 'kbn-xsrf: true' --form "file=@$file")"
if [ "$status" != "200" ]; then
    cat "$body" >&2 || true
    echo >&2
    fail "Kibana answered HTTP $status to the import"
fi
success="$(json_value success "$body")"
count="$(json_value successCount "$body")"
if [ "$success" != "true" ] || tr -d ' \n' <"$body" | grep -q '"errors":\[{'; then
    if command -v jq >/dev/null 2>&1; then
        jq -r '.errors[]? | "  \(.type) \(.id): \(.error.type) \(.error.message // "" ) \(.error.references // [] | map(.type + " " + .id) | join(", "))"' "$body" >&2
    else
        cat "$body" >&2
        echo >&2
    fi
    fail "Kibana reported errors; ${count:-0} objects imported"
fi
echo "Imported ${count:-0} saved objects into ${kibana_url}${space_path}"
