// Counting the findings that still need review, from the `data` the server attaches to each
// diagnostic (`{"rule", "review", "scope", "reversible", "version"}`). Free of the `vscode` module.

export const SOURCE = "blast-radius";

/** Rules about the directives themselves: problems to fix, not findings to review. */
export const ENGINE_RULES: ReadonlySet<string> = new Set(["directive-invalid", "directive-unused"]);

export interface DiagnosticLike {
  source?: string;
  data?: unknown;
}

/** Whether a diagnostic is a blast-radius finding that has not been reviewed (nor ignored). */
export function needsReview(diagnostic: DiagnosticLike): boolean {
  if (diagnostic.source !== SOURCE) {
    return false;
  }
  const data = diagnostic.data;
  if (data === null || typeof data !== "object") {
    return false;
  }
  const { rule, review } = data as { rule?: unknown; review?: unknown };
  if (typeof rule !== "string" || ENGINE_RULES.has(rule)) {
    return false;
  }
  return review === "none" || review === "requested";
}

export function countNeedingReview(diagnostics: Iterable<DiagnosticLike>): number {
  let count = 0;
  for (const diagnostic of diagnostics) {
    if (needsReview(diagnostic)) {
      count += 1;
    }
  }
  return count;
}

/** The status bar text and tooltip for a count over `files` open files. */
export function statusText(count: number, files: number): { text: string; tooltip: string } {
  const noun = count === 1 ? "finding needs" : "findings need";
  const where = files === 1 ? "the open file" : `${files} open files`;
  return {
    text: count === 0 ? "$(shield) 0" : `$(warning) ${count}`,
    tooltip: `blast-radius: ${count} high-blast-radius ${noun} review in ${where}`,
  };
}
