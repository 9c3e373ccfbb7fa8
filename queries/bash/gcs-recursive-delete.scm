; gsutil [-m] rm -r|-R|--recursive gs://..., or with a ** wildcard.
((command) @match
  (#cmd? @match "gsutil")
  (#subcmd? @match "rm")
  (#flag? @match "-r" "-R" "--recursive")
  (#arg? @match "^[\"']?gs://"))

((command) @match
  (#cmd? @match "gsutil")
  (#subcmd? @match "rm")
  (#not-flag? @match "-r" "-R" "--recursive")
  (#arg? @match "^[\"']?gs://[^ ]*\\*\\*"))

; gcloud storage rm --recursive|-r gs://..., or with a ** wildcard.
((command) @match
  (#cmd? @match "gcloud")
  (#subcmd? @match "storage" "rm")
  (#flag? @match "-r" "-R" "--recursive")
  (#arg? @match "^[\"']?gs://"))

((command) @match
  (#cmd? @match "gcloud")
  (#subcmd? @match "storage" "rm")
  (#not-flag? @match "-r" "-R" "--recursive")
  (#arg? @match "^[\"']?gs://[^ ]*\\*\\*"))
