; DROP DATABASE [IF EXISTS] d and DROP SCHEMA [IF EXISTS] s [CASCADE] (on MySQL a synonym of
; DROP DATABASE). The finding covers the DROP DATABASE / DROP SCHEMA keywords.
((drop_database
  (identifier) @target) @match
  (#narrow! @match "(?i)\\ADROP\\s+DATABASE\\b"))

((drop_schema
  (identifier) @target) @match
  (#narrow! @match "(?i)\\ADROP\\s+SCHEMA\\b")
  (#set! message "drops schema `{target}`: on MySQL the whole database; on PostgreSQL, with CASCADE, every table, view, function and row in it"))

; Statements the grammar cannot parse are left as ERROR text (in SQL function bodies, after a
; statement it does not know such as GRANT), or swallowed into a neighbouring statement it
; recovered from errors. There the keywords count only where they start a statement: at the start
; of the ERROR text, or after a semicolon, a PL/pgSQL BEGIN / THEN / ELSE / LOOP or a $$ body
; quote that ends its line or is not inside a quoted string or a -- comment on its line, with only
; blanks and comments in between. So the words inside a comment or a string literal stay quiet.
((ERROR) @match
  (#match? @match "(?i)\\bDROP\\s+(DATABASE|SCHEMA)\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>DROP\\s+(?:DATABASE|SCHEMA))\\b")
  (#set! message "drops a whole database or schema: every table, view, function and row in it"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bDROP\\s+(DATABASE|SCHEMA)\\b")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>DROP\\s+(?:DATABASE|SCHEMA))\\b")
  (#set! message "drops a whole database or schema: every table, view, function and row in it"))
