#!/usr/bin/env bash
# Fetches the false-positive study corpus (docs/false-positives.md): ordinary, well-known code
# from the package registries, unpacked under ${CORPUS:-/work/corpus} (outside the repository).
# Versions are pinned so a rerun reads the same files. Needs pip, npm and apt-get (as root).
#
#   bash benches/fp_corpus.sh            # fetch and unpack (idempotent: skips what is there)
#   cargo run --release -- check --format json /work/corpus/src > findings.json
set -euo pipefail

CORPUS=${CORPUS:-/work/corpus}
DL="$CORPUS/dl"
SRC="$CORPUS/src"
mkdir -p "$DL/pypi" "$DL/npm" "$DL/deb" "$SRC/pypi" "$SRC/npm" "$SRC/deb"

# Python (sdists where they carry tests and examples, else wheels).
PYPI=(
  django==5.1.4
  ansible-core==2.17.7
  boto3==1.35.90
  botocore==1.35.90
  salt==3007.1
  fabric==3.2.2
  invoke==2.2.0
)
# Wheels: their sdists need a compiled build step before pip can even download them.
PYPI_WHEELS=(
  checkov==3.2.350
)
# JavaScript / TypeScript.
NPM=(
  typescript@5.7.2
  webpack@5.97.1
  @aws-sdk/client-s3@3.716.0
  @aws-sdk/client-ec2@3.716.0
  @aws-sdk/client-rds@3.716.0
  aws-cdk-lib@2.173.2
  rimraf@6.0.1
  fs-extra@11.2.0
  shelljs@0.8.5
  npm@10.9.2
  @angular/cli@19.0.6
  next@15.1.3
)
# Debian: Go sources (/usr/share/gocode), shell scripts, Makefiles, YAML.
DEBS=(
  golang-github-hashicorp-terraform-json-dev
  golang-github-aws-aws-sdk-go-dev
  golang-github-prometheus-client-golang-dev
  golang-github-spf13-cobra-dev
  golang-github-docker-docker-dev
  golang-github-containers-storage-dev
  golang-github-hashicorp-go-getter-dev
  devscripts
  debhelper
  dkms
  initramfs-tools-core
  cloud-init
  linux-kbuild-6.1
  linux-headers-6.1.0-55-common
  git
  autoconf
  automake
  ansible
)

fetch_pypi() {
  local spec=$1 form=$2 name=${1%%==*}
  [ -e "$SRC/pypi/.$name.done" ] && return
  local dir="$DL/pypi/$name"
  mkdir -p "$dir"
  if [ "$form" = wheel ]; then
    pip download --quiet --no-deps --only-binary :all: -d "$dir" "$spec"
  else
    pip download --quiet --no-deps --no-binary :all: -d "$dir" "$spec"
  fi
  mkdir -p "$SRC/pypi/$name"
  for f in "$dir"/*; do
    case $f in
      *.whl | *.zip) unzip -q -o "$f" -d "$SRC/pypi/$name" ;;
      *.tar.gz) tar -xzf "$f" -C "$SRC/pypi/$name" ;;
    esac
  done
  touch "$SRC/pypi/.$name.done"
}

fetch_npm() {
  local spec=$1 name=${1%@*}
  local flat=${name//\//__}
  [ -e "$SRC/npm/.$flat.done" ] && return
  local tarball
  tarball=$(cd "$DL/npm" && npm pack --silent "$spec" | tail -n 1)
  mkdir -p "$SRC/npm/$flat"
  tar -xzf "$DL/npm/$tarball" -C "$SRC/npm/$flat"
  touch "$SRC/npm/.$flat.done"
}

fetch_deb() {
  local name=$1
  [ -e "$SRC/deb/.$name.done" ] && return
  (cd "$DL/deb" && apt-get download "$name" >/dev/null 2>&1) || {
    echo "skip deb $name (not in this release)" >&2
    return
  }
  mkdir -p "$SRC/deb/$name"
  for f in "$DL/deb/${name}"_*.deb; do dpkg-deb -x "$f" "$SRC/deb/$name"; done
  touch "$SRC/deb/.$name.done"
}

for p in "${PYPI[@]}"; do fetch_pypi "$p" sdist || echo "skip pypi $p" >&2; done
for p in "${PYPI_WHEELS[@]}"; do fetch_pypi "$p" wheel || echo "skip pypi $p" >&2; done
for p in "${NPM[@]}"; do fetch_npm "$p" || echo "skip npm $p" >&2; done
compgen -G '/var/lib/apt/lists/*Packages*' >/dev/null || apt-get update -qq
for p in "${DEBS[@]}"; do fetch_deb "$p"; done

# Versions actually unpacked, for the report.
{
  ls "$DL/pypi"/*/* | xargs -n1 basename
  ls "$DL/npm" | grep '\.tgz$'
  ls "$DL/deb" | grep '\.deb$'
} >"$CORPUS/versions.txt"
du -sh "$SRC" | tee "$CORPUS/size.txt"
