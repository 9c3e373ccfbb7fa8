; AWS SDK for Go (v2 and v1) DeleteDBInstance / DeleteDBCluster with the input written inline,
; naming the database and without SkipFinalSnapshot set to true:
; `client.DeleteDBInstance(ctx, &rds.DeleteDBInstanceInput{DBInstanceIdentifier: aws.String(id)})`.
; The file must import the RDS service package (Neptune and DocumentDB clients share the method
; names but not the import).
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
            value: (literal_element) @target)) @_body)))) @match
  (#match? @_method "^DeleteDB(Instance|Cluster)(WithContext|Request)?$")
  (#match? @_type "^DeleteDB(Instance|Cluster)Input$")
  (#any-of? @_key "DBInstanceIdentifier" "DBClusterIdentifier")
  (#not-match? @_body "\\bSkipFinalSnapshot\\s*:\\s*(aws\\.Bool\\(\\s*)?true\\b")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/rds\"")
  (#set! message "the RDS database `{target}` is deleted with its storage: only the final and manual snapshots survive, and every client of the database fails"))

; The same with SkipFinalSnapshot: true (or aws.Bool(true)).
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
            value: (literal_element) @target)) @_body)))) @match
  (#match? @_method "^DeleteDB(Instance|Cluster)(WithContext|Request)?$")
  (#match? @_type "^DeleteDB(Instance|Cluster)Input$")
  (#any-of? @_key "DBInstanceIdentifier" "DBClusterIdentifier")
  (#match? @_body "\\bSkipFinalSnapshot\\s*:\\s*(aws\\.Bool\\(\\s*)?true\\b")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/rds\"")
  (#set! message "the RDS database `{target}` is deleted with SkipFinalSnapshot set: no final snapshot, so every change since the last manual snapshot is lost for good"))

; The same with the input built elsewhere: `client.DeleteDBCluster(ctx, input)`.
((call_expression
  function: (selector_expression
    field: (field_identifier) @_method)
  arguments: (argument_list) @_args) @match
  (#match? @_method "^DeleteDB(Instance|Cluster)(WithContext|Request)?$")
  (#not-match? @_args "DeleteDB(Instance|Cluster)Input\\s*\\{[^}]*\\bDB(Instance|Cluster)Identifier\\s*:")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/rds\""))
