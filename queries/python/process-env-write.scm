; Writes to the environment of the running process. Reads (`os.environ.get("X")`,
; `os.environ["X"]` as a value) and `os.environ.setdefault`, which never overrides a value that is
; already set, stay quiet.

; os.environ["X"] = value (also os.environb).
((assignment
  left: (subscript
    value: (attribute) @_env
    subscript: (_) @target)) @match
  (#match? @_env "^os\\.environb?$"))

; os.environ["PATH"] += ":/opt/tool/bin"
((augmented_assignment
  left: (subscript
    value: (attribute) @_env
    subscript: (_) @target)) @match
  (#match? @_env "^os\\.environb?$"))

; os.environ |= {"A": "1"}
((augmented_assignment
  left: (attribute) @_env
  right: (_) @target) @match
  (#match? @_env "^os\\.environb?$")
  (#set! message "merges `{target}` into the environment of the whole process: every thread and library in it, and every child process started afterwards, sees the new values"))

; os.environ = {...}: rebinds the name without touching the real environment (bugbear B003).
((assignment
  left: (attribute) @target) @match
  (#match? @target "^os\\.environb?$")
  (#set! message "rebinds `{target}`: code in this process now reads the new mapping while the real environment, which child processes inherit, keeps the old values"))

; del os.environ["X"], del os.environ["A"], os.environ["B"]
((delete_statement
  [
    (subscript
      value: (attribute) @_env
      subscript: (_) @target)
    (expression_list
      (subscript
        value: (attribute) @_env
        subscript: (_) @target))
  ]) @match
  (#match? @_env "^os\\.environb?$")
  (#set! message "removes environment variable `{target}` from the whole process and from every child process started afterwards"))

; os.environ.update({...}), os.environ.update(A="1")
((call
  function: (attribute
    object: (attribute) @_env
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#match? @_env "^os\\.environb?$")
  (#eq? @_method "update")
  (#set! message "updates the environment of the whole process with `{target}`: every thread and library in it, and every child process started afterwards, sees the new values"))

; os.environ.pop("X"), os.environ.__delitem__("X")
((call
  function: (attribute
    object: (attribute) @_env
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#match? @_env "^os\\.environb?$")
  (#any-of? @_method "pop" "__delitem__")
  (#set! message "removes environment variable `{target}` from the whole process and from every child process started afterwards"))

; os.environ.__setitem__("X", value)
((call
  function: (attribute
    object: (attribute) @_env
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#match? @_env "^os\\.environb?$")
  (#eq? @_method "__setitem__"))

; os.environ.clear(), os.environ.popitem()
((call
  function: (attribute
    object: (attribute) @_env
    attribute: (identifier) @_method)) @match
  (#match? @_env "^os\\.environb?$")
  (#any-of? @_method "clear" "popitem")
  (#set! message "removes variables from the environment of the whole process (`clear()` empties it): `PATH`, `HOME`, locale and proxy settings are gone for every library and child process"))

; os.putenv("X", value): changes the real environment behind os.environ's back.
((call
  function: (attribute
    object: (identifier) @_os
    attribute: (identifier) @_fn)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#eq? @_os "os")
  (#eq? @_fn "putenv")
  (#set! message "sets environment variable `{target}` in the real environment of the process without updating `os.environ`: child processes see the new value, code reading `os.environ` does not"))

; os.unsetenv("X")
((call
  function: (attribute
    object: (identifier) @_os
    attribute: (identifier) @_fn)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#eq? @_os "os")
  (#eq? @_fn "unsetenv")
  (#set! message "removes environment variable `{target}` from the real environment of the process without updating `os.environ`: child processes lose it, code reading `os.environ` still sees it"))

; `from os import environ`, then environ["X"] = value. A bare `environ` elsewhere is usually a WSGI
; request dictionary, so the import must be in the file.
((assignment
  left: (subscript
    value: (identifier) @_env
    subscript: (_) @target)) @match
  (#eq? @_env "environ")
  (#file-match? @match "(?m)^[ \\t]*from[ \\t]+os[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\benviron\\b"))

; `from os import environ`, then del environ["X"].
((delete_statement
  (subscript
    value: (identifier) @_env
    subscript: (_) @target)) @match
  (#eq? @_env "environ")
  (#file-match? @match "(?m)^[ \\t]*from[ \\t]+os[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\benviron\\b")
  (#set! message "removes environment variable `{target}` from the whole process and from every child process started afterwards"))

; `from os import environ`, then environ.update(...) / environ.pop(...).
((call
  function: (attribute
    object: (identifier) @_env
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#eq? @_env "environ")
  (#any-of? @_method "update" "pop")
  (#file-match? @match "(?m)^[ \\t]*from[ \\t]+os[ \\t]+import[ \\t]*(\\([^)]*|[^\\n]*)\\benviron\\b")
  (#set! message "changes the environment of the whole process (`{target}`): every thread and library in it, and every child process started afterwards, sees the change"))
