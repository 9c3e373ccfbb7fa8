; Diff rule (kind = "renamed"): each resource and module block is an address (`@target` the
; type, `@match` the name); `moved` blocks name addresses that were moved on purpose. A new
; module call is a `container`: resources gone from the file while it appeared may have moved
; into it, which changes their address as much as a rename. A module call's `source` lets a
; caller that reads the module find the moved block inside it, for the quick fix.

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
  (#eq? @target "module")
  (#set! role "container")
  (#set! message "`{removed}` was removed while `{target}` was added: if it moved into the module, its address is now `{target}.{removed}` (or another name inside it), and with no `moved` block the plan destroys {removed} and creates it again; add `moved { from = {removed}  to = {target}.<its address in the module> }`"))

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

((block
  (identifier) @_block
  .
  (string_lit) @target
  .
  (block_start)
  (body
    (attribute
      (identifier) @_source
      (expression) @match)))
  (#eq? @_block "module")
  (#eq? @_source "source")
  (#set! role "source"))
