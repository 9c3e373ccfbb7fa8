; std::fs::remove_dir_all / tokio::fs::remove_dir_all (also async_std::fs, and the function
; imported with `use std::fs::remove_dir_all`) on a path computed at run time: a variable or
; field, a reference to one (`&self.root`), a join (`base.join("x")`), a `format!`, or any other
; call. String literals and `Path::new` / `PathBuf::from` of a literal are fixed paths and stay
; quiet, and so are scratch directories: tmp-named variables and fields (`tmp`, `temp_dir`,
; `self.tmp_root`, `tmp.path()`) and paths built inline from `tempfile::tempdir()` or
; `TempDir::new()`.
((call_expression
  function: (scoped_identifier
    path: [
      (identifier)
      (scoped_identifier)
    ] @_path
    name: (identifier) @_fn)
  arguments: (arguments
    .
    (_) @target
    .)) @match
  (#eq? @_fn "remove_dir_all")
  (#match? @_path "^((std|tokio|async_std)::)?fs$")
  (#not-kind? @target "string_literal" "raw_string_literal" "line_comment" "block_comment")
  (#not-match? @target "^&?\\s*((self|[a-z_][a-z0-9_]*)\\.)*_*(tmp|TMP|temp(orary)?|TEMP|Tmp|Temp)(_?(dir|path|root))?([^a-z]|$)")
  (#not-match? @target "^&?\\s*((std::)?path::)?(Path::new|PathBuf::from)\\(\\s*r?#*\"[^\"{}]*\"#*\\s*\\)$")
  (#not-match? @target "\\b(tempdir|tempdir_in|TempDir::new|TempDir::new_in|Builder::new)\\("))

; The function imported by name: `use std::fs::remove_dir_all;` then `remove_dir_all(&dir)`.
((call_expression
  function: (identifier) @_fn
  arguments: (arguments
    .
    (_) @target
    .)) @match
  (#eq? @_fn "remove_dir_all")
  (#not-kind? @target "string_literal" "raw_string_literal" "line_comment" "block_comment")
  (#not-match? @target "^&?\\s*((self|[a-z_][a-z0-9_]*)\\.)*_*(tmp|TMP|temp(orary)?|TEMP|Tmp|Temp)(_?(dir|path|root))?([^a-z]|$)")
  (#not-match? @target "^&?\\s*((std::)?path::)?(Path::new|PathBuf::from)\\(\\s*r?#*\"[^\"{}]*\"#*\\s*\\)$")
  (#not-match? @target "\\b(tempdir|tempdir_in|TempDir::new|TempDir::new_in|Builder::new)\\(")
  (#file-match? @match "(?m)^[ \\t]*(pub[ \\t]+)?use[ \\t]+(std|tokio|async_std)::fs::(remove_dir_all\\b|\\{[^}]*\\bremove_dir_all\\b)"))
