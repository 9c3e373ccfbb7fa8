import assert from "node:assert/strict";
import { test } from "node:test";

import { serverPayload, serverSettings } from "../settings";

function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

test("defaults match the server's: provenance on, bulk insert at 8 lines, no policy", () => {
  assert.deepEqual(serverSettings(reader({})), { provenance: true, bulkInsertLines: 8, policy: {} });
});

test("VS Code's contributed defaults (empty strings) are left out", () => {
  const settings = serverSettings(
    reader({ reviewerName: "", rulesUrl: " ", provenance: true, bulkInsertLines: 8, policy: {} }),
  );
  assert.equal("reviewerName" in settings, false);
  assert.equal("rulesUrl" in settings, false);
});

test("every setting is passed under blastRadius", () => {
  const payload = serverPayload(
    reader({
      reviewerName: " Ana Lima ",
      rulesUrl: "https://docs.example/rules#{rule}",
      provenance: false,
      bulkInsertLines: 0,
      policy: { "ai-authored": "error" },
      path: "/opt/blast-radius",
    }),
  );
  assert.deepEqual(payload, {
    blastRadius: {
      reviewerName: "Ana Lima",
      rulesUrl: "https://docs.example/rules#{rule}",
      provenance: false,
      bulkInsertLines: 0,
      policy: { "ai-authored": "error" },
    },
  });
});

test("invalid values fall back to the defaults", () => {
  const settings = serverSettings(reader({ bulkInsertLines: -3, policy: ["x"], provenance: "no" }));
  assert.deepEqual(settings, { provenance: true, bulkInsertLines: 8, policy: {} });
  assert.equal(serverSettings(reader({ bulkInsertLines: 2.5 })).bulkInsertLines, 8);
});
