; client.delete_db_instance / delete_db_cluster in a file that imports boto3, naming the
; database and without SkipFinalSnapshot=True.
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_key
      value: (_) @target)) @_args) @match
  (#any-of? @_method "delete_db_instance" "delete_db_cluster")
  (#any-of? @_key "DBInstanceIdentifier" "DBClusterIdentifier")
  (#not-match? @_args "SkipFinalSnapshot\\s*=\\s*True")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "the RDS database `{target}` is deleted with its storage: only the final and manual snapshots survive, and every client of the database fails"))

; The same with SkipFinalSnapshot=True.
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_key
      value: (_) @target)) @_args) @match
  (#any-of? @_method "delete_db_instance" "delete_db_cluster")
  (#any-of? @_key "DBInstanceIdentifier" "DBClusterIdentifier")
  (#match? @_args "SkipFinalSnapshot\\s*=\\s*True")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "the RDS database `{target}` is deleted with SkipFinalSnapshot=True: no final snapshot, so every change since the last manual snapshot is lost for good"))

; The same call with the identifier passed through **params.
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list) @_args) @match
  (#any-of? @_method "delete_db_instance" "delete_db_cluster")
  (#not-match? @_args "DB(Instance|Cluster)Identifier\\s*=")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b"))
