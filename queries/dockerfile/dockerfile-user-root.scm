; USER root (or uid 0, with any group) as the last USER instruction of its build stage: the
; stage's image runs its CMD/ENTRYPOINT as root. A later USER in the same stage (before the next
; FROM) makes it safe.
((user_instruction
  user: (unquoted_string) @_user) @match
  (#any-of? @_user "root" "0")
  (#not-followed-by? @match "user_instruction" "from_instruction"))
