// The settings the server reads, as sent in `initializationOptions` and
// `workspace/didChangeConfiguration` (under `blastRadius`). Free of the `vscode` module.

export interface ServerSettings {
  reviewerName?: string;
  rulesUrl?: string;
  provenance: boolean;
  bulkInsertLines: number;
  policy: Record<string, unknown>;
}

/** Reads one setting; stands for `WorkspaceConfiguration.get`. */
export type SettingReader = (key: string) => unknown;

export const DEFAULT_BULK_INSERT_LINES = 8;

function text(value: unknown): string | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export function serverSettings(read: SettingReader): ServerSettings {
  const settings: ServerSettings = {
    provenance: read("provenance") !== false,
    bulkInsertLines: DEFAULT_BULK_INSERT_LINES,
    policy: {},
  };
  const reviewerName = text(read("reviewerName"));
  if (reviewerName !== undefined) {
    settings.reviewerName = reviewerName;
  }
  const rulesUrl = text(read("rulesUrl"));
  if (rulesUrl !== undefined) {
    settings.rulesUrl = rulesUrl;
  }
  const bulk = read("bulkInsertLines");
  if (typeof bulk === "number" && Number.isInteger(bulk) && bulk >= 0) {
    settings.bulkInsertLines = bulk;
  }
  const policy = read("policy");
  if (policy !== null && typeof policy === "object" && !Array.isArray(policy)) {
    settings.policy = { ...(policy as Record<string, unknown>) };
  }
  return settings;
}

/** The payload of `initializationOptions` and of `workspace/didChangeConfiguration`. */
export function serverPayload(read: SettingReader): { blastRadius: ServerSettings } {
  return { blastRadius: serverSettings(read) };
}
