; AWS SDK for Go (v2 and v1) DeleteBucket with the input written inline:
; `client.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String(name)})` (v2),
; `svc.DeleteBucket(&s3.DeleteBucketInput{...})` and `DeleteBucketWithContext` (v1). The file
; must import the S3 service package, so DeleteBucket methods of other storage clients stay quiet;
; DeleteBucketPolicy, DeleteBucketLifecycle and the other sub-resource calls are other names.
((call_expression
  function: (selector_expression
    field: (field_identifier) @_method)
  arguments: (argument_list
    (unary_expression
      operand: (composite_literal
        type: (qualified_type
          name: (type_identifier) @_type)
        body: (literal_value
          (keyed_element
            key: (literal_element
              (identifier) @_key)
            value: (literal_element) @target)))))) @match
  (#any-of? @_method "DeleteBucket" "DeleteBucketWithContext" "DeleteBucketRequest")
  (#eq? @_type "DeleteBucketInput")
  (#eq? @_key "Bucket")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/s3\"")
  (#set! message "`DeleteBucket` deletes the S3 bucket `{target}`: its policy, lifecycle and replication settings are lost and its globally unique name can be registered by any other AWS account"))

; The same with the input built elsewhere: `client.DeleteBucket(ctx, input)`.
((call_expression
  function: (selector_expression
    field: (field_identifier) @_method)
  arguments: (argument_list) @_args) @match
  (#any-of? @_method "DeleteBucket" "DeleteBucketWithContext" "DeleteBucketRequest")
  (#not-match? @_args "DeleteBucketInput\\s*\\{")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/s3\"")
  (#set! message "`DeleteBucket` deletes an S3 bucket: its policy, lifecycle and replication settings are lost and its globally unique name can be registered by any other AWS account"))
