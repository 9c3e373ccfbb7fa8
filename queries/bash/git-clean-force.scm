; git clean with -f/--force (also in clusters such as -fd, -df), neither a dry run (-n,
; --dry-run) nor interactive (-i), and without -x/-X (next patterns).
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "clean")
  (#flag? @match "-f" "--force")
  (#not-flag? @match "-n" "--dry-run" "-i" "--interactive" "-x" "-X"))

; The same with -x (clusters such as -fdx, -xfd): ignored files go too.
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "clean")
  (#flag? @match "-f" "--force")
  (#flag? @match "-x")
  (#not-flag? @match "-n" "--dry-run" "-i" "--interactive")
  (#set! message "`git clean -x` with --force deletes every untracked and every ignored file: new source files, `.env` files, local configuration and data directories, none of which git can restore"))

; The same with -X (and not -x): only ignored files, which include more than build output.
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "clean")
  (#flag? @match "-f" "--force")
  (#flag? @match "-X")
  (#not-flag? @match "-n" "--dry-run" "-i" "--interactive" "-x")
  (#set! message "`git clean -X` with --force deletes every file `.gitignore` matches: build output, but also `.env` files, local databases and configuration git never had a copy of"))
