; Format-Volume writes a new filesystem over a volume; Clear-Disk removes every partition (and,
; with -RemoveData, the data) of a disk; Remove-Partition deletes one. The legacy `format X:`
; (format.com) does what Format-Volume does.
((command
  command_name: (command_name) @_name) @match
  (#match? @_name "(?i)^(format-volume|clear-disk|remove-partition)$")
  (#set! message "`{target}` replaces the filesystem or partitions of a disk: every file on it is lost"))

((command
  command_name: (command_name) @_name
  command_elements: (command_elements
    (generic_token) @target)) @match
  (#match? @_name "(?i)^format(\\.com)?$")
  (#match? @target "^[A-Za-z]:$")
  (#set! message "`format {target}` writes a new filesystem over the volume: every file on it is lost"))
