; AWS SDK for JavaScript v3: new DeleteBucketCommand({ Bucket: NAME }) in a file that imports
; @aws-sdk/client-s3 (Lightsail has a DeleteBucketCommand of its own, for its own buckets).
((new_expression
  constructor: [
    (identifier)
    (member_expression
      property: (property_identifier))
  ] @_class
  arguments: (arguments
    .
    (object
      (pair
        key: (property_identifier) @_key
        value: (_) @target)))) @match
  (#match? @_class "(^|\\.)DeleteBucketCommand$")
  (#eq? @_key "Bucket")
  (#file-match? @match "['\"]@aws-sdk/client-s3['\"]")
  (#set! message "`DeleteBucketCommand` deletes the S3 bucket `{target}`: its policy and settings are lost and its globally unique name can be registered by any other AWS account"))

; The same command built from a variable: new DeleteBucketCommand(params).
((new_expression
  constructor: [
    (identifier)
    (member_expression
      property: (property_identifier))
  ] @_class
  arguments: (arguments) @_args) @match
  (#match? @_class "(^|\\.)DeleteBucketCommand$")
  (#not-match? @_args "\\bBucket\\s*:")
  (#file-match? @match "['\"]@aws-sdk/client-s3['\"]")
  (#set! message "`DeleteBucketCommand` deletes an S3 bucket: its policy and settings are lost and its globally unique name can be registered by any other AWS account"))

; v2 (`aws-sdk`) and the v3 aggregated client: s3.deleteBucket({ Bucket: NAME }).
((call_expression
  function: (member_expression
    object: (_) @_client
    property: (property_identifier) @_method)
  arguments: (arguments
    .
    (object
      (pair
        key: (property_identifier) @_key
        value: (_) @target)))) @match
  (#eq? @_method "deleteBucket")
  (#eq? @_key "Bucket")
  (#not-eq? @_client "this")
  (#file-match? @match "['\"](aws-sdk(/clients/s3)?|@aws-sdk/client-s3)['\"]")
  (#set! message "`deleteBucket` deletes the S3 bucket `{target}`: its policy and settings are lost and its globally unique name can be registered by any other AWS account"))

; The same call with its parameters in a variable: s3.deleteBucket(params).promise().
((call_expression
  function: (member_expression
    object: (_) @_client
    property: (property_identifier) @_method)
  arguments: (arguments) @_args) @match
  (#eq? @_method "deleteBucket")
  (#not-match? @_args "\\bBucket\\s*:")
  (#not-eq? @_client "this")
  (#file-match? @match "['\"](aws-sdk(/clients/s3)?|@aws-sdk/client-s3)['\"]")
  (#set! message "`deleteBucket` deletes an S3 bucket: its policy and settings are lost and its globally unique name can be registered by any other AWS account"))
