// The documents the server reads. Language ids are the ones the server maps to a grammar
// (src/lsp/document.rs `detect_language`); file patterns catch files VS Code has no language
// for without another extension (Terraform) — the server then detects them by file name.

export const LANGUAGE_IDS: readonly string[] = [
  "shellscript",
  "python",
  "sql",
  "terraform",
  "terraform-vars",
  "hcl",
  "javascript",
  "javascriptreact",
  "typescript",
  "typescriptreact",
  "go",
  "rust",
  "yaml",
  "github-actions-workflow",
  "dockercompose",
  "json",
  "jsonc",
  "dockerfile",
  "makefile",
  "powershell",
  "bat",
];

export const FILE_PATTERNS: readonly string[] = [
  "**/*.{tf,tfvars,hcl,tftest}",
  "**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.Containerfile}",
];

export type DocumentFilter = { scheme: string; language: string } | { scheme: string; pattern: string };

export function documentSelector(): DocumentFilter[] {
  const byLanguage = ["file", "untitled"].flatMap((scheme) =>
    LANGUAGE_IDS.map((language) => ({ scheme, language })),
  );
  const byPattern = FILE_PATTERNS.map((pattern) => ({ scheme: "file", pattern }));
  return [...byLanguage, ...byPattern];
}
