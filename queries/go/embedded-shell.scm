; exec.Command("rm", "-rf", dir) and exec.CommandContext(ctx, "sh", "-c", script).
(call_expression
  function: (selector_expression
    operand: (identifier) @_package
    field: (field_identifier) @_function)
  arguments: (argument_list) @argv
  (#eq? @_package "exec")
  (#eq? @_function "Command"))
