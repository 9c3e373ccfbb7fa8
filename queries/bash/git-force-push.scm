; git push with --force or -f (also inside a cluster such as -fu), unless it is a dry run.
; --force-with-lease and --force-if-includes are other flags and do not match.
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "push")
  (#flag? @match "-f" "--force")
  (#not-flag? @match "-n" "--dry-run"))

; git push with a refspec that starts with + (git push origin +main, +HEAD:refs/heads/x): forces
; that one ref. A --force-with-lease on the same command still checks the remote tip, so it stays
; quiet.
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "push")
  (#arg? @match "^[\"']?\\+[^+]")
  (#not-flag? @match "-f" "--force" "-n" "--dry-run" "--force-with-lease")
  (#set! message "`git push` with the forced refspec `{target}`: overwrites that ref on the shared remote, and commits others pushed to it since your last fetch are dropped"))
