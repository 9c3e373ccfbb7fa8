; AWS SDK for JavaScript v3: new DeleteStackCommand({ StackName }) in a file that imports
; @aws-sdk/client-cloudformation (OpsWorks has a DeleteStackCommand of its own).
((new_expression
  constructor: [
    (identifier)
    (member_expression
      property: (property_identifier))
  ] @_class) @match
  (#match? @_class "(^|\\.)DeleteStackCommand$")
  (#file-match? @match "['\"]@aws-sdk/client-cloudformation['\"]"))

; v2 (`aws-sdk`) and the v3 aggregated client: cloudformation.deleteStack({ StackName }).
((call_expression
  function: (member_expression
    object: (_) @_client
    property: (property_identifier) @_method)) @match
  (#eq? @_method "deleteStack")
  (#not-eq? @_client "this")
  (#file-match? @match "['\"](aws-sdk(/clients/cloudformation)?|@aws-sdk/client-cloudformation)['\"]"))
