#!/usr/bin/env bash
# Validates docker/ without a Docker engine: the Dockerfile with hadolint, compose.yaml against the Compose
# Specification's JSON schema (check-jsonschema's vendored copy), and, where the Compose v1 binary from Debian is
# installed, its own `docker-compose config` (interpolation, anchors, dependencies) on the file without the top-level
# `name`, the one key of the specification it predates; and, where Debian's nginx is installed, the proxy's
# nginx.conf with `nginx -t`. Tools: HADOLINT, CHECK_JSONSCHEMA, DOCKER_COMPOSE and NGINX name them, else they are
# looked up on the PATH.
set -euo pipefail
cd "$(dirname "$0")"

hadolint="${HADOLINT:-hadolint}"
check_jsonschema="${CHECK_JSONSCHEMA:-check-jsonschema}"
docker_compose="${DOCKER_COMPOSE:-docker-compose}"
nginx="${NGINX:-nginx}"

"$hadolint" Dockerfile
echo "Dockerfile: hadolint found nothing"

"$check_jsonschema" --builtin-schema vendor.compose-spec compose.yaml

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

if command -v "$docker_compose" >/dev/null; then
  without_name="$scratch/compose.yaml"
  sed '/^name:/d' compose.yaml >"$without_name"
  "$docker_compose" --project-directory . -f "$without_name" --env-file .env.example config --quiet
  echo "compose.yaml: $("$docker_compose" version --short) accepts it"
else
  echo "compose.yaml: $docker_compose is not installed; checked against the schema only"
fi

if command -v "$nginx" >/dev/null; then
  # Offline: the replicas' name stands for a local address (nothing resolves "api" here), and Debian's nginx (1.22)
  # predates the `resolve` parameter of an upstream server (1.27.3), which the image's nginx has.
  mkdir "$scratch/nginx"
  sed -e 's/server api:3000 resolve /server 127.0.0.1:3000 /' nginx.conf >"$scratch/nginx/nginx.conf"
  grep -q 'server 127.0.0.1:3000 ' "$scratch/nginx/nginx.conf"
  "$nginx" -t -q -e stderr -p "$scratch/nginx" -c "$scratch/nginx/nginx.conf"
  echo "nginx.conf: $("$nginx" -v 2>&1) accepts it"
  # And in use, in front of a stand-in for the API (needs the project's packages: `npm install` first).
  if [ -d ../node_modules ]; then
    (cd .. && node -r ./tools/register.js tools/check-proxy.ts "$(command -v "$nginx")")
  fi
else
  echo "nginx.conf: $nginx is not installed; not checked"
fi
