import assert from "node:assert/strict";
import { test } from "node:test";

import { countNeedingReview, needsReview, statusText } from "../review";

const finding = (rule: string, review: string) => ({ source: "blast-radius", data: { rule, review, scope: "host", reversible: false, version: 1 } });

test("unreviewed and review-requested findings need review", () => {
  assert.equal(needsReview(finding("rm-recursive-unguarded", "none")), true);
  assert.equal(needsReview(finding("rm-recursive-unguarded", "requested")), true);
});

test("reviewed findings, directive problems and other sources do not", () => {
  assert.equal(needsReview(finding("rm-recursive-unguarded", "reviewed")), false);
  assert.equal(needsReview(finding("rm-recursive-unguarded", "ignored")), false);
  assert.equal(needsReview(finding("directive-invalid", "none")), false);
  assert.equal(needsReview(finding("directive-unused", "none")), false);
  assert.equal(needsReview({ source: "shellcheck", data: { rule: "x", review: "none" } }), false);
  assert.equal(needsReview({ source: "blast-radius" }), false);
  assert.equal(needsReview({ source: "blast-radius", data: "none" }), false);
});

test("count over the diagnostics of several files", () => {
  const diagnostics = [
    finding("sql-drop-table", "none"),
    finding("sql-truncate", "reviewed"),
    finding("tf-destroy", "requested"),
    finding("directive-unused", "none"),
    { source: "eslint" },
  ];
  assert.equal(countNeedingReview(diagnostics), 2);
  assert.equal(countNeedingReview([]), 0);
});

test("status text", () => {
  assert.deepEqual(statusText(1, 1), {
    text: "$(warning) 1",
    tooltip: "blast-radius: 1 high-blast-radius finding needs review in the open file",
  });
  assert.equal(statusText(0, 3).text, "$(shield) 0");
  assert.match(statusText(4, 3).tooltip, /4 high-blast-radius findings need review in 3 open files/);
});
