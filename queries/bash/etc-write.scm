; A redirection that truncates a file under /etc: >, >|, &>. Input redirections (< /etc/passwd)
; only read.
((file_redirect
  [
    ">"
    ">|"
    "&>"
  ]
  destination: (_) @target) @match
  (#match? @target "^[\"']?/etc/")
  (#set! message "redirection overwrites `{target}`: the host's system configuration file is truncated and replaced, its previous contents are lost"))

; A redirection that appends to a file under /etc: >>, &>>.
((file_redirect
  [
    ">>"
    "&>>"
  ]
  destination: (_) @target) @match
  (#match? @target "^[\"']?/etc/")
  (#set! message "redirection appends to `{target}`: changes the host's system configuration, and a second run appends the same lines again"))

; tee writing (or, with -a, appending to) a file under /etc: `echo ... | sudo tee /etc/...`.
((command) @match
  (#cmd? @match "tee")
  (#arg? @match "^[\"']?/etc/"))

; sed or perl editing a file under /etc in place: -i, -i.bak, -i'', -Ei, --in-place[=SUFFIX].
((command
  argument: (_) @_inplace) @match
  (#match? @_inplace "^(-[A-Za-z]*i|--in-place)")
  (#cmd? @match "sed" "perl")
  (#arg? @match "^[\"']?/etc/"))

; cp, install, ln or rsync whose destination (the last argument) is /etc or below, except a
; backup copy (.bak, .orig, ...) placed next to the original.
((command
  argument: (_) @target
  .) @match
  (#match? @target "^[\"']?/etc(/|[\"']?$)")
  (#not-match? @target "\\.(bak|orig|backup|old|save|dist)[\"']?$")
  (#cmd? @match "cp" "install" "ln" "rsync"))

; mv with any operand under /etc: moving a file in replaces the destination, moving one out
; removes it from the configuration.
((command) @match
  (#cmd? @match "mv")
  (#arg? @match "^[\"']?/etc(/|[\"']?$)"))
