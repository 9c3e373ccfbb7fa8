; client.delete_stack(StackName=NAME) in a file that imports boto3.
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_key
      value: (_) @target))) @match
  (#eq? @_method "delete_stack")
  (#eq? @_key "StackName")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`delete_stack` deletes the CloudFormation stack `{target}` and every resource it created (databases, buckets, queues and their data) except those with DeletionPolicy Retain or Snapshot"))

; The same without a StackName= keyword (arguments from **params).
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list) @_args) @match
  (#eq? @_method "delete_stack")
  (#not-match? @_args "\\bStackName\\s*=")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b"))

; The resource form: cloudformation.Stack(NAME).delete().
((call
  function: (attribute
    object: (call
      function: (attribute
        attribute: (identifier) @_class)
      arguments: (argument_list
        .
        (_) @target))
    attribute: (identifier) @_method)) @match
  (#eq? @_class "Stack")
  (#eq? @_method "delete")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`Stack({target}).delete()` deletes the CloudFormation stack and every resource it created, except those with DeletionPolicy Retain or Snapshot"))
