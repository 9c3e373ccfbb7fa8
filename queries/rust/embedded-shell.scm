; std::process::Command::new("rm").arg("-rf").arg(path).status(): the chain read from its
; outermost call that runs the command.
(call_expression
  function: (field_expression
    field: (field_identifier) @_run)
  (#any-of? @_run "status" "output" "spawn")) @argv
