; terraform|tofu|terragrunt state rm ADDRESS..., unless it is a dry run.
((command) @match
  (#cmd? @match "terraform" "tofu" "terragrunt")
  (#subcmd? @match "state" "rm")
  (#not-flag? @match "-dry-run" "--dry-run"))

; terraform state push -force: overwrites a newer remote state.
((command) @match
  (#cmd? @match "terraform" "tofu" "terragrunt")
  (#subcmd? @match "state" "push")
  (#flag? @match "-force" "--force")
  (#set! message "`terraform state push -force` overwrites the remote state even when it is newer: resources created since are forgotten, and later plans may destroy or recreate them"))
