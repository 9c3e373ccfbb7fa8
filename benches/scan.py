#!/usr/bin/env python3
"""Scan throughput: `blast-radius check` against the parse-only lower bound, `ast-grep scan` and
`semgrep` on the same corpus of real code, side by side in one run, repeated; medians reported.

    python3 benches/scan.py [--quick] [--size full|medium] [--runs 3] [--semgrep-runs N] [--no-peers] [--cache DIR]

Needs the release binaries (`cargo build --release --bin blast-radius --example parse_only`);
`benches/run.py` builds them. The corpus is fetched by `benches/corpus.py`; the peers are
installed from PyPI (`semgrep`, `ast-grep-cli`) into a virtual environment in the cache
directory. Peak RSS is the largest resident size of one process of the tool (wait4 rusage) and,
for tools that run several processes (semgrep), the largest sum over the process tree, sampled
every 50 ms.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus as corpus_module  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
RELEASE = REPO / "target" / "release"


def ensure_peers(cache: Path) -> Path:
    venv = cache / "peers"
    if not (venv / "bin" / "semgrep").exists() or not (venv / "bin" / "ast-grep").exists():
        print("  installing semgrep and ast-grep-cli from PyPI", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "semgrep", "ast-grep-cli"], check=True)
    return venv / "bin"


def tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, in KB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Runs a command; wall time, peak RSS of its largest process and of its process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, tree_rss_kb(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    err = proc.stderr.read()
    reader.join()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_s": wall,
        "max_rss_mb": usage.ru_maxrss / 1024,
        "tree_rss_mb": max(peak_tree, usage.ru_maxrss) / 1024,
        "exit": proc.returncode,
        "stdout": b"".join(out_chunks),
        "stderr": err,
    }


# Our rules that the peers' ten rules approximate (benches/peers/): "blast-radius check (peer
# rules)" runs only these, so the comparison with the peers is also made on the same rule set.
PEER_RULES = ["recursive-delete-dynamic-path", "process-env-write", "orm-drop-all", "aws-ec2-terminate",
              "aws-sdk-delete", "tf-force-destroy", "git-force-push", "rm-recursive-unguarded",
              "gha-permissions-write-all"]


def peer_rules_config(cache: Path) -> Path:
    """A configuration that disables every built-in rule but PEER_RULES."""
    listed = subprocess.run([str(RELEASE / "blast-radius"), "rules", "--format", "json"], check=True,
                            capture_output=True).stdout
    ids = [rule["id"] for rule in json.loads(listed)]
    missing = [rule for rule in PEER_RULES if rule not in ids]
    if missing:
        raise SystemExit(f"benches/scan.py: PEER_RULES names unknown rules: {missing}")
    config = cache / "peer-rules.toml"
    config.write_text("disable = [\n" + "".join(f'  "{i}",\n' for i in ids if i not in PEER_RULES) + "]\n")
    return config


def tools(corpus: Path, bin_dir: Path | None) -> dict:
    """name -> (command, cwd, env, count of findings from stdout)."""
    semgrep_env = dict(os.environ)
    cache = corpus.parent
    semgrep_env["SEMGREP_SETTINGS_FILE"] = str(cache / "semgrep-settings.yml")
    semgrep_env["SEMGREP_LOG_FILE"] = str(cache / "semgrep.log")
    semgrep_env["SEMGREP_ENABLE_VERSION_CHECK"] = "0"
    semgrep_env["SEMGREP_SEND_METRICS"] = "off"
    # semgrep skips tests/, vendor/, node_modules/ ... unless the project has its own ignore file;
    # an empty one makes it scan what the others scan.
    (corpus / ".semgrepignore").write_text("")
    cores = str(os.cpu_count() or 1)
    table = {
        "blast-radius check": ([str(RELEASE / "blast-radius"), "check", "--format", "json", "."], corpus, None,
                               lambda out: len(json.loads(out)["findings"])),
        "parse only": ([str(RELEASE / "examples" / "parse_only"), "."], corpus, None,
                       lambda out: 0),
        "blast-radius check (peer rules)": (
            [str(RELEASE / "blast-radius"), "check", "--format", "json", "--config", str(peer_rules_config(cache)),
             "."], corpus, None, lambda out: len(json.loads(out)["findings"])),
    }
    if bin_dir is not None:
        table["ast-grep scan"] = (
            [str(bin_dir / "ast-grep"), "scan", "-c", str(REPO / "benches" / "peers" / "ast-grep" / "sgconfig.yml"),
             "--json=compact", "."], corpus, None, lambda out: len(json.loads(out)))
        table["semgrep"] = (
            [str(bin_dir / "semgrep"), "scan", "--metrics=off", "--disable-version-check", "--quiet", "--json",
             "-j", cores, "--max-target-bytes", str(2 * 1024 * 1024),
             "--config", str(REPO / "benches" / "peers" / "semgrep" / "rules.yml"), "."],
            corpus, semgrep_env, lambda out: len(json.loads(out)["results"]))
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=corpus_module.default_cache())
    parser.add_argument("--quick", action="store_true", help="tiny corpus, one run, no peers")
    parser.add_argument("--size", choices=["quick", "medium", "full"], default="full",
                        help="corpus size (see benches/corpus.py)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--semgrep-runs", type=int, default=None,
                        help="runs of semgrep (default: --runs); it is by far the slowest")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.no_peers, args.size = 1, True, "quick"
    corpus = corpus_module.fetch(args.cache, args.size)
    bin_dir = None if args.no_peers else ensure_peers(args.cache)
    table = tools(corpus, bin_dir)
    semgrep_runs = args.runs if args.semgrep_runs is None else args.semgrep_runs
    samples: dict[str, list[dict]] = {name: [] for name in table}
    size = None
    for run in range(args.runs):
        for name, (command, cwd, env, count) in table.items():
            if name == "semgrep" and run >= semgrep_runs:
                continue
            result = measure(command, cwd, env)
            if name == "parse only":
                size = json.loads(result["stdout"])
            ok = result["exit"] in (0, 1)
            result["findings"] = count(result["stdout"]) if ok and result["stdout"] else None
            if not ok:
                print(f"  {name} exited {result['exit']}: {result['stderr'][-500:].decode(errors='replace')}",
                      file=sys.stderr)
            del result["stdout"], result["stderr"]
            samples[name].append(result)
            print(f"  run {run + 1}: {name}: {result['wall_s']:.2f}s, {result['tree_rss_mb']:.0f} MB, "
                  f"{result['findings']} findings", file=sys.stderr)
    files, megabytes = size["files_parsed"], size["bytes_parsed"] / 1e6
    def ratio(runs: list[dict], reference: str) -> float:
        """Median over the runs of the wall time against the reference's in the same round."""
        return statistics.median(r["wall_s"] / samples[reference][i]["wall_s"] for i, r in enumerate(runs))

    rows = []
    for name, runs in samples.items():
        if not runs:
            continue
        wall = statistics.median(r["wall_s"] for r in runs)
        rows.append({
            "tool": name, "runs": len(runs), "wall_s": wall, "files_per_s": files / wall, "mb_per_s": megabytes / wall,
            "max_rss_mb": max(r["max_rss_mb"] for r in runs), "tree_rss_mb": max(r["tree_rss_mb"] for r in runs),
            "vs_parse_only": ratio(runs, "parse only"), "vs_ours": ratio(runs, "blast-radius check"), "findings": runs[0]["findings"],
            "all_walls": [round(r["wall_s"], 2) for r in runs],
        })
    print(f"corpus: {corpus} — {files} files, {megabytes:.0f} MB parsed by the languages blast-radius reads; "
          f"{os.cpu_count()} cores")
    print("Ratios are medians of per-round ratios (each tool against the others of the same round).")
    print(f"| tool | runs | wall (median) | files/s | MB/s | peak RSS (largest process / tree) | "
          f"× parse-only | × ours | findings |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['tool']} | {r['runs']} | {r['wall_s']:.2f} s | {r['files_per_s']:.0f} | {r['mb_per_s']:.2f} | "
              f"{r['max_rss_mb']:.0f} / {r['tree_rss_mb']:.0f} MB | {r['vs_parse_only']:.2f} | {r['vs_ours']:.2f} | "
              f"{r['findings']} |")
    if args.json:
        args.json.write_text(json.dumps({"corpus_files": files, "corpus_mb": megabytes, "cores": os.cpu_count(),
                                         "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
