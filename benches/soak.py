#!/usr/bin/env python3
"""Soak test of the language server over the built binary's stdio, like an editor under load.

Opens N documents (shell and SQL) and sends each R edits per second for D seconds, every edit
replacing one line with a risky or a safe one, so the expected findings of each document are
known at every version. Checks, and exits 1 if any fails:

- no stale or out-of-order diagnostics: per document, published versions strictly increase and
  never exceed the last version sent; after the load stops, every document's last publication
  carries its last version and exactly the findings its text has;
- memory flat after warm-up: the server's RSS (VmRSS from /proc) at the end is within 20 % (plus
  8 MiB) of its RSS at the end of the warm-up;
- no error in the log: the server's stderr has no ERROR, WARN or panic line.

Prints the figures (edits sent, publications, latency from an edit to a publication of its
version or a later one, RSS over time) and writes them as JSON with --json.

Full run (documented in the README):  python3 benches/soak.py
Short run (.ci/run):                  python3 benches/soak.py --docs 20 --duration 3 --warmup 1
Standard library only; needs Linux /proc for the memory figures.
"""

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time

LINES = 40
LANGUAGES = [
    # (extension, language id, risky line, safe line format)
    ("sh", "shellscript", 'rm -rf "$DIR"/*', "echo {n}"),
    ("sql", "sql", "DROP TABLE t{n};", "SELECT {n};"),
]


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Doc:
    def __init__(self, index, root, rng):
        self.ext, self.language, self.risky, self.safe = LANGUAGES[index % len(LANGUAGES)]
        self.uri = f"file://{root}/doc{index}.{self.ext}"
        self.version = 1
        self.lines = [self.line(rng, n) for n in range(LINES)]
        self.sent_at = {}

    def line(self, rng, n):
        template = self.risky if rng.random() < 0.2 else self.safe
        return template.format(n=n)

    def text(self):
        return "".join(line + "\n" for line in self.lines)

    def expected(self):
        return sum(1 for line in self.lines if line.startswith(("rm ", "DROP")))


