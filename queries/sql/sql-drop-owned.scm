; DROP OWNED BY role [, ...] [CASCADE | RESTRICT]. The grammar has no DROP OWNED statement: it is
; always ERROR text, which may also hold the end of an earlier statement or be swallowed into a
; neighbouring statement the grammar recovered. The keywords count only where they start a
; statement: at the start of the ERROR text, or after a semicolon, a PL/pgSQL BEGIN / THEN / ELSE /
; LOOP or a $$ body quote that ends its line or is not inside a quoted string or a -- comment on
; its line, with only blanks and comments in between. So the words inside a comment or a string
; literal stay quiet. The finding covers DROP OWNED.
((ERROR) @match
  (#match? @match "(?i)\\bDROP\\s+OWNED\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>DROP\\s+OWNED)\\s+BY\\b"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bDROP\\s+OWNED\\b")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>DROP\\s+OWNED)\\s+BY\\b"))
