; Branch names treated as shared: main, master, trunk, develop, production, prod, stable and
; release branches (release, release/1.2, release-v3, release/$VERSION), optionally as refs/heads/NAME. A name such
; as release-notes-draft is not a release branch.

; git push --delete|-d REMOTE NAME, unless it is a dry run.
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "push")
  (#flag? @match "-d" "--delete")
  (#not-flag? @match "-n" "--dry-run")
  (#arg? @match "^[\"']?(refs/heads/)?(main|master|trunk|develop|production|prod|stable|release([/-](v?[0-9]|\\$)[^\"' ]*)?)[\"']?$"))

; git push REMOTE :NAME (a refspec with an empty source deletes the destination).
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "push")
  (#not-flag? @match "-n" "--dry-run")
  (#arg? @match "^[\"']?:(refs/heads/)?(main|master|trunk|develop|production|prod|stable|release([/-](v?[0-9]|\\$)[^\"' ]*)?)[\"']?$")
  (#set! message "`git push` with the empty-source refspec `{target}` deletes that shared branch on the remote: open pull requests based on it are closed, and deployments and CI that track it break"))
