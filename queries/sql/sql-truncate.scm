; TRUNCATE [TABLE] [ONLY] t [, u ...] [RESTART IDENTITY] [CASCADE]. The finding covers the
; TRUNCATE keyword; the first table named is the target. The grammar splits
; `GRANT TRUNCATE ON t TO r` into an ERROR and a statement `TRUNCATE ON t`: a TRUNCATE followed
; by ON or a comma is a privilege name and stays quiet.
((statement
  .
  (keyword_truncate) @match
  (object_reference) @target) @_statement
  (#not-match? @_statement "(?i)^TRUNCATE\\s*(,|ON\\b)"))

; Statements the grammar cannot parse are left as ERROR text (in SQL function bodies, after a
; statement it does not know such as GRANT), or swallowed into a neighbouring statement it
; recovered from errors. There the keywords count only where they start a statement: at the start
; of the ERROR text, or after a semicolon, a PL/pgSQL BEGIN / THEN / ELSE / LOOP or a $$ body
; quote that ends its line or is not inside a quoted string or a -- comment on its line, with only
; blanks and comments in between. So the words inside a comment or a string literal stay quiet.
((ERROR) @match
  (#match? @match "(?i)\\bTRUNCATE\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>TRUNCATE)\\b")
  (#set! message "empties a table: every row is removed at once, without a WHERE clause and without row-level DELETE triggers"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bTRUNCATE\\b")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>TRUNCATE)\\b")
  (#set! message "empties a table: every row is removed at once, without a WHERE clause and without row-level DELETE triggers"))
