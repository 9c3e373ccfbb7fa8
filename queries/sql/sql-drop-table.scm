; DROP TABLE [IF EXISTS] t [, u ...] [CASCADE | RESTRICT]. The finding covers the DROP TABLE
; keywords, so every way of reaching the same statement reports the same range. MySQL's
; DROP TEMPORARY TABLE, which can only drop a session's own temporary tables, does not start with
; DROP TABLE and stays quiet.
((drop_table
  (object_reference) @target) @match
  (#narrow! @match "(?i)\\ADROP\\s+TABLE\\b"))

; Statements the grammar cannot parse are left as ERROR text (in SQL function bodies, after a
; statement it does not know such as GRANT), or swallowed into a neighbouring statement it
; recovered from errors. There the keywords count only where they start a statement: at the start
; of the ERROR text, or after a semicolon, a PL/pgSQL BEGIN / THEN / ELSE / LOOP or a $$ body
; quote that ends its line or is not inside a quoted string or a -- comment on its line, with only
; blanks and comments in between. So the words inside a comment or a string literal stay quiet.
((ERROR) @match
  (#match? @match "(?i)\\bDROP\\s+TABLE\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>DROP\\s+TABLE)\\b")
  (#set! message "drops a table and every row in it; with CASCADE, also the views and foreign keys that depend on it"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bDROP\\s+TABLE\\b")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>DROP\\s+TABLE)\\b")
  (#set! message "drops a table and every row in it; with CASCADE, also the views and foreign keys that depend on it"))
