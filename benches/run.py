#!/usr/bin/env python3
"""All benchmarks in one command (BENCHMARKS.md describes the method and holds the figures).

    python3 benches/run.py            # full: ~1 hour on 2 cores, fetches ~1 GB once into the cache
    python3 benches/run.py --quick    # smoke run: seconds, a tiny corpus, no peers

1. builds the release binary and the parse-only lower bound
   (`cargo build --release --bin blast-radius --example parse_only`);
2. keystroke latency and open time per language, and server memory with 1/100/500 open
   documents (`benches/lsp_latency.py`);
3. scan throughput: ours vs parse-only vs ast-grep vs semgrep, side by side, medians of
   `--runs` (`benches/scan.py`).

The cache (corpus, peers) is `$XDG_CACHE_HOME/blast-radius-bench` or `~/.cache/blast-radius-bench`,
outside the repository; `--cache` moves it.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402


def step(title: str, command: list[str]) -> None:
    print(f"\n== {title}", flush=True)
    subprocess.run(command, cwd=HERE.parent, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: seconds, tiny corpus, no peers")
    parser.add_argument("--cache", type=Path, default=corpus.default_cache())
    parser.add_argument("--runs", type=int, default=3, help="scan runs per tool (medians reported)")
    parser.add_argument("--semgrep-runs", type=int, default=None)
    parser.add_argument("--size", choices=["medium", "full"], default="full", help="scan corpus size")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--skip-scan", action="store_true")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}")
    step("build", ["cargo", "build", "--release", "--quiet", "--bin", "blast-radius", "--example", "parse_only"])
    if not args.skip_latency:
        latency = [sys.executable, str(HERE / "lsp_latency.py")]
        if args.quick:
            latency += ["--edits", "20", "--memory", "1,12"]
        step("keystroke latency, open time, memory", latency)
    if not args.skip_scan:
        scan = [sys.executable, str(HERE / "scan.py"), "--cache", str(args.cache), "--runs", str(args.runs),
                "--size", args.size]
        if args.semgrep_runs is not None:
            scan += ["--semgrep-runs", str(args.semgrep_runs)]
        if args.quick:
            scan.append("--quick")
        step("scan throughput", scan)
    return 0


if __name__ == "__main__":
    sys.exit(main())
