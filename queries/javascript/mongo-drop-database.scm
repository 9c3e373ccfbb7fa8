; MongoDB Node.js driver and Mongoose: db.dropDatabase(), client.db(name).dropDatabase(),
; mongoose.connection.dropDatabase(), in a file that imports one of them.
((call_expression
  function: (member_expression
    object: (_) @_db
    property: (property_identifier) @_method)) @match
  (#eq? @_method "dropDatabase")
  (#not-eq? @_db "this")
  (#file-match? @match "['\"](mongodb|mongoose)['\"]"))
