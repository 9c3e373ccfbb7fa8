; MySQL SET GLOBAL / SET PERSIST / SET PERSIST_ONLY and SET @@GLOBAL.x / @@PERSIST.x. The grammar
; parses these as a SET statement whose variable is GLOBAL (or PERSIST), followed by ERROR text;
; the regex keys on the keywords and needs a variable name after them, so a session
; `SET global_flag = 1`, a user variable `SET @global = 1`, `SET SESSION` and `SET LOCAL` stay
; quiet. The finding covers `SET GLOBAL` (or `SET PERSIST`, `SET @@GLOBAL`).
((set_statement) @match
  (#match? @match "(?i)^SET\\s+(@@)?(GLOBAL|PERSIST)")
  (#narrow! @match "(?i)\\A(?P<m>SET\\s+(?:@@)?(?:GLOBAL|PERSIST_ONLY|PERSIST))(?:\\.|\\s+[A-Za-z_`])"))

; Statements the grammar cannot parse are left as ERROR text (in SQL function bodies, after a
; statement it does not know such as GRANT), or swallowed into a neighbouring statement it
; recovered from errors. There the keywords count only where they start a statement: at the start
; of the ERROR text, or after a semicolon, a PL/pgSQL BEGIN / THEN / ELSE / LOOP or a $$ body
; quote that ends its line or is not inside a quoted string or a -- comment on its line, with only
; blanks and comments in between. So the words inside a comment or a string literal stay quiet.
((ERROR) @match
  (#match? @match "(?i)\\bSET\\s+(@@)?(GLOBAL|PERSIST)")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>SET\\s+(?:@@)?(?:GLOBAL|PERSIST_ONLY|PERSIST))(?:\\.|\\s+[A-Za-z_`])"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bSET\\s+(@@)?(GLOBAL|PERSIST)")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>SET\\s+(?:@@)?(?:GLOBAL|PERSIST_ONLY|PERSIST))(?:\\.|\\s+[A-Za-z_`])"))
