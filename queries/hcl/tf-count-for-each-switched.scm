; Diff rule (kind = "changed"): how a resource or module call is repeated (`@match` is the
; `count` or `for_each` argument's name; `@target` the address). The same address with the
; other one in the current version changes every instance's key. A `moved` block whose `from`
; names one of its instances (`aws_instance.web[0]`) means the move was written out.

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
      (identifier) @match))) @scope
  (#eq? @_block "resource")
  (#any-of? @match "count" "for_each"))

((block
  (identifier) @_block @target
  .
  (string_lit) @target
  .
  (block_start)
  (body
    (attribute
      (identifier) @match))) @scope
  (#eq? @_block "module")
  (#any-of? @match "count" "for_each"))

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
