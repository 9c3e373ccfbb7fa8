; ALTER TABLE ... DROP [COLUMN] [IF EXISTS] c, one finding per dropped column. MySQL's
; DROP INDEX / DROP KEY / DROP PRIMARY KEY / DROP FOREIGN KEY / DROP CHECK parse as a bare
; DROP <name> too, and are left out; ALTER COLUMN ... DROP DEFAULT / DROP NOT NULL is a different
; node.
((drop_column
  name: (identifier) @target) @match
  (#not-match? @match "(?i)^DROP\\s+(INDEX|KEY|PRIMARY|FOREIGN|CHECK|CONSTRAINT|PARTITION|DEFAULT|TRIGGER|UNIQUE)\\b")
  (#narrow! @match "(?i)\\ADROP(\\s+COLUMN)?\\b"))

; Statements the grammar cannot parse are left as ERROR text (in SQL function bodies, after a
; statement it does not know such as GRANT), or swallowed into a neighbouring statement it
; recovered from errors. There the keywords count only where they start a statement: at the start
; of the ERROR text, or after a semicolon, a PL/pgSQL BEGIN / THEN / ELSE / LOOP or a $$ body
; quote that ends its line or is not inside a quoted string or a -- comment on its line, with only
; blanks and comments in between. So the words inside a comment or a string literal stay quiet.
; Only the first DROP COLUMN of such an ALTER TABLE is reported.
((ERROR) @match
  (#match? @match "(?i)\\bDROP\\s+COLUMN\\b")
  (#narrow! @match "(?i)(?:\\A|(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*ALTER\\s+TABLE\\b[^;]*?\\b(?P<m>DROP\\s+COLUMN)\\b")
  (#set! message "drops a column and the value it holds in every row of the table"))

((statement
  [
    (ERROR)
    (_
      (ERROR))
  ]) @match
  (#match? @match "(?i)\\bDROP\\s+COLUMN\\b")
  (#narrow! @match "(?i)(?:(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$)[ \\t]*(?:--[^\\n]*)?\\n|(?m:^)(?:[^'\\n-]|-[^-'\\n;]|'[^'\\n]*')*?(?:;|\\b(?:BEGIN|THEN|ELSE|LOOP)\\b|\\$[A-Za-z_]*\\$))(?:\\s|--[^\\n]*\\n|/\\*(?s:.*?)\\*/)*ALTER\\s+TABLE\\b[^;]*?\\b(?P<m>DROP\\s+COLUMN)\\b")
  (#set! message "drops a column and the value it holds in every row of the table"))
