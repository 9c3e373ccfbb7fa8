; shutil.rmtree (or rmtree imported from shutil) on a path computed at run time. Plain string
; literals are left alone, and so are names bound in the same scope to a plain string literal
; (`dist = "dist"`) and scratch directories: a name bound in the same scope to
; tempfile.mkdtemp() / TemporaryDirectory() / mktemp(), and tmp-named variables and attributes
; (pytest's tmp_path, a test's self.tmpdir).
;
; The path, or the name it is built from, is a variable or an attribute: `rmtree(build_dir)`,
; `rmtree(self.root)`, `rmtree(f"{base}/x")`, `rmtree(base / "x")`, `rmtree(base / a / b)`,
; `rmtree(Path(base) / "x")`, `rmtree(os.path.join(base, "x"))`, `rmtree(str(base))`.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    [
      (identifier) @_base
      (attribute) @_base
      (string
        .
        (string_start)
        .
        (interpolation
          expression: [
            (identifier)
            (attribute)
          ] @_base))
      (binary_operator
        left: [
          (identifier)
          (attribute)
        ] @_base)
      (binary_operator
        left: (binary_operator
          left: [
            (identifier)
            (attribute)
          ] @_base))
      (binary_operator
        left: (call
          arguments: (argument_list
            .
            [
              (identifier)
              (attribute)
            ] @_base)))
      (call
        arguments: (argument_list
          .
          [
            (identifier)
            (attribute)
          ] @_base))
    ] @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#not-match? @_base "^((self|cls)\\.)?_*([Tt]mp|[Tt]emp(orary)?)($|[_0-9A-Z]|dir|path|folder)")
  (#not-bound-to? @_base "\\b(mkdtemp|mktemp|TemporaryDirectory)\\s*\\(")
  (#not-bound-to? @_base "^[rRbBuU]?(\"[^\"{}]*\"|'[^'{}]*')$")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; The same through the keyword: `rmtree(path=build_dir)`.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_kw
      value: [
        (identifier)
        (attribute)
      ] @target))) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#eq? @_kw "path")
  (#not-match? @target "^((self|cls)\\.)?_*([Tt]mp|[Tt]emp(orary)?)($|[_0-9A-Z]|dir|path|folder)")
  (#not-bound-to? @target "\\b(mkdtemp|mktemp|TemporaryDirectory)\\s*\\(")
  (#not-bound-to? @target "^[rRbBuU]?(\"[^\"{}]*\"|'[^'{}]*')$")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; Any other computed expression: a subscript (`rmtree(cfg["out"])`), a conditional, a splat
; (`rmtree(*args)`), a parenthesised expression.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (_) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#not-kind? @target "identifier" "attribute" "string" "concatenated_string" "binary_operator" "call" "keyword_argument" "comment" "none" "integer")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; An f-string with a literal prefix: `rmtree(f"/srv/{name}")` (an empty name deletes /srv/).
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (string
      .
      (string_start)
      .
      (string_content)
      (interpolation)) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; An f-string that starts with an expression other than a name: `rmtree(f"{get_root()}/x")`.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (string
      .
      (string_start)
      .
      (interpolation
        expression: (_) @_expr)) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#not-kind? @_expr "identifier" "attribute")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; A concatenation or `/` join whose left side is not a name: `rmtree("build/" + name)`,
; `rmtree(cfg["root"] / "cache")`.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (binary_operator
      left: (_) @_left) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#not-kind? @_left "identifier" "attribute" "binary_operator" "call")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; A two-level join that does not start from a name: `rmtree(Path.home() / ".cache" / app)`.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (binary_operator
      left: (binary_operator
        left: (_) @_left)) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#not-kind? @_left "identifier" "attribute")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; A join onto a call whose first argument is not a name: `rmtree(Path(os.getcwd()) / "out")`;
; `Path("docs") / "_build"`, all literals, stays quiet.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (binary_operator
      left: (call
        arguments: (argument_list
          .
          (_) @_arg))) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#not-kind? @_arg "identifier" "attribute")
  (#not-match? @target "^(pathlib\\.)?(Pure)?Path\\(\\s*[rRbBuU]?(\"[^\"{}]*\"|'[^'{}]*')\\s*\\)(\\s*/\\s*[rRbBuU]?(\"[^\"{}]*\"|'[^'{}]*'))*$")
  (#not-match? @target "\\b(mkdtemp|mktemp|TemporaryDirectory)\\s*\\(")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; A join onto a call without arguments: `rmtree(Path.home() / ".cache")`, `Path.cwd() / "x"`.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (binary_operator
      left: (call
        arguments: (argument_list) @_args)) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#eq? @_args "()")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; A call whose first argument is not a name: `rmtree(os.path.expanduser("~/.cache"))`,
; `rmtree(os.path.join(settings["root"], "x"))`; a Path or os.path.join of string literals only
; is a fixed path and stays quiet.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (call
      arguments: (argument_list
        .
        (_) @_arg)) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#not-kind? @_arg "identifier" "attribute")
  (#not-match? @target "^((pathlib\\.)?(Pure)?Path|os\\.path\\.join)\\(\\s*([rRbBuU]?(\"[^\"{}]*\"|'[^'{}]*')\\s*(,\\s*)?)*\\)$")
  (#not-match? @target "\\b(mkdtemp|mktemp|TemporaryDirectory)\\s*\\(")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))

; A call without arguments: `rmtree(os.getcwd())`, `rmtree(get_cache_dir())`.
((call
  function: [
    (identifier)
    (attribute)
  ] @_fn
  arguments: (argument_list
    .
    (call
      arguments: (argument_list) @_args) @target)) @match
  (#match? @_fn "^(shutil\\.)?rmtree$")
  (#eq? @_args "()")
  (#not-match? @target "\\b(mkdtemp|mktemp|TemporaryDirectory)\\s*\\(")
  (#file-match? @match "(?m)^[ \\t]*(import[ \\t][^\\n]*\\bshutil\\b|from[ \\t]+shutil[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\brmtree\\b)"))
