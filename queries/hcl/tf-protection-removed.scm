; Diff rule (kind = "removed"): each pattern is a guard of a resource; a guard of the base
; version with no equal guard in the current version was removed or switched off.

; lifecycle { prevent_destroy = true } / create_before_destroy = true
((block
  (identifier) @_block
  .
  (string_lit) @target
  .
  (string_lit) @target
  .
  (block_start)
  (body
    (block
      (identifier) @_lifecycle
      .
      (block_start)
      (body
        (attribute
          (identifier) @_name
          (expression
            (literal_value) @_value)) @match)))) @scope
  (#eq? @_block "resource")
  (#eq? @_lifecycle "lifecycle")
  (#any-of? @_name "prevent_destroy" "create_before_destroy")
  (#match? @_value "^(true|\"true\")$"))

; deletion_protection = true, enable_deletion_protection = true on the resource itself
((block
  (identifier) @_block
  .
  (string_lit) @target
  .
  (string_lit) @target
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match)) @scope
  (#eq? @_block "resource")
  (#any-of? @_name "deletion_protection" "enable_deletion_protection")
  (#match? @_value "^(true|\"true\")$"))

; the lifecycle block itself
((block
  (identifier) @_block
  .
  (string_lit) @target
  .
  (string_lit) @target
  .
  (block_start)
  (body
    (block
      (identifier) @match
      .
      (block_start)))) @scope
  (#eq? @_block "resource")
  (#eq? @match "lifecycle")
  (#set! message "the `lifecycle` block"))
