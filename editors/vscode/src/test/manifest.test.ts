import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

import { documentSelector, LANGUAGE_IDS } from "../languages";

interface Manifest {
  activationEvents: string[];
  contributes: { commands: { command: string }[]; configuration: { properties: Record<string, unknown> } };
}

const root = path.join(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Manifest;
const extensionSource = fs.readFileSync(path.join(root, "src", "extension.ts"), "utf8");

test("the extension activates for every language it sends to the server", () => {
  for (const id of LANGUAGE_IDS) {
    assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), `onLanguage:${id}`);
  }
});

test("every language id the server maps to a grammar is in the selector", () => {
  // The arms of `detect_language` in src/lsp/document.rs.
  const server = fs.readFileSync(path.join(root, "..", "..", "src", "lsp", "document.rs"), "utf8");
  const body = server.slice(server.indexOf("pub fn detect_language"));
  const arms = body.slice(0, body.indexOf("_ => None"));
  const ids = [...arms.matchAll(/"([a-z-]+)"/g)].map((m) => m[1]);
  assert.ok(ids.length > 10, `parsed ${ids.length} ids`);
  // Ids no VS Code language uses (Neovim/Helix names) need not be listed.
  const vscodeIrrelevant = new Set([
    "sh", "bash", "zsh", "ksh", "pgsql", "mysql", "plsql", "tf", "make", "ps1", "batch", "cmd",
  ]);
  for (const id of ids) {
    if (!vscodeIrrelevant.has(id)) {
      assert.ok(LANGUAGE_IDS.includes(id), `language id ${id}`);
    }
  }
  const selector = documentSelector();
  assert.ok(selector.some((f) => "pattern" in f && f.pattern.includes("tf")));
});

test("every contributed command is registered and every setting is read", () => {
  for (const { command } of manifest.contributes.commands) {
    assert.ok(extensionSource.includes(`"${command}"`), command);
  }
  const properties = Object.keys(manifest.contributes.configuration.properties);
  for (const key of ["path", "reviewerName", "rulesUrl", "provenance", "bulkInsertLines", "policy"]) {
    assert.ok(properties.includes(`blastRadius.${key}`), key);
  }
});
