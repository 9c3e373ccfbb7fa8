; format X: writes a new filesystem over the volume; `diskpart /s script` can clean whole disks
; but its script is another file, so only format is matched.
((cmd
  (command_name) @_name
  (argument_list
    (argument_value) @target)) @match
  (#match? @_name "(?i)^format(\\.com)?$")
  (#match? @target "^[A-Za-z]:$")
  (#set! message "`format {target}` writes a new filesystem over the volume: every file on it is lost"))
