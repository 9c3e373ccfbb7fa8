#!/usr/bin/env python3
"""Keystroke latency of the language server, measured through its stdio like an editor.

For each language: generate a 10,000-line document with a few findings, open it, then send
single-character edits at realistic positions (by default, new statements typed after existing
ones throughout the file; see --typing) and time each `didChange` until the `publishDiagnostics`
of that version arrives. Also times the first
diagnostics after `didOpen`. Prints median, p99 and max per language.

    cargo build --release && python3 benches/lsp_latency.py [--edits 1000] [--binary PATH]
        [--languages bash,python,...] [--memory 1,100,500] [--json]

Then, in a fresh server, opens 1, 100 and 500 of these documents (the languages in turn) and
reads the server's resident memory (VmRSS) once each document's diagnostics have arrived.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

LINES = 10_000


NAMES = {
    "bash": ("deploy.sh", "shellscript"), "python": ("jobs.py", "python"), "sql": ("migration.sql", "sql"),
    "hcl": ("main.tf", "terraform"), "javascript": ("handlers.js", "javascript"),
    "typescript": ("service.ts", "typescript"), "tsx": ("Panel.tsx", "typescriptreact"), "go": ("jobs.go", "go"),
    "rust": ("jobs.rs", "rust"), "yaml": ("cluster.yaml", "yaml"), "json": ("policy.json", "json"),
    "dockerfile": ("Dockerfile", "dockerfile"),
}
LANGUAGES = list(NAMES)


def block(language: str, i: int, risky: bool, rng: random.Random) -> list[str]:
    """One unit of realistic code (a function, a class, a resource, a statement); `risky` units
    hold a finding."""
    if language == "bash":
        return [
            f"deploy_{i}() {{",
            f'  local target="$STAGING/{i}"',
            f'  if [ -f "config/{i}.yaml" ]; then',
            f'    cp "config/{i}.yaml" "$target/" && echo "step {i}"',
            "  fi",
            f'  rm -rf "$BUILD_{i}"/*' if risky else rng.choice([f"  kubectl get pods -n app-{i}", f"  curl -fsS https://api/{i}"]),
            "}",
            "",
        ]
    if language == "python":
        return [
            f"class Handler{i}:",
            "    def run(self, event):",
            f"        value = compute({i}, name='item-{i}')",
            f"        shutil.rmtree(event.path_{i})" if risky else "        self.store(value)",
            "        return value",
            "",
        ]
    if language == "sql":
        return [f"DROP TABLE legacy_{i};" if risky else rng.choice([
            f"UPDATE accounts SET balance = balance + 1 WHERE id = {i};",
            f"INSERT INTO events (id, kind) VALUES ({i}, 'deploy');",
        ])]
    if language == "hcl":
        return [
            f'resource "aws_s3_bucket" "b{i}" {{',
            f'  bucket        = "acme-{i}"',
            f"  force_destroy = {'true' if risky else 'false'}",
            "  tags = {",
            '    team = "data"',
            "  }",
            "}",
            "",
        ]
    if language in ("javascript", "typescript", "tsx"):
        typed = language != "javascript"
        arg = "event: Event" if typed else "event"
        lines = [
            f"export async function handle{i}({arg}) {{",
            f"  const key = `jobs/${{event.id}}/{i}`;",
            f"  const result = await store.get(key, {{ retries: {i % 5} }});",
            f"  fs.rmSync(event.workdir_{i}, {{ recursive: true, force: true }});" if risky
            else "  logger.info('handled', { key, size: result.length });",
            "  return result;",
            "}",
            "",
        ]
        if language == "tsx":
            lines[-2:-2] = [f"export const Row{i} = () => <li className=\"row\">{{'item {i}'}}</li>;"]
        return lines
    if language == "go":
        return [
            f"func handle{i}(ctx context.Context, event *Event) error {{",
            f'\tkey := fmt.Sprintf("jobs/%s/{i}", event.ID)',
            "\tif err := store.Put(ctx, key, event.Body); err != nil {",
            "\t\treturn err",
            "\t}",
            f"\tos.RemoveAll(event.Workdir{i})" if risky else "\tlog.Printf(\"stored %s\", key)",
            "\treturn nil",
            "}",
            "",
        ]
    if language == "rust":
        return [
            f"pub fn handle_{i}(event: &Event) -> std::io::Result<()> {{",
            f'    let key = format!("jobs/{{}}/{i}", event.id);',
            "    store::put(&key, &event.body)?;",
            f"    std::fs::remove_dir_all(&event.workdir_{i})?;" if risky else '    log::info!("stored {key}");',
            "    Ok(())",
            "}",
            "",
        ]
    if language == "yaml":
        return [
            "---",
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            f"  name: worker-{i}",
            "spec:",
            "  template:",
            "    spec:",
            "      containers:",
            f"        - name: worker-{i}",
            f"          image: registry.example/worker:{i}",
            "          securityContext:",
            f"            privileged: {'true' if risky else 'false'}",
        ]
    if language == "json":
        return [
            "    {",
            '      "Effect": "Allow",',
            f'      "Action": ["s3:GetObject", "s3:PutObject"],',
            f'      "Resource": "{"*" if risky else f"arn:aws:s3:::acme-{i}/*"}"',
            "    },",
        ]
    if language == "dockerfile":
        return [
            f"RUN apt-get install -y package-{i} && rm -rf /var/lib/apt/lists/*",
            f"ENV STEP_{i}=done",
            "USER root" if risky else f"COPY files/{i} /opt/app/{i}",
        ]
    raise ValueError(language)


# What editors insert for an opening bracket or quote (VS Code's autoClosingBrackets and
# autoClosingQuotes, on by default), and the characters they type over when they come next.
PAIRS = {"(": ")", "[": "]", "{": "}", '"': '"', "'": "'", "`": "`"}
CLOSERS = set(PAIRS.values())


def is_statement(language: str, line: str) -> bool:
    """Whether `line` of a generated document is a whole statement, which may be written again
    after itself (nothing it opens or closes)."""
    code = line.strip()
    if not code or code.endswith(("{", "}", "(", "[", ":")) or code in ("fi", "---", "]", ")"):
        return False
    if language in ("javascript", "typescript", "tsx", "rust", "sql"):
        return code.endswith(";")
    if language == "json":
        return code.endswith(",") and ":" in code
    if language == "yaml":
        return ": " in code and not code.startswith("-")
    if language == "bash":
        return not code.endswith("then")
    if language == "dockerfile":
        return not code.startswith("FROM")
    return True


def generate(language: str, rng: random.Random) -> tuple[str, str, str]:
    """(uri, languageId, text) of a realistic 10,000-line document of the language, with a
    finding every ~1,000-2,000 lines."""
    lines: list[str] = []
    if language == "python":
        lines += ["import shutil", ""]
    elif language in ("javascript", "typescript", "tsx"):
        lines += ["import fs from 'node:fs';", ""]
    elif language == "go":
        lines += ["package jobs", "", 'import "os"', ""]
    elif language == "json":
        lines += ["{", '  "Version": "2012-10-17",', '  "Statement": [']
    elif language == "dockerfile":
        lines += ["FROM debian:bookworm"]
    i = 0
    tail = ['    {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}', "  ]", "}"] \
        if language == "json" else []
    while len(lines) < LINES - len(tail):
        i += 1
        lines += block(language, i, i % 200 == 100, rng)
    text = "\n".join(lines[:LINES - len(tail)] + tail) + "\n"
    name, language_id = NAMES[language]
    return f"file:///bench/{name}", language_id, text


class Server:
    def __init__(self, binary: str):
        # The server's log goes to a file, so a crash can be diagnosed.
        self.log = tempfile.NamedTemporaryFile(prefix="blast-radius-server-", suffix=".log", delete=False)
        self.proc = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log)
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
                code = self.proc.wait(timeout=10)
                raise RuntimeError(f"server closed stdout (exit {code}); its log: {self.log.name}")
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

    def close(self) -> float:
        self.request("shutdown", None)
        self.send({"jsonrpc": "2.0", "method": "exit"})
        start = time.perf_counter()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            print("  the server did not exit within 60 s of `exit`; killed", file=sys.stderr)
        return time.perf_counter() - start


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def committed(directory: str, name: str, text: str) -> str:
    """Writes the document into a fresh git repository and commits it; returns its file URI."""
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(text)
    env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="Ann", GIT_AUTHOR_EMAIL="ann@example.com",
               GIT_COMMITTER_NAME="Ann", GIT_COMMITTER_EMAIL="ann@example.com")
    for command in (["git", "init", "-q"], ["git", "add", name], ["git", "commit", "-qm", "initial"]):
        subprocess.run(command, cwd=directory, env=env, check=True)
    return "file://" + path


def run_language(binary: str, language: str, edits: int, seed: int, typing: str, git: bool = False) -> dict:
    rng = random.Random(seed)
    uri, language_id, text = generate(language, rng)
    workdir = tempfile.mkdtemp(prefix="blast-radius-latency-") if git else None
    if workdir:
        uri = committed(workdir, NAMES[language][0], text)
    server = Server(binary)
    init = {"processId": None, "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}
    if workdir:
        init["rootUri"] = "file://" + workdir
        init["workspaceFolders"] = [{"uri": "file://" + workdir, "name": "bench"}]
    server.request("initialize", init)
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    start = time.perf_counter()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}}})
    first = server.wait_diagnostics(uri, 1)
    open_ms = (time.perf_counter() - start) * 1000
    if workdir:
        # The HEAD version and its blame are read off the request path after the first
        # diagnostics; let that finish so every keystroke below runs the diff rules and provenance.
        time.sleep(2)
    lines = text.split("\n")
    latencies = []
    version = 1

    def send(line: int, column: int, inserted: str) -> None:
        nonlocal version
        version += 1
        change = {"range": {"start": {"line": line, "character": column},
                            "end": {"line": line, "character": column}}, "text": inserted}
        t0 = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        server.wait_diagnostics(uri, version)
        latencies.append((time.perf_counter() - t0) * 1000)

    if typing == "lines":
        # A person writing code: after a complete statement somewhere in the file, Enter (with
        # the line's indentation, as editors insert it), then a new statement like it, one
        # character at a time, brackets and quotes auto-closed as editors do. The document
        # parses again once each line is finished.
        statements = [n for n in range(10, LINES - 10) if is_statement(language, lines[n])]
        while len(latencies) < edits:
            line = rng.choice(statements)
            typed = lines[line]
            indent = typed[:len(typed) - len(typed.lstrip())]
            send(line, len(lines[line]), "\n" + indent)
            lines[line + 1:line + 1] = [indent]
            statements = [n + 1 if n > line else n for n in statements]
            column = len(indent)
            for char in typed[len(indent):]:
                if len(latencies) >= edits:
                    break
                current = lines[line + 1]
                if current[column:column + 1] == char and char in CLOSERS:
                    # Typed over the closing half of an auto-closed pair: the editor only moves
                    # the cursor.
                    column += 1
                    continue
                inserted = char + PAIRS.get(char, "")
                send(line + 1, column, inserted)
                lines[line + 1] = current[:column] + inserted + current[column:]
                column += 1
    else:
        # Characters appended to lines here and there, never finished: the errors pile up.
        line = LINES // 2
        column = len(lines[line])
        for n in range(edits):
            if n % 25 == 0:
                line = rng.randrange(10, LINES - 10)
                column = len(lines[line])
            if typing == "adversarial":
                # Unpaired quotes and `$`: the parse breaks until the line is fixed.
                char = rng.choice("abcdefghijklmnopqrstuvwxyz _-=\"$")
            else:
                # Identifier characters and punctuation, quotes and brackets inserted as
                # auto-closed pairs.
                char = rng.choice(["a", "e", "i", "n", "r", "s", "t", "x", "_", " ", "1", ".", "\"\"", "()", "[]"])
            send(line, column, char)
            lines[line] = lines[line][:column] + char + lines[line][column:]
            column += 1  # after a single character, or inside an auto-closed pair
    server.close()
    if workdir:
        shutil.rmtree(workdir)
    if not os.environ.get("BLAST_RADIUS_LOG"):
        os.unlink(server.log.name)
    print(f"  {language}: open {open_ms:.0f} ms, median {statistics.median(latencies):.2f} ms", file=sys.stderr)
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


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def memory(binary: str, counts: list[int], seed: int) -> list[dict]:
    """Resident memory of one server with N open 10,000-line documents (the languages in turn),
    measured once the diagnostics of every document have arrived."""
    rng = random.Random(seed)
    texts = [generate(language, rng) for language in LANGUAGES]
    server = Server(binary)
    server.request("initialize", {"processId": None, "capabilities": {}})
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    baseline = rss_mb(server.proc.pid)
    results = []
    opened = 0
    for count in sorted(counts):
        while opened < count:
            uri, language_id, text = texts[opened % len(texts)]
            uri = uri.replace("/bench/", f"/bench/{opened}/")
            server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                         "params": {"textDocument": {"uri": uri, "languageId": language_id, "version": 1,
                                                     "text": text}}})
            server.wait_diagnostics(uri, 1)
            opened += 1
        rss = rss_mb(server.proc.pid)
        print(f"  {count} open documents: {rss_mb(server.proc.pid):.0f} MB", file=sys.stderr)
        results.append({"documents": count, "rss_mb": rss, "per_document_mb": (rss - baseline) / count,
                        "baseline_mb": baseline})
    exit_s = server.close()
    os.unlink(server.log.name)
    print(f"  exit after shutdown with {opened} open documents: {exit_s:.1f} s", file=sys.stderr)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "blast-radius"))
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--memory", default="1,100,500",
                        help="open-document counts for the memory measurement ('' to skip)")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--git", action="store_true",
                        help="commit each document to a temporary git repository first, so the server "
                             "reads its HEAD version: every keystroke then also runs the diff rules and "
                             "provenance against HEAD")
    parser.add_argument("--typing", choices=["lines", "code", "adversarial"], default="lines",
                        help="lines: new statements typed one character at a time after existing "
                             "ones, brackets and quotes auto-closed, each finished before the next "
                             "(default); code: identifier "
                             "characters and auto-closed pairs appended to lines and never "
                             "finished, 25 per line, so errors pile up; adversarial: the same with "
                             "unpaired quotes and $")
    args = parser.parse_args()
    results = [run_language(args.binary, lang, args.edits, 7, args.typing, args.git)
               for lang in args.languages.split(",") if lang]
    counts = [int(n) for n in args.memory.split(",") if n]
    memory_results = memory(args.binary, counts, 7) if counts else []
    if args.json:
        print(json.dumps({"latency": results, "memory": memory_results}, indent=2))
        return 0
    print(f"typing: {args.typing}" + (", documents committed to git (diff rules and provenance on)" if args.git else ""))
    print(f"{'language':<8} {'size':>8} {'open ms':>8} {'median ms':>10} {'p99 ms':>8} {'max ms':>8}  edits")
    for r in results:
        print(f"{r['language']:<8} {r['bytes'] / 1024:>6.0f}KB {r['open_ms']:>8.1f} {r['median_ms']:>10.2f} "
              f"{r['p99_ms']:>8.2f} {r['max_ms']:>8.2f}  {r['edits']}")
    for m in memory_results:
        print(f"{m['documents']:>4} open documents: {m['rss_mb']:.0f} MB resident "
              f"({m['per_document_mb']:.1f} MB per document over the {m['baseline_mb']:.0f} MB of an idle server)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
