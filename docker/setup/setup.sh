#!/usr/bin/env bash
# One-shot set-up of the secured Elasticsearch, run by the stack's `setup` service (appliance
# image) once Elasticsearch is healthy. Idempotent: a second run keeps what is still valid.
#   1. the kibana_system password, so Kibana can start;
#   2. least-privilege Elasticsearch API keys for the Flink job (write) and the search API (read),
#      each written to the volume only that service mounts;
#   3. the search API's own client keys (a reader and an admin token for the demo);
#   4. the index templates and aliased indices (`appliance setup`).
# Environment: ES_URL, ES_CA_CERT, ELASTIC_PASSWORD, KIBANA_PASSWORD.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
: "${ES_URL:?ES_URL is not set}"
: "${ES_CA_CERT:?ES_CA_CERT is not set}"
: "${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD in docker/.env}"
: "${KIBANA_PASSWORD:?set KIBANA_PASSWORD in docker/.env}"
flink_dir=/credentials/flink
api_dir=/credentials/search-api

# es [CURL_ARGS...] PATH: a call as the elastic superuser, request body (if any) on stdin. The
# password goes to curl in a private config file, so it never shows in the process list.
curl_config="$(mktemp)"
trap 'rm -f "$curl_config"' EXIT
printf 'user = "elastic:%s"\n' "$ELASTIC_PASSWORD" >"$curl_config"
es() {
    local path="${*: -1}"
    curl --silent --show-error --fail-with-body --config "$curl_config" --cacert "$ES_CA_CERT" \
        -H 'Content-Type: application/json' "${@:1:$#-1}" "$ES_URL$path"
}

echo "Waiting for Elasticsearch at $ES_URL"
for _ in $(seq 1 60); do
    es /_security/_authenticate >/dev/null 2>&1 && break
    sleep 5
done
es /_security/_authenticate >/dev/null

echo "Setting the kibana_system password"
jq -n --arg password "$KIBANA_PASSWORD" '{password: $password}' |
    es -X POST --data-binary @- /_security/user/kibana_system/_password >/dev/null

# api_key NAME ROLE_FILE OUT_FILE: keeps a key that still authenticates, else replaces it.
api_key() {
    local name="$1" role="$2" out="$3"
    if [ -s "$out" ] && curl --silent --fail --cacert "$ES_CA_CERT" \
        -H "Authorization: ApiKey $(cat "$out")" "$ES_URL/_security/_authenticate" >/dev/null; then
        echo "API key $name: still valid"
        return
    fi
    # Earlier keys of this name (lost or stale files) stop working.
    jq -n --arg name "$name" '{name: $name}' |
        es -X DELETE --data-binary @- /_security/api_key >/dev/null
    jq -n --arg name "$name" --slurpfile role "$role" \
        '{name: $name, role_descriptors: {($name): $role[0]},
          metadata: {application: "clickstream-appliance"}}' |
        es -X POST --data-binary @- /_security/api_key | jq -r .encoded >"$out.tmp"
    mv "$out.tmp" "$out"
    echo "API key $name: created"
}
api_key flink-writer "$here/roles/flink-writer.json" "$flink_dir/es-api-key"
api_key search-api-reader "$here/roles/search-api-reader.json" "$api_dir/es-api-key"

# The search API keeps only SHA-256 hashes of its client tokens (lines name:role:sha256-hex,
# as `appliance api-key` prints them); the tokens stay in the volume for `docker compose exec`.
if [ ! -s "$api_dir/api-keys" ]; then
    : >"$api_dir/api-keys.tmp"
    for role in reader admin; do
        token="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
        printf '%s' "$token" >"$api_dir/demo-$role.token"
        printf 'demo-%s:%s:%s\n' "$role" "$role" \
            "$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)" >>"$api_dir/api-keys.tmp"
    done
    mv "$api_dir/api-keys.tmp" "$api_dir/api-keys"
    echo "Search API keys: created demo-reader and demo-admin"
fi

echo "Applying the index templates"
ES_USER=elastic ES_PASSWORD="$ELASTIC_PASSWORD" appliance setup
echo "Setup done"
