; aws cloudformation delete-stack. The operation name is matched anywhere among the operands,
; so global options with values may come first.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?delete-stack[\"']?$")
  (#arg? @match "^[\"']?cloudformation[\"']?$"))
