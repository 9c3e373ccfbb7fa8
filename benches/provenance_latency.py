#!/usr/bin/env python3
"""What provenance costs the language server, in a repository with a long history.

Builds (once, cached) a git repository of 10,000 commits by several authors, some with AI
co-author trailers, whose `deploy.sh` has 10,000 lines and was changed in 300 of the commits.
Then, side by side in one run, starts `blast-radius server` with provenance on and off, opens the
file, and measures:
  - time to first diagnostics, and (provenance on) until the diagnostics carry provenance, i.e.
    the one-off HEAD read and whole-file blame done off the request path;
  - 1,000 single-character edits: didChange -> publishDiagnostics, median / p99 / max;
  - for comparison, `git blame --porcelain` of the same file with the git CLI.

    cargo build --release && python3 benches/provenance_latency.py [--edits 1000] [--cache DIR]
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

LINES = 10_000
COMMITS = 10_000
FILE_VERSIONS = 300
AUTHORS = [("Ann", "ann@example.com"), ("Bob", "bob@example.com"), ("Carol", "carol@example.com")]


def script_line(i: int, version: int) -> str:
    if i % 2000 == 1000:
        return f'rm -rf "$BUILD_{i}"/*'
    return f'echo "step {i} of deploy, revision {version if i % 97 == version % 97 else 0}"'


def build_repo(path: str) -> None:
    """A 10,000-commit history written with `git fast-import` (seconds instead of minutes)."""
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
    rng = random.Random(7)
    out = []
    mark = 0
    for n in range(COMMITS):
        name, email = AUTHORS[n % len(AUTHORS)]
        message = f"change {n}\n"
        if n % 10 == 3:
            message += "\nCo-authored-by: Claude <noreply@anthropic.com>\n"
        data = message.encode()
        out.append(f"commit refs/heads/main\nauthor {name} <{email}> {1700000000 + n * 60} +0000\n"
                   f"committer {name} <{email}> {1700000000 + n * 60} +0000\n"
                   f"data {len(data)}\n".encode() + data)
        if n % (COMMITS // FILE_VERSIONS) == 0:
            version = n // (COMMITS // FILE_VERSIONS)
            text = "#!/bin/sh\n" + "\n".join(script_line(i, version) for i in range(1, LINES)) + "\n"
            blob = text.encode()
            out.append(f"M 100644 inline deploy.sh\ndata {len(blob)}\n".encode() + blob + b"\n")
        other = f"value {rng.random()}\n".encode()
        out.append(f"M 100644 inline notes/{n % 50}.txt\ndata {len(other)}\n".encode() + other + b"\n")
        mark += 1
    stream = b"".join(out)
    subprocess.run(["git", "fast-import", "--quiet"], input=stream, cwd=path, check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=path, check=True)


class Server:
    def __init__(self, binary: str, options: dict):
        self.proc = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 1
        self.request("initialize", {"processId": None, "capabilities": {},
                                    "initializationOptions": {"blastRadius": options}})
        self.notify("initialized", {})

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self) -> dict:
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("server exited")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method: str, params: dict) -> dict:
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == ident and "method" not in message:
                return message

    def notify(self, method: str, params: dict) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_publish(self, accept) -> dict:
        while True:
            message = self.read()
            if "id" in message and "method" in message:
                # A request from the server (code lens refresh, registration): answer it.
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            if message.get("method") == "textDocument/publishDiagnostics" and accept(message["params"]):
                return message["params"]

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def has_provenance(params: dict) -> bool:
    return any("provenance:" in d["message"] for d in params["diagnostics"])


def measure(binary: str, repo: str, provenance: bool, edits: int) -> dict:
    path = os.path.join(repo, "deploy.sh")
    uri = "file://" + os.path.realpath(path)
    text = open(path).read()
    server = Server(binary, {"provenance": provenance})
    started = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "shellscript", "version": 1, "text": text}})
    server.wait_publish(lambda p: p["uri"] == uri)
    first = time.perf_counter() - started
    ready = first
    if provenance:
        server.wait_publish(lambda p: p["uri"] == uri and has_provenance(p))
        ready = time.perf_counter() - started
    rng = random.Random(11)
    lines = text.split("\n")
    samples = []
    for version in range(2, edits + 2):
        line = rng.randrange(LINES // 4, 3 * LINES // 4)
        column = rng.randrange(0, max(1, len(lines[line]) - 1))
        change = {"range": {"start": {"line": line, "character": column},
                            "end": {"line": line, "character": column}}, "text": "x"}
        lines[line] = lines[line][:column] + "x" + lines[line][column:]
        sent = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [change]})
        server.wait_publish(lambda p: p["uri"] == uri and p.get("version") == version)
        samples.append((time.perf_counter() - sent) * 1000)
    server.close()
    samples.sort()
    return {
        "first_ms": first * 1000,
        "ready_ms": ready * 1000,
        "median_ms": statistics.median(samples),
        "p99_ms": samples[int(len(samples) * 0.99) - 1],
        "max_ms": samples[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--cache", default=os.path.expanduser("~/.cache/blast-radius-bench/history"))
    parser.add_argument("--binary", default="target/release/blast-radius")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.cache, ".git")):
        os.makedirs(args.cache, exist_ok=True)
        began = time.perf_counter()
        build_repo(args.cache)
        print(f"built a {COMMITS}-commit repository in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    count = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=args.cache,
                           capture_output=True, text=True, check=True).stdout.strip()
    began = time.perf_counter()
    subprocess.run(["git", "blame", "--porcelain", "deploy.sh"], cwd=args.cache,
                   stdout=subprocess.DEVNULL, check=True)
    git_blame = (time.perf_counter() - began) * 1000
    off = measure(args.binary, args.cache, False, args.edits)
    on = measure(args.binary, args.cache, True, args.edits)
    print(f"repository: {count} commits, deploy.sh {LINES} lines changed in {FILE_VERSIONS} commits")
    print(f"git CLI blame --porcelain of the file: {git_blame:.0f} ms")
    print(f"{'':16} {'first diag':>10} {'provenance':>10} {'median':>8} {'p99':>8} {'max':>8}")
    for name, row in (("provenance off", off), ("provenance on", on)):
        print(f"{name:16} {row['first_ms']:8.0f}ms {row['ready_ms']:8.0f}ms "
              f"{row['median_ms']:6.2f}ms {row['p99_ms']:6.2f}ms {row['max_ms']:6.2f}ms")
    print(f"added per keystroke: median {on['median_ms'] - off['median_ms']:+.2f} ms, "
          f"p99 {on['p99_ms'] - off['p99_ms']:+.2f} ms")


if __name__ == "__main__":
    main()
