; `sh -c "script"` (also through sudo, env, ...): the script is shell too.
((command
  argument: (word) @_flag
  .
  argument: [
    (string)
    (raw_string)
    (word)
  ] @shell) @_command
  (#cmd? @_command "sh" "bash" "zsh" "dash" "ksh" "ash")
  (#eq? @_flag "-c"))
