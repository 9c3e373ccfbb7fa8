; bucket.objects.delete(): the batch action of a boto3 S3 collection, in a file that imports
; boto3. Receivers named like a class (Photo.objects), model or cls are Django managers.
((call
  function: (attribute
    object: (attribute
      object: (_) @target
      attribute: (identifier) @_collection)
    attribute: (identifier) @_method)) @match
  (#eq? @_collection "objects")
  (#eq? @_method "delete")
  (#not-match? @target "(^|\\.)([A-Z]\\w*|_?model|cls)$")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b"))

; bucket.objects.all().delete(), bucket.objects.filter(Prefix=...).delete() and the other
; collection selectors.
((call
  function: (attribute
    object: (call
      function: (attribute
        object: (attribute
          object: (_) @target
          attribute: (identifier) @_collection)
        attribute: (identifier) @_selector))
    attribute: (identifier) @_method)) @match
  (#eq? @_collection "objects")
  (#any-of? @_selector "all" "filter" "limit" "page_size")
  (#eq? @_method "delete")
  (#not-match? @target "(^|\\.)([A-Z]\\w*|_?model|cls)$")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b"))

; bucket.object_versions.delete(): every version and delete marker, which bypasses versioning.
((call
  function: (attribute
    object: (attribute
      object: (_) @target
      attribute: (identifier) @_collection)
    attribute: (identifier) @_method)) @match
  (#eq? @_collection "object_versions")
  (#eq? @_method "delete")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`object_versions.delete()` permanently deletes every version of every object in `{target}`: versioning cannot bring them back"))

; bucket.object_versions.all().delete() and .filter(...).delete().
((call
  function: (attribute
    object: (call
      function: (attribute
        object: (attribute
          object: (_) @target
          attribute: (identifier) @_collection)
        attribute: (identifier) @_selector))
    attribute: (identifier) @_method)) @match
  (#eq? @_collection "object_versions")
  (#any-of? @_selector "all" "filter" "limit" "page_size")
  (#eq? @_method "delete")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`object_versions` batch delete permanently deletes every matching version of the objects in `{target}`: versioning cannot bring them back"))
