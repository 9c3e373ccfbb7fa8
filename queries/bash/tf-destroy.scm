; terraform destroy (also tofu, terragrunt, terragrunt run-all destroy, and global options
; such as -chdir=infra before the subcommand), asking for confirmation.
((command) @match
  (#cmd? @match "terraform" "tofu" "terragrunt")
  (#subcmd? @match "destroy|destroy-all")
  (#not-flag? @match "-help" "--help" "-auto-approve" "--auto-approve"))

; The same with -auto-approve: nothing stops it.
((command) @match
  (#cmd? @match "terraform" "tofu" "terragrunt")
  (#subcmd? @match "destroy|destroy-all")
  (#flag? @match "-auto-approve" "--auto-approve")
  (#not-flag? @match "-help" "--help")
  (#set! message "`destroy -auto-approve` deletes every resource in this configuration's state without a confirmation prompt: networks, databases, buckets and all data in them"))

; terraform apply -destroy: the same as destroy, with or without -auto-approve.
((command) @match
  (#cmd? @match "terraform" "tofu" "terragrunt")
  (#subcmd? @match "apply")
  (#flag? @match "-destroy" "--destroy")
  (#not-flag? @match "-help" "--help" "-auto-approve" "--auto-approve"))

((command) @match
  (#cmd? @match "terraform" "tofu" "terragrunt")
  (#subcmd? @match "apply")
  (#flag? @match "-destroy" "--destroy")
  (#flag? @match "-auto-approve" "--auto-approve")
  (#not-flag? @match "-help" "--help")
  (#set! message "`apply -destroy -auto-approve` deletes every resource in this configuration's state without a confirmation prompt: networks, databases, buckets and all data in them"))
