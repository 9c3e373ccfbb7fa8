// Finding the blast-radius binary: the `blastRadius.path` setting, else the binary bundled in
// the extension's `bin/`, else `blast-radius` on PATH. Kept free of the `vscode` module so it can
// be tested with a plain Node test runner.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface ServerLookup {
  /** The `blastRadius.path` setting, as the user wrote it. */
  configuredPath: string | undefined;
  /** The extension's installation directory (holds `bin/` when a binary is bundled). */
  extensionPath: string;
  /** The first workspace folder, against which a relative `blastRadius.path` is resolved. */
  workspaceFolder: string | undefined;
  /** `process.platform`. */
  platform: NodeJS.Platform;
  /** The PATH environment variable. */
  envPath: string | undefined;
  /** The home directory, for `~` in the setting. */
  home?: string;
  /** Whether a file exists and can be executed; injectable for tests. */
  isExecutable?: (file: string) => boolean;
}

export type ServerLocation =
  | { kind: "found"; path: string; source: "setting" | "bundled" | "path" }
  | { kind: "missing"; message: string };

export const SETTING = "blastRadius.path";

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "blast-radius.exe" : "blast-radius";
}

export function defaultIsExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    if (process.platform === "win32") {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~` and resolves a relative path against the workspace folder. */
export function expandPath(
  configured: string,
  workspaceFolder: string | undefined,
  home: string,
): string {
  let expanded = configured;
  if (expanded === "~") {
    expanded = home;
  } else if (expanded.startsWith("~/") || expanded.startsWith("~\\")) {
    expanded = path.join(home, expanded.slice(2));
  }
  if (!path.isAbsolute(expanded) && workspaceFolder !== undefined) {
    expanded = path.join(workspaceFolder, expanded);
  }
  return expanded;
}

export function locateServer(lookup: ServerLookup): ServerLocation {
  const isExecutable = lookup.isExecutable ?? defaultIsExecutable;
  const home = lookup.home ?? os.homedir();
  const configured = lookup.configuredPath?.trim();
  if (configured) {
    const file = expandPath(configured, lookup.workspaceFolder, home);
    if (isExecutable(file)) {
      return { kind: "found", path: file, source: "setting" };
    }
    // A wrong setting is reported rather than silently replaced by another binary.
    return {
      kind: "missing",
      message: `blast-radius: the setting \`${SETTING}\` is "${configured}", but ${file} is not an executable file. Fix or clear \`${SETTING}\`.`,
    };
  }
  const name = binaryName(lookup.platform);
  const bundled = path.join(lookup.extensionPath, "bin", name);
  if (isExecutable(bundled)) {
    return { kind: "found", path: bundled, source: "bundled" };
  }
  const separator = lookup.platform === "win32" ? ";" : ":";
  for (const dir of (lookup.envPath ?? "").split(separator)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) {
      return { kind: "found", path: candidate, source: "path" };
    }
  }
  return {
    kind: "missing",
    message: `blast-radius: no server binary found. Set \`${SETTING}\` to the blast-radius binary, or install it on PATH (\`cargo install --path .\` in the blast-radius repository).`,
  };
}
