; CREATE ROLE|USER name [WITH] ... SUPERUSER ... and ALTER ROLE|USER name [WITH] SUPERUSER. The
; option is its own node, so NOSUPERUSER, comments and string literals do not match.
((create_role
  (identifier) @target
  option: (identifier) @_option) @match
  (#match? @_option "^(?i:superuser)$"))

((alter_role
  (identifier) @target
  option: (identifier) @_option) @match
  (#match? @_option "^(?i:superuser)$"))
