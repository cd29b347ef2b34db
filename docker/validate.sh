#!/usr/bin/env bash
# Validates docker/ without a Docker engine: the Dockerfile with hadolint, compose.yaml against the Compose
# Specification's JSON schema (check-jsonschema's vendored copy), and, where the Compose v1 binary from Debian is
# installed, its own `docker-compose config` (interpolation, anchors, dependencies) on the file without the top-level
# `name`, the one key of the specification it predates. Tools: HADOLINT, CHECK_JSONSCHEMA and DOCKER_COMPOSE name
# them, else they are looked up on the PATH.
set -euo pipefail
cd "$(dirname "$0")"

hadolint="${HADOLINT:-hadolint}"
check_jsonschema="${CHECK_JSONSCHEMA:-check-jsonschema}"
docker_compose="${DOCKER_COMPOSE:-docker-compose}"

"$hadolint" Dockerfile
echo "Dockerfile: hadolint found nothing"

"$check_jsonschema" --builtin-schema vendor.compose-spec compose.yaml

if command -v "$docker_compose" >/dev/null; then
  without_name="$(mktemp)"
  trap 'rm -f "$without_name"' EXIT
  sed '/^name:/d' compose.yaml >"$without_name"
  "$docker_compose" --project-directory . -f "$without_name" --env-file .env.example config --quiet
  echo "compose.yaml: $("$docker_compose" version --short) accepts it"
else
  echo "compose.yaml: $docker_compose is not installed; checked against the schema only"
fi
