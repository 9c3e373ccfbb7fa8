; AWS SDK for JavaScript v3: new DeleteDBInstanceCommand / DeleteDBClusterCommand in a file that
; imports the RDS client (or Neptune or DocumentDB, which run on RDS and share its API).
((new_expression
  constructor: [
    (identifier)
    (member_expression
      property: (property_identifier))
  ] @_class) @match
  (#match? @_class "(^|\\.)DeleteDB(Instance|Cluster)Command$")
  (#file-match? @match "['\"]@aws-sdk/client-(rds|neptune|docdb)['\"]"))

; v2 (`aws-sdk`) and the v3 aggregated client: rds.deleteDBInstance(...), rds.deleteDBCluster(...).
((call_expression
  function: (member_expression
    object: (_) @_client
    property: (property_identifier) @_method)) @match
  (#any-of? @_method "deleteDBInstance" "deleteDBCluster")
  (#not-eq? @_client "this")
  (#file-match? @match "['\"](aws-sdk(/clients/(rds|neptune|docdb))?|@aws-sdk/client-(rds|neptune|docdb))['\"]"))
