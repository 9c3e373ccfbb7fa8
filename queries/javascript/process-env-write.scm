; Writes to the environment of the running Node process. Reads (`process.env.X`,
; `const { PORT } = process.env`, `{ ...process.env, X: "1" }` passed to a child) stay quiet.

; process.env.X = value
((assignment_expression
  left: (member_expression
    object: (member_expression) @_env
    property: (property_identifier) @target)) @match
  (#eq? @_env "process.env"))

; process.env["X"] = value, process.env[name] = value
((assignment_expression
  left: (subscript_expression
    object: (member_expression) @_env
    index: (_) @target)) @match
  (#eq? @_env "process.env"))

; process.env.PATH += ":/opt/tool/bin". `??=` only fills a variable that is unset, like Python's
; setdefault, and stays quiet.
((augmented_assignment_expression
  left: (member_expression
    object: (member_expression) @_env
    property: (property_identifier) @target)
  operator: _ @_op) @match
  (#eq? @_env "process.env")
  (#not-eq? @_op "??="))

; process.env["PATH"] += ":/opt/tool/bin"
((augmented_assignment_expression
  left: (subscript_expression
    object: (member_expression) @_env
    index: (_) @target)
  operator: _ @_op) @match
  (#eq? @_env "process.env")
  (#not-eq? @_op "??="))

; process.env = {...}: replaces the object every later read and every child process spawned
; without an explicit `env` option sees.
((assignment_expression
  left: (member_expression) @target) @match
  (#eq? @target "process.env")
  (#set! message "replaces `process.env` as a whole: every later read in the process, and every child process spawned without its own `env`, sees only the new mapping"))

; delete process.env.X
((unary_expression
  operator: "delete"
  argument: (member_expression
    object: (member_expression) @_env
    property: (property_identifier) @target)) @match
  (#eq? @_env "process.env")
  (#set! message "removes environment variable `{target}` from the whole process and from every child process started afterwards"))

; delete process.env["X"]
((unary_expression
  operator: "delete"
  argument: (subscript_expression
    object: (member_expression) @_env
    index: (_) @target)) @match
  (#eq? @_env "process.env")
  (#set! message "removes environment variable `{target}` from the whole process and from every child process started afterwards"))

; Object.assign(process.env, overrides): the usual hand-written dotenv loader.
((call_expression
  function: (member_expression) @_fn
  arguments: (arguments
    .
    (member_expression) @_env
    .
    (_) @target)) @match
  (#eq? @_fn "Object.assign")
  (#eq? @_env "process.env")
  (#set! message "merges `{target}` into the environment of the whole process: every library in it, and every child process started afterwards, sees the new values"))