class Server:
    def __init__(self, process):
        self.process = process
        self.next_id = 1
        self.pending = {}
        self.publications = []  # (time, uri, version, count)
        self.problems = []

    async def reader(self):
        stdout = self.process.stdout
        while True:
            length = None
            while True:
                line = await stdout.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            message = json.loads(await stdout.readexactly(length))
            if "id" in message and "method" in message:
                # A request from the server (progress, registration): accept it.
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif "id" in message:
                future = self.pending.pop(message["id"], None)
                if future:
                    future.set_result(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self.publications.append(
                    (time.monotonic(), params["uri"], params.get("version"), len(params["diagnostics"]))
                )
            elif message.get("method") == "window/showMessage":
                self.problems.append(f"showMessage: {message['params']['message']}")

    def send(self, message):
        self.process.stdin.write(frame(message))

    async def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.pending[request_id] = future
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        await self.process.stdin.drain()
        return await asyncio.wait_for(future, 60)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid):
    """User + system CPU time of a process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def soak(args):
    rng = random.Random(args.seed)
    stderr_path = args.log
    log = open(stderr_path, "wb")
    process = await asyncio.create_subprocess_exec(
        args.binary,
        "server",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=log,
        limit=1 << 24,
    )
    server = Server(process)
    reader = asyncio.create_task(server.reader())
    root = "/soak-workspace"
    response = await server.request(
        "initialize",
        {"processId": os.getpid(), "capabilities": {"general": {"positionEncodings": ["utf-8"]}}},
    )
    assert "result" in response, response
    server.notify("initialized", {})
    docs = [Doc(i, root, rng) for i in range(args.docs)]
    for doc in docs:
        server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": doc.uri, "languageId": doc.language, "version": 1, "text": doc.text()}},
        )
        doc.sent_at[1] = time.monotonic()
    await process.stdin.drain()

    # The load: every tick, the edits due by now (so a slow tick does not lower the rate).
    tick = 0.05
    started = time.monotonic()
    warmup_end = started + args.warmup
    end = started + args.duration
    edits = 0
    samples = []  # (seconds since start, RSS KiB)
    next_sample = started
    while True:
        now = time.monotonic()
        if now >= end:
            break
        if now >= next_sample:
            samples.append((now - started, rss_kib(process.pid)))
            next_sample += 1.0
        due = int((now - started) * args.docs * args.rate)
        while edits < due:
            doc = docs[rng.randrange(len(docs))]
            line = rng.randrange(LINES)
            old = doc.lines[line]
            doc.lines[line] = doc.line(rng, rng.randrange(10_000))
            doc.version += 1
            server.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": doc.uri, "version": doc.version},
                    "contentChanges": [
                        {
                            "range": {
                                "start": {"line": line, "character": 0},
                                "end": {"line": line, "character": len(old.encode())},
                            },
                            "text": doc.lines[line],
                        }
                    ],
                },
            )
            doc.sent_at[doc.version] = time.monotonic()
            edits += 1
        await process.stdin.drain()
        await asyncio.sleep(max(0.0, tick - (time.monotonic() - now)))
    load_seconds = time.monotonic() - started

    # Quiet period: everything sent must be answered by a publication of the last version.
    deadline = time.monotonic() + 30
    last = {}
    while time.monotonic() < deadline:
        last = {}
        for _, uri, version, count in server.publications:
            last[uri] = (version, count)
        if all(last.get(doc.uri, (None,))[0] == doc.version for doc in docs):
            break
        await asyncio.sleep(0.2)
    samples.append((time.monotonic() - started, rss_kib(process.pid)))

    failures = []
    by_uri = {}
    latencies = []
    for at, uri, version, count in server.publications:
        by_uri.setdefault(uri, []).append((at, version, count))
    docs_by_uri = {doc.uri: doc for doc in docs}
    for uri, publications in by_uri.items():
        doc = docs_by_uri.get(uri)
        if doc is None:
            failures.append(f"publication for a document never opened: {uri}")
            continue
        versions = [version for _, version, _ in publications]
        if any(b <= a for a, b in zip(versions, versions[1:])):
            failures.append(f"{uri}: versions out of order or repeated: {versions[:50]}")
        if max(versions) > doc.version:
            failures.append(f"{uri}: a version that was never sent: {max(versions)}")
        for at, version, _ in publications:
            sent = doc.sent_at.get(version)
            if sent is not None:
                latencies.append(at - sent)
    for doc in docs:
        version, count = last.get(doc.uri, (None, None))
        if version != doc.version:
            failures.append(f"{doc.uri}: last publication is version {version}, last sent {doc.version} (stale)")
        elif count != doc.expected():
            failures.append(f"{doc.uri}: {count} diagnostics for version {version}, its text has {doc.expected()} findings")

    server_cpu = cpu_seconds(process.pid)
    await server.request("shutdown", None)
    server.notify("exit", None)
    await process.stdin.drain()
    try:
        code = await asyncio.wait_for(process.wait(), 10)
    except asyncio.TimeoutError:
        process.kill()
        code = "killed after 10 s"
    reader.cancel()
    log.close()
    if code != 0:
        failures.append(f"server exit status {code}")
    with open(stderr_path, "rb") as handle:
        log_lines = handle.read().decode(errors="replace").splitlines()
    bad_log = [line for line in log_lines if " ERROR " in line or " WARN " in line or "panicked" in line]
    if bad_log:
        failures.append(f"{len(bad_log)} error or warning lines in the log, first: {bad_log[0]}")
    failures.extend(server.problems)

    after_warmup = [kib for at, kib in samples if at >= args.warmup and kib]
    warm = after_warmup[0] if after_warmup else None
    final = samples[-1][1]
    peak = max(after_warmup) if after_warmup else None
    if warm and final and final > warm * 1.2 + 8 * 1024:
        failures.append(f"RSS grew after warm-up: {warm} KiB -> {final} KiB")

    result = {
        "docs": args.docs,
        "edits_per_second_per_doc": args.rate,
        "seconds": round(load_seconds, 1),
        "edits_sent": edits,
        "edits_per_second": round(edits / load_seconds, 1),
        "publications": len(server.publications),
        "server_cpu_seconds": server_cpu,
        "latency_ms": {
            "p50": round(percentile(latencies, 50) * 1000, 1),
            "p90": round(percentile(latencies, 90) * 1000, 1),
            "p99": round(percentile(latencies, 99) * 1000, 1),
            "max": round(max(latencies) * 1000, 1) if latencies else None,
        },
        "rss_kib": {"after_warmup": warm, "peak_after_warmup": peak, "final": final},
        "rss_samples_kib": [kib for _, kib in samples],
        "log_lines": len(log_lines),
        "failures": failures,
    }
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="target/release/blast-radius")
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10, help="edits per second per document")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--warmup", type=float, default=10, help="seconds before memory must stay flat")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--log", default="/tmp/blast-radius-soak.log", help="where the server's stderr goes")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    result = asyncio.run(soak(args))
    print(
        f"soak: {result['docs']} documents, {result['edits_sent']} edits in {result['seconds']} s "
        f"({result['edits_per_second']}/s), {result['publications']} publications"
    )
    print(f"server CPU time: {result['server_cpu_seconds']} s")
    latency = result["latency_ms"]
    print(f"latency edit -> publication of its version: p50 {latency['p50']} ms, p90 {latency['p90']} ms, "
          f"p99 {latency['p99']} ms, max {latency['max']} ms")
    rss = result["rss_kib"]
    print(f"RSS: {rss['after_warmup']} KiB after warm-up, peak {rss['peak_after_warmup']} KiB, final {rss['final']} KiB")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(result, handle, indent=2)
    if result["failures"]:
        for failure in result["failures"][:20]:
            print(f"FAIL: {failure}")
        sys.exit(1)
    print("ok: no stale or out-of-order diagnostics, memory flat, no error in the log")


if __name__ == "__main__":
    main()
