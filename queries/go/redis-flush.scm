; go-redis (github.com/redis/go-redis and the older github.com/go-redis/redis) and rueidis'
; go-redis adapter: rdb.FlushAll(ctx), FlushDB, FlushAllAsync, FlushDBAsync.
((call_expression
  function: (selector_expression
    field: (field_identifier) @_method)) @match
  (#any-of? @_method "FlushAll" "FlushDB" "FlushAllAsync" "FlushDBAsync")
  (#file-match? @match "\"github\\.com/(redis/go-redis|go-redis/redis|redis/rueidis)[^\"]*\""))
