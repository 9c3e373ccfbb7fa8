; npm unpublish PKG[@VERSION] [--force], pnpm unpublish, yarn npm unpublish (Yarn Berry), unless
; it is a dry run.
((command) @match
  (#cmd? @match "npm" "pnpm")
  (#subcmd? @match "unpublish")
  (#not-flag? @match "--dry-run"))

((command) @match
  (#cmd? @match "yarn")
  (#subcmd? @match "npm" "unpublish")
  (#not-flag? @match "--dry-run"))
