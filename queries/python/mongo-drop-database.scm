; PyMongo and Motor: client.drop_database(name_or_database), in a file that imports one of them
; (sqlalchemy_utils.drop_database(url), a different library, stays quiet). The database name,
; when written, is the target.
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#eq? @_method "drop_database")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(pymongo|motor|mongomock_motor|mongoengine)\\b")
  (#set! message "drops the MongoDB database `{target}`: every collection, document and index in it is deleted, and every application using it fails"))

; db.command("dropDatabase") and db.command({"dropDatabase": 1}).
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    [
      (string
        (string_content) @_command)
      (dictionary
        .
        (pair
          key: (string
            (string_content) @_command)))
    ])) @match
  (#eq? @_method "command")
  (#eq? @_command "dropDatabase")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(pymongo|motor|mongoengine)\\b"))
