#!/usr/bin/env python3
"""Keystroke latency of the language server, measured through its stdio like an editor.

For each language: generate a 10,000-line document with a few findings, open it, then send
single-character edits at realistic positions (typing inside a line in the middle of the file) and
time each `didChange` until the `publishDiagnostics` of that version arrives. Also times the first
diagnostics after `didOpen`. Prints median, p99 and max per language.

    cargo build --release && python3 benches/lsp_latency.py [--edits 1000] [--binary PATH]
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


def generate(language: str, rng: random.Random) -> tuple[str, str, str]:
    """(uri, languageId, text) of a realistic 10,000-line document: shell functions, Python classes
    with methods, a flat SQL migration, Terraform resource blocks; a finding every ~2,000 lines."""
    lines: list[str] = []
    i = 0
    while len(lines) < LINES:
        i += 1
        risky = i % 200 == 100
        if language == "bash":
            lines += [
                f"deploy_{i}() {{",
                f'  local target="$STAGING/{i}"',
                f'  if [ -f "config/{i}.yaml" ]; then',
                f'    cp "config/{i}.yaml" "$target/" && echo "step {i}"',
                "  fi",
                f'  rm -rf "$BUILD_{i}"/*' if risky else rng.choice([f"  kubectl get pods -n app-{i}", f"  curl -fsS https://api/{i}"]),
                "}",
                "",
            ]
        elif language == "python":
            if i == 1:
                lines += ["import shutil", ""]
            lines += [
                f"class Handler{i}:",
                "    def run(self, event):",
                f"        value = compute({i}, name='item-{i}')",
                f"        shutil.rmtree(event.path_{i})" if risky else "        self.store(value)",
                "        return value",
                "",
            ]
        elif language == "sql":
            lines.append(f"DROP TABLE legacy_{i};" if risky else rng.choice([
                f"UPDATE accounts SET balance = balance + 1 WHERE id = {i};",
                f"INSERT INTO events (id, kind) VALUES ({i}, 'deploy');",
            ]))
        elif language == "hcl":
            lines += [
                f'resource "aws_s3_bucket" "b{i}" {{',
                f'  bucket        = "acme-{i}"',
                f"  force_destroy = {'true' if risky else 'false'}",
                "  tags = {",
                '    team = "data"',
                "  }",
                "}",
                "",
            ]
    text = "\n".join(lines[:LINES]) + "\n"
    names = {"bash": ("deploy.sh", "shellscript"), "python": ("jobs.py", "python"),
             "sql": ("migration.sql", "sql"), "hcl": ("main.tf", "terraform")}
    name, language_id = names[language]
    return f"file:///bench/{name}", language_id, text


class Server:
    def __init__(self, binary: str):
        self.proc = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 1

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self) -> dict:
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("server closed stdout")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method: str, params) -> dict:
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            msg = self.read()
            if msg.get("id") == rid and "method" not in msg:
                return msg

    def wait_diagnostics(self, uri: str, version: int) -> dict:
        while True:
            msg = self.read()
            if msg.get("method") == "textDocument/publishDiagnostics":
                p = msg["params"]
                if p["uri"] == uri and p.get("version") == version:
                    return p

    def close(self) -> None:
        self.request("shutdown", None)
        self.send({"jsonrpc": "2.0", "method": "exit"})
        self.proc.wait(timeout=10)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run_language(binary: str, language: str, edits: int, seed: int, typing: str) -> dict:
    rng = random.Random(seed)
    uri, language_id, text = generate(language, rng)
    server = Server(binary)
    server.request("initialize", {"processId": None, "capabilities": {"general": {"positionEncodings": ["utf-16"]}}})
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    start = time.perf_counter()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}}})
    first = server.wait_diagnostics(uri, 1)
    open_ms = (time.perf_counter() - start) * 1000
    lines = text.split("\n")
    latencies = []
    version = 1
    # Type into a line in the middle of the file, then move on, like an editor session.
    line = LINES // 2
    column = len(lines[line])
    for n in range(edits):
        if n % 25 == 0:
            line = rng.randrange(10, LINES - 10)
            column = len(lines[line])
        version += 1
        if typing == "adversarial":
            # Unpaired quotes and `$`: the parse breaks until the line is fixed.
            char = rng.choice("abcdefghijklmnopqrstuvwxyz _-=\"$")
        else:
            # What an editor sends while a person types code: identifier characters and
            # punctuation, quotes and brackets inserted as auto-closed pairs.
            char = rng.choice(["a", "e", "i", "n", "r", "s", "t", "x", "_", " ", "1", ".", "\"\"", "()", "[]"])
        change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column}},
                  "text": char}
        lines[line] = lines[line][:column] + char + lines[line][column:]
        column += 1  # after a single character, or inside an auto-closed pair
        t0 = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        server.wait_diagnostics(uri, version)
        latencies.append((time.perf_counter() - t0) * 1000)
    server.close()
    return {
        "language": language,
        "bytes": len(text.encode()),
        "findings_on_open": len(first["diagnostics"]),
        "open_ms": open_ms,
        "median_ms": statistics.median(latencies),
        "p99_ms": percentile(latencies, 99),
        "max_ms": max(latencies),
        "edits": edits,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "blast-radius"))
    parser.add_argument("--languages", default="bash,python,sql,hcl")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--typing", choices=["code", "adversarial"], default="code",
                        help="code: identifier characters and auto-closed pairs (default); "
                             "adversarial: unpaired quotes and $ that break the parse")
    args = parser.parse_args()
    results = [run_language(args.binary, lang, args.edits, 7, args.typing) for lang in args.languages.split(",")]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"typing: {args.typing}")
    print(f"{'language':<8} {'size':>8} {'open ms':>8} {'median ms':>10} {'p99 ms':>8} {'max ms':>8}  edits")
    for r in results:
        print(f"{r['language']:<8} {r['bytes'] / 1024:>6.0f}KB {r['open_ms']:>8.1f} {r['median_ms']:>10.2f} "
              f"{r['p99_ms']:>8.2f} {r['max_ms']:>8.2f}  {r['edits']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
