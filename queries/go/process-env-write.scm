; os.Setenv / syscall.Setenv: the process environment (read by every goroutine and package, and
; inherited by every child process started afterwards without its own Env). `t.Setenv` in tests
; is restored when the test ends, so only the `os` and `syscall` packages match.
((call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_fn)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#any-of? @_pkg "os" "syscall")
  (#eq? @_fn "Setenv"))

; os.Unsetenv / syscall.Unsetenv.
((call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_fn)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#any-of? @_pkg "os" "syscall")
  (#eq? @_fn "Unsetenv")
  (#set! message "removes environment variable `{target}` from the whole process: every goroutine and package in it, and every child process started afterwards, loses it"))

; os.Clearenv / syscall.Clearenv: empties the environment.
((call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_fn)) @match
  (#any-of? @_pkg "os" "syscall")
  (#eq? @_fn "Clearenv")
  (#set! message "empties the environment of the whole process: `PATH`, `HOME`, locale, proxy and credential variables are gone for every goroutine, package and child process started afterwards"))
