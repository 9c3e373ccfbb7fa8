; kill SIGNAL -1, kill -- -1, kill -s SIG -1: the last word is -1 (the grammar reads it as a
; number) and at least one word comes before it, so `kill -1 1234` (signal 1, HUP, to PID 1234)
; and a bare `kill -1` stay quiet.
((command
  argument: (_)
  .
  argument: [
    (number)
    (word)
  ] @_pid .) @match
  (#cmd? @match "kill")
  (#eq? @_pid "-1"))
