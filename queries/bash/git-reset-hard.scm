; git reset --hard: resets the index and the working tree, discarding uncommitted changes.
((command) @match
  (#cmd? @match "git")
  (#subcmd? @match "reset")
  (#flag? @match "--hard"))
