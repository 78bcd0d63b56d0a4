#!/usr/bin/env bash
# Builds the five images from the exec jars (docs/operations.md). Needs a Docker engine (or any builder that reads
# Dockerfiles, e.g. `BUILDER=podman`) and a registry that serves the pinned base image.
#
#   deploy/docker/build-images.sh                          # tags shop/<service>:<git short sha>
#   REGISTRY=registry.example.com/shop PUSH=1 deploy/docker/build-images.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

registry="${REGISTRY:-shop}"
tag="${TAG:-$(git rev-parse --short HEAD)}"
builder="${BUILDER:-docker}"

# service:port, the port each application listens on (README, "Ports and configuration")
services=(payment-service:8081 order-service:8082 settlement-service:8083 admin-service:8084 toss-sandbox:8090)

if [ "${SKIP_MAVEN:-0}" != 1 ]; then
  ./mvnw -B -ntp -DskipTests clean package
fi

for entry in "${services[@]}"; do
  service="${entry%%:*}"
  port="${entry##*:}"
  image="$registry/$service:$tag"
  echo "Building $image"
  "$builder" build -f deploy/docker/Dockerfile --build-arg "SERVICE=$service" --build-arg "PORT=$port" -t "$image" .
  if [ "${PUSH:-0}" = 1 ]; then
    "$builder" push "$image"
  fi
done
