; os.RemoveAll on a path computed at run time: a variable or field (`os.RemoveAll(dir)`,
; `os.RemoveAll(cfg.OutputDir)`), a join (`filepath.Join(root, name)`), a format
; (`fmt.Sprintf("/srv/%s", v)`), a concatenation, an index (`dirs[i]`) or any other call.
; String literals and joins of literals only are fixed paths and stay quiet, and so are
; scratch directories: a deferred RemoveAll (the cleanup of a directory made in the same
; function, almost always `os.MkdirTemp`) and tmp-named variables and fields (`tmpDir`,
; `s.tempRoot`, `filepath.Join(tmp, "x")`, `t.TempDir()`, paths below `os.TempDir()`).
((_
  (call_expression
    function: (selector_expression
      operand: (identifier) @_pkg
      field: (field_identifier) @_fn)
    arguments: (argument_list
      .
      (_) @target
      .)) @match) @_parent
  (#eq? @_pkg "os")
  (#eq? @_fn "RemoveAll")
  (#not-kind? @target "interpreted_string_literal" "raw_string_literal" "comment" "nil")
  (#not-match? @target "^(filepath\\.Join\\(\\s*|path\\.Join\\(\\s*)?([A-Za-z_][A-Za-z0-9_]*\\.)*_*([Tt]mp|TMP|[Tt]emp(orary)?|TEMP)(dir|path|root)?([^a-z]|$)")
  (#not-match? @target "^(file)?path\\.Join\\((\\s*(\"[^\"]*\"|`[^`]*`)\\s*,?)*\\s*\\)$")
  (#not-kind? @_parent "defer_statement"))

; os.RemoveAll(os.TempDir()): not a scratch directory of this program but the shared temporary
; directory of the host (`/tmp`, or `$TMPDIR`), with every other program's files in it.
((call_expression
  function: (selector_expression
    operand: (identifier) @_pkg
    field: (field_identifier) @_fn)
  arguments: (argument_list
    .
    (call_expression) @target
    .)) @match
  (#eq? @_pkg "os")
  (#eq? @_fn "RemoveAll")
  (#eq? @target "os.TempDir()")
  (#set! message "recursively deletes `os.TempDir()`, the shared temporary directory of the host (`/tmp` or `$TMPDIR`), with the files of every other program and user in it"))
