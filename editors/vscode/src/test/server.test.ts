import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";

import { expandPath, locateServer, type ServerLookup } from "../server";

function lookup(executables: string[], overrides: Partial<ServerLookup> = {}): ServerLookup {
  const set = new Set(executables);
  return {
    configuredPath: undefined,
    extensionPath: "/ext",
    workspaceFolder: "/ws",
    platform: "linux",
    envPath: "/usr/local/bin:/usr/bin",
    home: "/home/ana",
    isExecutable: (file) => set.has(file),
    ...overrides,
  };
}

test("the setting wins over the bundled binary and PATH", () => {
  const found = locateServer(
    lookup(["/opt/br/blast-radius", "/ext/bin/blast-radius", "/usr/bin/blast-radius"], {
      configuredPath: "/opt/br/blast-radius",
    }),
  );
  assert.deepEqual(found, { kind: "found", path: "/opt/br/blast-radius", source: "setting" });
});

test("a setting that points nowhere is an error naming the setting, not a fallback", () => {
  const found = locateServer(
    lookup(["/ext/bin/blast-radius", "/usr/bin/blast-radius"], { configuredPath: "/nope/blast-radius" }),
  );
  assert.equal(found.kind, "missing");
  assert.match(found.kind === "missing" ? found.message : "", /`blastRadius\.path`/);
  assert.match(found.kind === "missing" ? found.message : "", /\/nope\/blast-radius/);
});

test("the bundled binary comes before PATH", () => {
  const found = locateServer(lookup(["/ext/bin/blast-radius", "/usr/bin/blast-radius"]));
  assert.deepEqual(found, { kind: "found", path: "/ext/bin/blast-radius", source: "bundled" });
});

test("PATH is searched in order", () => {
  const found = locateServer(lookup(["/usr/bin/blast-radius", "/usr/local/bin/blast-radius"]));
  assert.deepEqual(found, { kind: "found", path: "/usr/local/bin/blast-radius", source: "path" });
});

test("a blank setting counts as unset", () => {
  const found = locateServer(lookup(["/usr/bin/blast-radius"], { configuredPath: "  " }));
  assert.deepEqual(found, { kind: "found", path: "/usr/bin/blast-radius", source: "path" });
});

test("nothing found: the message names the setting", () => {
  const found = locateServer(lookup([], { envPath: "" }));
  assert.equal(found.kind, "missing");
  assert.match(found.kind === "missing" ? found.message : "", /Set `blastRadius\.path`/);
});

test("Windows: .exe name and ; separated PATH", () => {
  const found = locateServer(
    lookup(["C:\\tools/blast-radius.exe"], { platform: "win32", envPath: "C:\\bin;C:\\tools", extensionPath: "C:\\ext" }),
  );
  assert.equal(found.kind, "found");
  assert.equal(found.kind === "found" ? found.source : "", "path");
});

test("~ and relative settings are expanded", () => {
  assert.equal(expandPath("~/bin/blast-radius", "/ws", "/home/ana"), "/home/ana/bin/blast-radius");
  assert.equal(expandPath("tools/blast-radius", "/ws", "/home/ana"), "/ws/tools/blast-radius");
  assert.equal(expandPath("/abs/blast-radius", "/ws", "/home/ana"), "/abs/blast-radius");
  assert.equal(expandPath("rel", undefined, "/home/ana"), "rel");
});

test("the real file check: a non-executable file or a directory is not a server", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blast-radius-ext-"));
  try {
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    const file = path.join(bin, "blast-radius");
    fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o644 });
    const base = { configuredPath: undefined, extensionPath: dir, workspaceFolder: undefined, platform: "linux" as const, envPath: bin };
    assert.equal(locateServer(base).kind, "missing");
    fs.chmodSync(file, 0o755);
    assert.deepEqual(locateServer(base), { kind: "found", path: file, source: "bundled" });
    assert.equal(locateServer({ ...base, extensionPath: path.join(dir, "none"), envPath: dir }).kind, "missing");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
