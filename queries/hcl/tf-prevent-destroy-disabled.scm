; prevent_destroy = false in the lifecycle block of a resource: the explicit off switch of the
; guard that makes Terraform reject plans destroying the resource.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (string_lit)
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
            (literal_value) @_value)) @match))))
  (#eq? @_block "resource")
  (#eq? @_lifecycle "lifecycle")
  (#eq? @_name "prevent_destroy")
  (#match? @_value "^(false|\"false\")$"))
