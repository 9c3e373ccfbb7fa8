; redis-cli [connection options] FLUSHALL|FLUSHDB [ASYNC|SYNC]: the command name is an operand of
; redis-cli, in any case. Connection options with values (-h host, -n 2) come before it.
((command) @match
  (#cmd? @match "redis-cli" "valkey-cli" "keydb-cli")
  (#arg? @match "^[\"']?(?i:flushall|flushdb)[\"']?$"))
