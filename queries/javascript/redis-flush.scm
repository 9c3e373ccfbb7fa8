; node-redis (flushAll, flushDb, FLUSHALL, FLUSHDB) and ioredis (flushall, flushdb) in a file that
; imports or requires one of them.
((call_expression
  function: (member_expression
    object: (_) @_client
    property: (property_identifier) @_method)) @match
  (#any-of? @_method "flushAll" "flushDb" "flushall" "flushdb" "FLUSHALL" "FLUSHDB")
  (#not-eq? @_client "this")
  (#file-match? @match "['\"](redis|ioredis|@redis/client|iovalkey|@valkey/valkey-glide)['\"]"))
