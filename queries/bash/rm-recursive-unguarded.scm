; rm -r on a path that starts with a variable or command substitution, unless guarded with
; ${VAR:?}. The variable must be the path's leading directory (followed by `/`, `*`, another
; expansion, `.`/`..` as a whole component, or nothing): with a literal suffix (`"$FILE.orig"`,
; `$PKG-$VERSION`) an empty value names a sibling entry, never `/` or a system directory.
((command) @match
  (#cmd? @match "rm")
  (#flag? @match "-r" "-R" "--recursive")
  (#arg? @match "^\"?(\\$\\{#?[A-Za-z_0-9@*]+(:?[-=+#%/^,][^}]*)?\\}|\\$[A-Za-z_][A-Za-z_0-9]*|\\$[0-9@*]|\\$\\(.*\\)|`.*`)\"?($|[/*\"$`]|\\.\\.?(/|\"|$))"))

; rm -r on /, ~, /* or a top-level system directory.
((command) @match
  (#cmd? @match "rm")
  (#flag? @match "-r" "-R" "--recursive")
  (#arg? @match "^[\"']?(/|/\\*|~|~/|~/\\*|\\$HOME/?\\*?|\\$\\{HOME\\}/?\\*?|/(bin|boot|dev|etc|home|lib|lib32|lib64|opt|root|sbin|srv|sys|usr|var|proc|mnt|media)/?\\*?)[\"']?$")
  (#set! message "recursive `rm` on `{target}`: deletes a system or home directory of the host"))
