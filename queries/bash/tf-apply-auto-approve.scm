; terraform apply -auto-approve (also tofu and terragrunt, --auto-approve, -chdir=x before the
; subcommand) without a saved plan file: the plan is computed and applied with nobody
; reviewing it. A saved plan (an operand with "plan" in it or ending in .out, not a -var
; value) was reviewed when it was made, so it stays quiet; -destroy is tf-destroy, and
; -refresh-only changes only the state.
((command) @match
  (#cmd? @match "terraform" "tofu" "terragrunt")
  (#subcmd? @match "apply")
  (#flag? @match "-auto-approve" "--auto-approve")
  (#not-flag? @match "-destroy" "--destroy" "-refresh-only" "--refresh-only" "-help" "--help")
  (#not-arg? @match "^[^=]*((?i:plan)[^=]*|\\.out[\"']?)$"))
