; userdel -r|--remove (also in clusters such as -rf).
((command) @match
  (#cmd? @match "userdel")
  (#flag? @match "-r" "--remove"))

; deluser --remove-home|--remove-all-files (Debian), unless it keeps a backup.
((command) @match
  (#cmd? @match "deluser")
  (#flag? @match "--remove-home" "--remove-all-files")
  (#not-flag? @match "--backup" "--backup-to"))
