; Every recipe line of a rule is a shell command line.
(recipe_line) @shell

; `$(shell ...)` runs its text through the shell when the Makefile is read.
(shell_function
  (shell_command) @shell)
