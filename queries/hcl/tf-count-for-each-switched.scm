; Diff rule (kind = "changed"): how a resource or module call is repeated (`@match` is the
; `count` or `for_each` argument's name; `@target` the address), and a `present` fact for every
; block, so a block with neither is known to be there. The same address repeated another way in
; the current version changes instance keys: `count` <-> `for_each`, or `for_each` (`keyed`)
; added to or taken from a block without either. (`count` added or removed is a move Terraform
; makes itself: `x` <-> `x[0]`.) A `moved` block whose `from` names the address or one of its
; instances (`aws_instance.web[0]`) means the move was written out.

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
  (#eq? @match "count"))

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
  (#eq? @match "for_each")
  (#set! role "keyed"))

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
  (#eq? @match "count"))

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
  (#eq? @match "for_each")
  (#set! role "keyed"))

((block
  (identifier) @_block @match
  .
  (string_lit) @target
  .
  (string_lit) @target
  .
  (block_start)) @scope
  (#eq? @_block "resource")
  (#set! role "present")
  (#set! message "no `count` or `for_each`"))

((block
  (identifier) @_block @target @match
  .
  (string_lit) @target
  .
  (block_start)) @scope
  (#eq? @_block "module")
  (#set! role "present")
  (#set! message "no `count` or `for_each`"))

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
