; PostgreSQL ALTER SYSTEM SET / RESET. The grammar has no ALTER SYSTEM statement: the two words
; are always left as ERROR text (followed by a SET or RESET statement), and the ERROR may also hold
; the end of an earlier statement it could not parse. The finding covers the two words.
; Statements the grammar cannot parse are left as ERROR text (in SQL function bodies, after a
; statement it does not know such as GRANT), or swallowed into a neighbouring statement it
; recovered from errors. There the keywords count only where they start a statement: at the start
; of the ERROR text, or after a semicolon, a PL/pgSQL BEGIN / THEN / ELSE / LOOP or a $$ body
; quote that ends its line or is not inside a quoted string or a -- comment on its line, with only
; blanks and comments in between. So the words inside a comment or a string literal stay quiet.
((ERROR) @match
  (#match? @match "(?i)\\bALTER\\s+SYSTEM\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>ALTER\\s+SYSTEM)\\b"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bALTER\\s+SYSTEM\\b")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>ALTER\\s+SYSTEM)\\b"))
