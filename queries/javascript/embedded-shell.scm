; Shell run by Node: child_process.exec / execSync take a shell script.
(call_expression
  function: [
    (identifier) @_function
    (member_expression
      property: (property_identifier) @_function)
  ]
  arguments: (arguments
    .
    [
      (string)
      (template_string)
    ] @shell)
  (#any-of? @_function "exec" "execSync"))

; spawn / execFile take the program and its arguments: spawn("rm", ["-rf", dir]).
(call_expression
  function: [
    (identifier) @_function
    (member_expression
      property: (property_identifier) @_function)
  ]
  arguments: (arguments
    .
    (string)) @argv
  (#any-of? @_function "spawn" "spawnSync" "execFile" "execFileSync"))
