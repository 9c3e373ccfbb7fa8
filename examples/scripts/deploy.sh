#!/usr/bin/env bash
# Deploys the web tier: builds, uploads the release, rotates the old one out.
set -euo pipefail

RELEASE_DIR="/srv/app/releases"
STAGING_DIR="$(mktemp -d)"
BUCKET="s3://acme-web-releases"

echo "Building release $(git rev-parse --short HEAD)"
npm ci && npm run build
cp -r dist/. "$STAGING_DIR/"

# Make room for the new release.
rm -rf "$RELEASE_DIR/$OLD_RELEASE"/*

aws s3 sync "$STAGING_DIR" "$BUCKET/current" --delete
aws s3 rm "$BUCKET/previous" --recursive

# Bring the infrastructure in line with main.
cd infra && terraform apply -auto-approve && cd -

git push --force origin HEAD:release
kubectl delete namespace preview-"$PR_NUMBER"

# blast-radius: ignore rm-recursive-unguarded -- STAGING_DIR comes from mktemp -d above
rm -rf "$STAGING_DIR"
echo "done"
