; Diff rule (kind = "renamed"): each resource and module block is an address (`@target` the
; type, `@match` the name); `moved` blocks name addresses that were moved on purpose.

((block
  (identifier) @_block
  .
  (string_lit) @target
  .
  (string_lit) @match
  .
  (block_start)) @scope
  (#eq? @_block "resource"))

((block
  (identifier) @target
  .
  (string_lit) @match
  .
  (block_start)) @scope
  (#eq? @target "module"))

((block
  (identifier) @_moved
  .
  (block_start)
  (body
    (attribute
      (identifier) @_from
      (expression) @match)))
  (#eq? @_moved "moved")
  (#eq? @_from "from")
  (#set! role "moved"))
