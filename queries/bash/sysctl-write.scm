; sysctl with a key=value operand: -w writes, and procps sysctl (like the BSD one) also writes a
; bare key=value. Reading (`sysctl -n key`, `sysctl -a`) and loading the reviewed files
; (`sysctl -p`, `sysctl --system`) do not match.
((command) @match
  (#cmd? @match "sysctl")
  (#arg? @match "^[\"']?[A-Za-z0-9_.*/-]+[ \\t]*="))

; A write into /proc/sys with a redirection: echo 1 > /proc/sys/net/ipv4/ip_forward.
((file_redirect
  [
    ">"
    ">>"
    ">|"
  ]
  destination: (_) @target) @match
  (#match? @target "^[\"']?/proc/sys/"))

; The same through tee, as used with sudo: echo 0 | sudo tee /proc/sys/kernel/yama/ptrace_scope.
((command) @match
  (#cmd? @match "tee")
  (#arg? @match "^[\"']?/proc/sys/"))
