; client.delete_bucket(Bucket=NAME) in a file that imports boto3 (or aioboto3, botocore).
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_key
      value: (_) @target))) @match
  (#eq? @_method "delete_bucket")
  (#eq? @_key "Bucket")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`delete_bucket` deletes the S3 bucket `{target}`: its policy and settings are lost and its globally unique name can be registered by any other AWS account"))

; The same call without a Bucket= keyword (arguments from **params).
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list) @_args) @match
  (#eq? @_method "delete_bucket")
  (#not-match? @_args "\\bBucket\\s*=")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`delete_bucket` deletes an S3 bucket: its policy and settings are lost and its globally unique name can be registered by any other AWS account"))

; The resource form: s3.Bucket(NAME).delete().
((call
  function: (attribute
    object: (call
      function: (attribute
        attribute: (identifier) @_class)
      arguments: (argument_list
        .
        (_) @target))
    attribute: (identifier) @_method)) @match
  (#eq? @_class "Bucket")
  (#eq? @_method "delete")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`Bucket({target}).delete()` deletes the S3 bucket: its policy and settings are lost and its globally unique name can be registered by any other AWS account"))
