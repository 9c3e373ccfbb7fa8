; redis-py (sync and asyncio), valkey-py and the old aioredis: client.flushall() / flushdb(), in a
; file that imports one of them. A client bound to fakeredis (an in-process fake) stays quiet.
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)) @match
  (#any-of? @_method "flushall" "flushdb")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(redis|valkey|aioredis|coredis)\\b")
  (#not-bound-to? @_client "fakeredis\\."))
