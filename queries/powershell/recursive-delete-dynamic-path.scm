; Remove-Item -Recurse (or an alias: rm, ri, del, erase, rd, rmdir; -Recurse may be shortened to
; -r) on a path that starts with a variable, an expandable string starting with one, or a
; subexpression. Parameters come in any order, hence two patterns. `$PSScriptRoot` (the script's
; own directory, always set when a script runs) does not count as unknown, nor does the pipeline
; item `$_` / `$PSItem` (`Get-ChildItem | ForEach-Object { Remove-Item $_.FullName -Recurse }`):
; an entry a listing just returned, never empty or a root.
((command
  command_name: (command_name) @_name
  command_elements: (command_elements
    (command_parameter) @_flag
    (array_literal_expression) @target)) @match
  (#match? @_name "(?i)^(remove-item|rm|ri|del|erase|rd|rmdir)$")
  (#match? @_flag "(?i)^-r(e(c(u(r(se?)?)?)?)?)?$")
  (#match? @target "^\"?\\$")
  (#not-match? @target "(?i)^\"?\\$(PSScriptRoot|null|true|false)\\b")
  (#not-match? @target "(?i)^\"?(\\$\\()?\\$(_|PSItem)\\b"))

((command
  command_name: (command_name) @_name
  command_elements: (command_elements
    (array_literal_expression) @target
    (command_parameter) @_flag)) @match
  (#match? @_name "(?i)^(remove-item|rm|ri|del|erase|rd|rmdir)$")
  (#match? @_flag "(?i)^-r(e(c(u(r(se?)?)?)?)?)?$")
  (#match? @target "^\"?\\$")
  (#not-match? @target "(?i)^\"?\\$(PSScriptRoot|null|true|false)\\b")
  (#not-match? @target "(?i)^\"?(\\$\\()?\\$(_|PSItem)\\b"))

; [System.IO.Directory]::Delete($path, $true): the .NET recursive delete.
((invokation_expression) @match
  (#match? @match "(?i)^\\[(System\\.)?IO\\.Directory\\]::Delete\\(\\s*[^,)]+,\\s*\\$true\\s*\\)$")
  (#not-match? @match "(?i)^[^(]+\\(\\s*['\"][^$]*['\"]\\s*,"))

; Remove-Item -Recurse (or an alias) on a drive root, the root of the current drive, the home
; directory or a top-level system directory, written literally.
((command
  command_name: (command_name) @_name
  command_elements: (command_elements
    (command_parameter) @_flag
    [
      (generic_token)
      (array_literal_expression)
    ] @target)) @match
  (#match? @_name "(?i)^(remove-item|rm|ri|del|erase|rd|rmdir)$")
  (#match? @_flag "(?i)^-r(e(c(u(r(se?)?)?)?)?)?$")
  (#match? @target "(?i)^[\"']?([a-z]:[\\\\/]?|[a-z]:[\\\\/]\\*|[\\\\/]\\*?|~[\\\\/]?\\*?|[a-z]:[\\\\/](windows|users|program files|program files \\(x86\\)|programdata)[\\\\/]?\\*?)[\"']?$")
  (#set! message "`Remove-Item -Recurse` on `{target}`: deletes a drive root, a system or a home directory of the host"))

((command
  command_name: (command_name) @_name
  command_elements: (command_elements
    [
      (generic_token)
      (array_literal_expression)
    ] @target
    (command_parameter) @_flag)) @match
  (#match? @_name "(?i)^(remove-item|rm|ri|del|erase|rd|rmdir)$")
  (#match? @_flag "(?i)^-r(e(c(u(r(se?)?)?)?)?)?$")
  (#match? @target "(?i)^[\"']?([a-z]:[\\\\/]?|[a-z]:[\\\\/]\\*|[\\\\/]\\*?|~[\\\\/]?\\*?|[a-z]:[\\\\/](windows|users|program files|program files \\(x86\\)|programdata)[\\\\/]?\\*?)[\"']?$")
  (#set! message "`Remove-Item -Recurse` on `{target}`: deletes a drive root, a system or a home directory of the host"))
