#!/usr/bin/env python3
"""The scan-throughput corpus: real code from packages the registries serve, fetched once into a
cache directory outside the repository and reused by later runs.

    python3 benches/corpus.py [--cache DIR] [--size quick|medium|full]

Sources (each unpacked into its own directory under DIR/corpus/):
- PyPI wheels (`pip download --no-deps --only-binary :all:`): Python, plus the YAML, shell and
  JSON that ship inside (Ansible collections); the sqlfluff sdist for its SQL test fixtures;
- npm tarballs (`npm pack`): JavaScript and TypeScript (sources and declaration files);
- Debian packages (`apt-get download` + `dpkg -x`): the Go standard library source, Go libraries
  (including HCL/Terraform test files), shell (bash-completion, debootstrap, initramfs-tools),
  SQL (PostgreSQL's extension scripts).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

PYPI_WHEELS = [
    "django", "sqlalchemy", "sympy", "ansible-core", "apache-airflow", "networkx",
    "openstacksdk", "pip", "setuptools", "boto3", "matplotlib",
    "checkov",
]
PYPI_SDISTS: list[str] = []
NPM = [
    "typescript", "rxjs", "three", "webpack", "eslint", "lodash", "@angular/core",
    "@angular/compiler", "cdktf", "@babel/core", "prettier",
]
DEBIAN = [
    "golang-1.19-src", "golang-github-hashicorp-hcl-v2-dev", "golang-github-hashicorp-hcl-dev",
    "golang-github-hashicorp-terraform-json-dev", "golang-github-spf13-cobra-dev",
    "bash-completion", "debootstrap", "initramfs-tools-core",
    "postgresql-15", "postgresql-15-postgis-3-scripts", "live-build",
]
QUICK = {"pypi": ["pip"], "sdist": [], "npm": ["lodash"], "debian": ["bash-completion"]}
# About a tenth of the full corpus, every language still in it: for a loaded machine.
MEDIUM = {
    "pypi": ["django", "ansible-core", "checkov"], "sdist": [],
    "npm": ["webpack", "cdktf", "@angular/core"],
    "debian": ["golang-github-hashicorp-hcl-v2-dev", "golang-github-hashicorp-terraform-json-dev",
               "golang-github-spf13-cobra-dev", "bash-completion", "debootstrap", "initramfs-tools-core",
               "postgresql-15", "live-build"],
}


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "blast-radius-bench"


def run(command: list[str], cwd: Path) -> bool:
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        print(f"  failed: {' '.join(command)}: {result.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
    return result.returncode == 0


def unpack(archive: Path, into: Path) -> None:
    into.mkdir(parents=True, exist_ok=True)
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as z:
            z.extractall(into)
    elif archive.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(archive) as t:
            t.extractall(into, filter="data")
    elif archive.suffix == ".deb":
        subprocess.run(["dpkg", "-x", str(archive), str(into)], check=True)


def fetch(cache: Path, size: str) -> Path:
    """Fetches what is missing; returns the corpus directory (`size`: quick, medium or full)."""
    corpus = cache / ("corpus" if size == "full" else f"corpus-{size}")
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    corpus.mkdir(parents=True, exist_ok=True)
    lists = {"quick": QUICK, "medium": MEDIUM}.get(size) or \
        {"pypi": PYPI_WHEELS, "sdist": PYPI_SDISTS, "npm": NPM, "debian": DEBIAN}
    jobs = [("pypi", p) for p in lists["pypi"]] + [("sdist", p) for p in lists["sdist"]] + \
           [("npm", p) for p in lists["npm"]] + [("debian", p) for p in lists["debian"]]
    for kind, package in jobs:
        target = corpus / f"{kind}-{package.replace('/', '_').replace('@', '')}"
        if target.exists():
            continue
        fetched = cache / "corpus" / target.name
        if size != "full" and fetched.is_dir():
            shutil.copytree(fetched, target, symlinks=True)
            continue
        where = downloads / target.name
        shutil.rmtree(where, ignore_errors=True)
        where.mkdir()
        print(f"  fetching {kind} {package}", file=sys.stderr)
        if kind == "pypi":
            ok = run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:",
                      "--python-version", "3.11", "--platform", "manylinux2014_x86_64", "-d", str(where), package], where)
        elif kind == "sdist":
            ok = run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                      "--no-build-isolation", "-d", str(where), package], where)
        elif kind == "npm":
            ok = run(["npm", "pack", "--silent", package], where)
        else:
            ok = run(["apt-get", "download", "-q", package], where)
        if not ok:
            continue
        staging = target.with_name(target.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        for archive in where.iterdir():
            unpack(archive, staging)
        staging.rename(target)
        shutil.rmtree(where, ignore_errors=True)
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--size", choices=["quick", "medium", "full"], default="full",
                        help="quick: three small packages; medium: ~1/10 of full; full: the default")
    args = parser.parse_args()
    print(fetch(args.cache, args.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
