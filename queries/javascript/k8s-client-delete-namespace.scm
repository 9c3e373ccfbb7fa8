; @kubernetes/client-node: coreV1Api.deleteNamespace(name) or ({ name }), in a file that imports it.
((call_expression
  function: (member_expression
    object: (_) @_client
    property: (property_identifier) @_method)) @match
  (#eq? @_method "deleteNamespace")
  (#not-eq? @_client "this")
  (#file-match? @match "['\"]@kubernetes/client-node['\"]"))
