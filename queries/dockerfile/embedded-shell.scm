; RUN in shell form is a shell script; in exec form, the command its JSON array spells.
(run_instruction
  (shell_command) @shell)

(run_instruction
  (json_string_array) @argv)
