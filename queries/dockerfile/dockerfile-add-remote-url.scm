; ADD with an http(s) URL as a source and no --checksum=: the build downloads whatever the server
; returns at that moment and bakes it into the image. A git URL pinned to a full commit hash
; (`repo.git#<40 hex digits>`) is content-addressed and stays quiet, as do local sources, COPY and
; URLs held in a variable (their value is not known here). The destination is a path in the
; image, never a URL, so any path that is a URL is a source; the finding is the URL.

; ADD [--flags] https://host/file /dest (sources and destination may sit on continuation lines).
((add_instruction
  (path) @target @match) @_add
  (#match? @target "^(?i:https?)://")
  (#not-match? @target "\\.git#[0-9a-fA-F]{40}$")
  (#not-match? @_add "(?:^|\\s)--checksum="))

; Exec form: ADD [--flags] ["https://host/file", "/dest"].
((add_instruction
  (json_string_array
    (json_string) @target @match)) @_add
  (#match? @target "^\"(?i:https?)://")
  (#not-match? @target "\\.git#[0-9a-fA-F]{40}\"$")
  (#not-match? @_add "(?:^|\\s)--checksum="))
