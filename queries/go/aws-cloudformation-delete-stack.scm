; AWS SDK for Go (v2 and v1) DeleteStack with the input written inline:
; `client.DeleteStack(ctx, &cloudformation.DeleteStackInput{StackName: aws.String(name)})` (v2),
; `svc.DeleteStack(&cloudformation.DeleteStackInput{...})` and the WithContext / Request variants
; (v1). The file must import the CloudFormation service package, so DeleteStack methods of other
; clients (OpsWorks, Pulumi automation) stay quiet; DeleteStackInstances and DeleteStackSet are
; other names.
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
  (#any-of? @_method "DeleteStack" "DeleteStackWithContext" "DeleteStackRequest")
  (#eq? @_type "DeleteStackInput")
  (#eq? @_key "StackName")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/cloudformation\"")
  (#set! message "deletes the CloudFormation stack `{target}` and every resource it created (databases, buckets, queues and their data) except those with `DeletionPolicy: Retain` or `Snapshot`"))

; The same with the input built elsewhere: `client.DeleteStack(ctx, input)`.
((call_expression
  function: (selector_expression
    field: (field_identifier) @_method)
  arguments: (argument_list) @_args) @match
  (#any-of? @_method "DeleteStack" "DeleteStackWithContext" "DeleteStackRequest")
  (#not-match? @_args "DeleteStackInput\\s*\\{[^}]*\\bStackName\\s*:")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/cloudformation\""))
