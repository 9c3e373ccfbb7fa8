; google-cloud-storage, in a file that imports it.

; bucket.delete(force=True): deletes every object, then the bucket (the client refuses when the
; bucket holds more than 256 objects).
((call
  function: (attribute
    object: (_) @target
    attribute: (identifier) @_method)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_key
      value: (true)))) @match
  (#eq? @_method "delete")
  (#eq? @_key "force")
  (#file-match? @match "(?m)^[ \\t]*(from[ \\t]+google\\.cloud[ \\t]+import[ \\t]+[^\\n]*\\bstorage\\b|import[ \\t]+google\\.cloud\\.storage\\b|from[ \\t]+google\\.cloud\\.storage\\b)")
  (#set! message "`{target}.delete(force=True)` deletes every object in the Cloud Storage bucket and then the bucket itself"))

; bucket.delete_blobs(bucket.list_blobs(...)) or client.list_blobs(...) as the argument: deletes
; everything the listing returns, the whole bucket when no prefix narrows it.
((call
  function: (attribute
    object: (_) @target
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (_) @_blobs)) @match
  (#eq? @_method "delete_blobs")
  (#match? @_blobs "\\blist_blobs\\(")
  (#file-match? @match "(?m)^[ \\t]*(from[ \\t]+google\\.cloud[ \\t]+import[ \\t]+[^\\n]*\\bstorage\\b|import[ \\t]+google\\.cloud\\.storage\\b|from[ \\t]+google\\.cloud\\.storage\\b)")
  (#set! message "`delete_blobs` over a `list_blobs` listing deletes every object the listing returns from `{target}`: the whole bucket when no prefix narrows it"))
