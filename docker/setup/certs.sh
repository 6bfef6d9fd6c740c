#!/usr/bin/env bash
# Creates the stack's private CA and the Elasticsearch node certificate (once; kept in the
# `certs` volume). Runs as root in the Elasticsearch image, which has elasticsearch-certutil.
# Every container may read the CA certificate; only Elasticsearch (group 0) reads its key.
set -euo pipefail
cd /usr/share/elasticsearch
certs=config/certs

if [ ! -f "$certs/ca/ca.crt" ]; then
    echo "Creating the CA"
    bin/elasticsearch-certutil ca --silent --pem --days 3650 -out "$certs/ca.zip"
    unzip -q -o "$certs/ca.zip" -d "$certs"
    rm "$certs/ca.zip"
fi

if [ ! -f "$certs/elasticsearch/elasticsearch.crt" ]; then
    echo "Creating the certificate of elasticsearch"
    # The names the other containers (elasticsearch) and the host (localhost) use.
    cat >"$certs/instances.yml" <<'YAML'
instances:
  - name: elasticsearch
    dns: [elasticsearch, localhost]
    ip: [127.0.0.1]
YAML
    bin/elasticsearch-certutil cert --silent --pem --days 3650 -out "$certs/certs.zip" \
        --in "$certs/instances.yml" --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key"
    unzip -q -o "$certs/certs.zip" -d "$certs"
    rm "$certs/certs.zip"
fi

chown -R root:root "$certs"
find "$certs" -type d -exec chmod 755 {} +
find "$certs" -type f -exec chmod 644 {} +
chmod 640 "$certs/elasticsearch/elasticsearch.key"
chmod 600 "$certs/ca/ca.key"
echo "Certificates ready in the certs volume"
