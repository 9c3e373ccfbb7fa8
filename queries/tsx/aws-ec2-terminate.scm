; AWS SDK for JavaScript v3: new TerminateInstancesCommand({ InstanceIds }) in a file that imports
; @aws-sdk/client-ec2. `DryRun: true` only checks permissions and stays quiet.
((new_expression
  constructor: [
    (identifier)
    (member_expression
      property: (property_identifier))
  ] @_class
  arguments: (arguments) @_args) @match
  (#match? @_class "(^|\\.)TerminateInstancesCommand$")
  (#not-match? @_args "\\bDryRun\\s*:\\s*true\\b")
  (#file-match? @match "['\"]@aws-sdk/client-ec2['\"]"))

; v2 (`aws-sdk`) and the v3 aggregated client: ec2.terminateInstances({ InstanceIds }).
((call_expression
  function: (member_expression
    object: (_) @_client
    property: (property_identifier) @_method)
  arguments: (arguments) @_args) @match
  (#eq? @_method "terminateInstances")
  (#not-match? @_args "\\bDryRun\\s*:\\s*true\\b")
  (#not-eq? @_client "this")
  (#file-match? @match "['\"](aws-sdk(/clients/ec2)?|@aws-sdk/client-ec2)['\"]"))
