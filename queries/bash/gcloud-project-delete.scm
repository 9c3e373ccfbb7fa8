; gcloud projects delete PROJECT_ID (also through the alpha and beta command groups, which may
; come before `projects`).
((command) @match
  (#cmd? @match "gcloud")
  (#subcmd? @match "projects" "delete"))
