; git config --global/--system with a key and a value as its last two arguments:
; `git config --global user.email ci@example.com`. A bare key only reads the value
; (`git config --global user.email`), and the read-only modes never write.
((command
  argument: (_) @target
  .
  argument: (_) @_value
  .) @match
  (#cmd? @match "git")
  (#subcmd? @match "config")
  (#flag? @match "--global" "--system")
  (#not-flag? @match "--get" "--get-all" "--get-regexp" "--get-urlmatch" "--get-color" "--get-colorbool" "--list" "-l" "--edit" "-e")
  (#not-match? @target "^(-|config$)")
  (#not-match? @_value "^-"))

; The explicit write modes of the classic syntax on a key: --unset, --unset-all, --add,
; --replace-all (`git config --global --unset credential.helper`).
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "config")
  (#flag? @match "--global" "--system")
  (#flag? @match "--unset" "--unset-all" "--add" "--replace-all")
  (#arg? @match "^[\"']?[A-Za-z][A-Za-z0-9-]*\\."))

; The subcommand syntax of git 2.46 and later: git config set|unset --global key.
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "config" "set|unset")
  (#flag? @match "--global" "--system")
  (#arg? @match "^[\"']?[A-Za-z][A-Za-z0-9-]*\\."))

; Whole sections removed or renamed, in either syntax.
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "config")
  (#flag? @match "--global" "--system")
  (#flag? @match "--remove-section" "--rename-section")
  (#set! message "removes or renames a whole section of the user's global (or the host's system) git configuration: applies to every repository of the user on this host"))

((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "config" "remove-section|rename-section")
  (#flag? @match "--global" "--system")
  (#set! message "removes or renames a whole section of the user's global (or the host's system) git configuration: applies to every repository of the user on this host"))
