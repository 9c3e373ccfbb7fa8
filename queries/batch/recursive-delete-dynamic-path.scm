; rmdir /S (rd /S) and del /S on a path that starts with a variable (%VAR%, !VAR!, %1, %~1, a
; for variable %%d) whose value is only known at run time; %~dp0 (the script's own directory)
; does not count. Options may come before or after the path, hence two patterns.
((cmd
  (command_name) @_name
  (argument_list
    (command_option) @_flag
    [
      (string)
      (variable_reference)
      (argument_value)
    ] @target)) @match
  (#match? @_name "(?i)^(rmdir|rd|del|erase)$")
  (#match? @_flag "(?i)^/s$")
  (#match? @target "^\"?(%[^%~]|%~[^d]|%%|!)")
  (#not-match? @target "(?i)^\"?%~dp0"))

((cmd
  (command_name) @_name
  (argument_list
    [
      (string)
      (variable_reference)
      (argument_value)
    ] @target
    (command_option) @_flag)) @match
  (#match? @_name "(?i)^(rmdir|rd|del|erase)$")
  (#match? @_flag "(?i)^/s$")
  (#match? @target "^\"?(%[^%~]|%~[^d]|%%|!)")
  (#not-match? @target "(?i)^\"?%~dp0"))

; rmdir /S or del /S on a drive root, the root of the current drive, or a top-level system
; directory, written literally.
((cmd
  (command_name) @_name
  (argument_list
    (command_option) @_flag
    [
      (string)
      (argument_value)
    ] @target)) @match
  (#match? @_name "(?i)^(rmdir|rd|del|erase)$")
  (#match? @_flag "(?i)^/s$")
  (#match? @target "(?i)^\"?([a-z]:\\\\?\\*?|\\\\\\*?|[a-z]:\\\\(windows|users|program files|program files \\(x86\\)|programdata)\\\\?\\*?)\"?$")
  (#set! message "`{target}` and everything below it is deleted: a drive root or a system directory of the host"))

((cmd
  (command_name) @_name
  (argument_list
    [
      (string)
      (argument_value)
    ] @target
    (command_option) @_flag)) @match
  (#match? @_name "(?i)^(rmdir|rd|del|erase)$")
  (#match? @_flag "(?i)^/s$")
  (#match? @target "(?i)^\"?([a-z]:\\\\?\\*?|\\\\\\*?|[a-z]:\\\\(windows|users|program files|program files \\(x86\\)|programdata)\\\\?\\*?)\"?$")
  (#set! message "`{target}` and everything below it is deleted: a drive root or a system directory of the host"))
