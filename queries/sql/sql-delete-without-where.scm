; DELETE FROM t with no WHERE clause: every row goes. The WHERE of a DELETE is a child of its
; FROM clause (also with USING, which the grammar leaves as an ERROR inside FROM). A MySQL
; multi-table DELETE ... FROM a JOIN b ON ... is filtered by its join and stays quiet. The finding
; covers the DELETE keyword; a LIMIT does not count as a filter (it only caps how many of the
; rows go per run). A DELETE followed by ON or a comma is a privilege name of a GRANT the grammar
; split up, and stays quiet.
((statement
  (delete) @match
  (from
    (object_reference) @target) @_from) @_statement
  (#not-has-child? @_from "where")
  (#not-match? @_from "(?i)\\bjoin\\b")
  (#not-match? @_statement "(?i)\\bDELETE\\s*(,|ON\\b)"))
