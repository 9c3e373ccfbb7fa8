; std::env::set_var / env::set_var (inside `unsafe { }` since edition 2024): the environment of
; the whole process, read by every thread and library and inherited by every child process
; started afterwards. `Command::env` (one child only) and `env::var` (a read) stay quiet.
((call_expression
  function: (scoped_identifier
    path: (_) @_path
    name: (identifier) @_fn)
  arguments: (arguments
    .
    (_) @target)) @match
  (#match? @_path "^(::)?(std::)?env$")
  (#eq? @_fn "set_var"))

; std::env::remove_var / env::remove_var.
((call_expression
  function: (scoped_identifier
    path: (_) @_path
    name: (identifier) @_fn)
  arguments: (arguments
    .
    (_) @target)) @match
  (#match? @_path "^(::)?(std::)?env$")
  (#eq? @_fn "remove_var")
  (#set! message "removes environment variable `{target}` from the whole process: every thread and library in it, and every child process started afterwards, loses it"))

; The functions imported by name: `use std::env::set_var;` then `set_var("X", v)`.
((call_expression
  function: (identifier) @_fn
  arguments: (arguments
    .
    (_) @target)) @match
  (#eq? @_fn "set_var")
  (#file-match? @match "(?m)^[ \\t]*(pub[ \\t]+)?use[ \\t]+(::)?std::env::(set_var\\b|\\{[^}]*\\bset_var\\b)"))

((call_expression
  function: (identifier) @_fn
  arguments: (arguments
    .
    (_) @target)) @match
  (#eq? @_fn "remove_var")
  (#file-match? @match "(?m)^[ \\t]*(pub[ \\t]+)?use[ \\t]+(::)?std::env::(remove_var\\b|\\{[^}]*\\bremove_var\\b)")
  (#set! message "removes environment variable `{target}` from the whole process: every thread and library in it, and every child process started afterwards, loses it"))
