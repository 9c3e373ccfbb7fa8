; gh repo delete [OWNER/REPO] [--yes].
((command) @match
  (#cmd? @match "gh")
  (#subcmd? @match "repo" "delete")
  (#not-flag? @match "--help" "-h"))
