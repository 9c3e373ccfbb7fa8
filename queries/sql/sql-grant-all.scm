; GRANT ALL [PRIVILEGES] ... and GRANT ... TO PUBLIC. The grammar has no GRANT statement: GRANT is
; always ERROR text, and the rest of the statement may be in the same ERROR or split over the next
; nodes (a privilege such as SELECT or INSERT starts a new statement node). The finding covers the
; GRANT keyword, so every way of reaching the same statement reports the same range. GRANT counts
; only where it starts a statement: at the start of the ERROR text, or after a semicolon, a
; PL/pgSQL BEGIN / THEN / ELSE / LOOP or a $$ body quote that ends its line or is not inside a
; quoted string or a -- comment on its line, with only blanks and comments in between. So
; WITH GRANT OPTION, comments and string literals stay quiet, and REVOKE never matches.

; GRANT ALL [PRIVILEGES] ON ... TO ..., in ERROR text or swallowed into a recovered statement.
((ERROR) @match
  (#match? @match "(?i)\\bGRANT\\s+ALL\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>GRANT)\\s+ALL\\b"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bGRANT\\s+ALL\\b")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>GRANT)\\s+ALL\\b"))

; GRANT ... TO PUBLIC (alone or in a list of grantees), the whole statement in one node.
((ERROR) @match
  (#match? @match "(?i)\\bPUBLIC\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>GRANT)\\b[^;]*?\\bTO\\b[^;]*?\\bPUBLIC\\b")
  (#set! message "grants to PUBLIC: every role on the server, present and future, gets the privilege"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bPUBLIC\\b")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>GRANT)\\b[^;]*?\\bTO\\b[^;]*?\\bPUBLIC\\b")
  (#set! message "grants to PUBLIC: every role on the server, present and future, gets the privilege"))

; GRANT SELECT ON ALL TABLES IN SCHEMA s TO PUBLIC, GRANT SELECT, INSERT ON t TO a, PUBLIC: an
; ERROR ending in GRANT (and maybe part of the privilege list), then a statement holding the rest.
((ERROR) @match
  .
  (statement) @_rest
  (#match? @_rest "(?i)\\A[^;]*\\bTO\\b[^;]*\\bPUBLIC\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>GRANT)\\b[^;]*\\z")
  (#set! message "grants to PUBLIC: every role on the server, present and future, gets the privilege"))

; GRANT SELECT ON t TO PUBLIC: an ERROR `GRANT`, a statement `SELECT ON t`, an ERROR `TO PUBLIC`
; (or `SELECT ON TABLE` and `t TO PUBLIC`). Anchors skip the `;` between statements, so the middle
; statement must not hold one: the ERROR after it must continue the same GRANT.
((ERROR) @match
  .
  (statement) @_middle
  .
  (ERROR) @_rest
  (#not-match? @_middle ";")
  (#match? @_rest "(?i)\\A[^;]*\\bTO\\b[^;]*\\bPUBLIC\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*(?P<m>GRANT)\\b[^;]*\\z")
  (#set! message "grants to PUBLIC: every role on the server, present and future, gets the privilege"))
