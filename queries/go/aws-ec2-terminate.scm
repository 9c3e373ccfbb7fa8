; AWS SDK for Go (v2 and v1) TerminateInstances with the input written inline:
; `client.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIds: ids})` (v2),
; `svc.TerminateInstances(&ec2.TerminateInstancesInput{...})` and the WithContext / Request
; variants (v1). The file must import the EC2 service package, so Terminate methods of other
; clients stay quiet; StopInstances keeps the volumes and is another name.
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
  (#any-of? @_method "TerminateInstances" "TerminateInstancesWithContext" "TerminateInstancesRequest")
  (#eq? @_type "TerminateInstancesInput")
  (#eq? @_key "InstanceIds")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/ec2\"")
  (#set! message "terminates the EC2 instances `{target}` for good: their instance-store data and every EBS volume marked delete-on-termination (the root volume by default) are deleted with them"))

; The same with the input built elsewhere: `client.TerminateInstances(ctx, input)`.
((call_expression
  function: (selector_expression
    field: (field_identifier) @_method)
  arguments: (argument_list) @_args) @match
  (#any-of? @_method "TerminateInstances" "TerminateInstancesWithContext" "TerminateInstancesRequest")
  (#not-match? @_args "TerminateInstancesInput\\s*\\{[^}]*\\bInstanceIds\\s*:")
  (#file-match? @match "\"github\\.com/aws/aws-sdk-go(-v2)?/service/ec2\""))
