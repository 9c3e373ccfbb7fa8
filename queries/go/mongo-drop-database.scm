; MongoDB Go driver: client.Database(name).Drop(ctx), the database picked in the same expression
; (a bare coll.Drop(ctx) drops one collection and is not reported). The file must import the
; driver.
((call_expression
  function: (selector_expression
    operand: (call_expression
      function: (selector_expression
        field: (field_identifier) @_database)
      arguments: (argument_list
        .
        (_) @target))
    field: (field_identifier) @_method)) @match
  (#eq? @_database "Database")
  (#eq? @_method "Drop")
  (#file-match? @match "\"go\\.mongodb\\.org/mongo-driver(/v2)?/mongo\"")
  (#set! message "drops the MongoDB database {target}: every collection, document and index in it is deleted, and every application using it fails"))
