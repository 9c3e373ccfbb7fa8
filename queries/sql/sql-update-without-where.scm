; UPDATE t SET ... with no WHERE clause: every row is overwritten. The finding covers the UPDATE
; keyword. A MySQL UPDATE a JOIN b ON ... is filtered by its join and stays quiet. The grammar
; splits `GRANT INSERT, UPDATE ON t TO r` into an ERROR and an UPDATE statement `UPDATE ON t ...`:
; an UPDATE followed by ON or a comma is a privilege name and stays quiet.
((update
  (keyword_update) @match
  (relation
    (object_reference) @target)) @_update
  (#not-has-child? @_update "where" "from" "join")
  (#not-match? @_update "(?i)^UPDATE\\s*(,|ON\\b)"))

; UPDATE t SET ... FROM u: the WHERE clause is then a child of the FROM clause.
((update
  (keyword_update) @match
  (relation
    (object_reference) @target)
  (from) @_from) @_update
  (#not-has-child? @_from "where")
  (#not-match? @_update "(?i)^UPDATE\\s*(,|ON\\b)"))
