; crontab -r, alone or in a cluster (-ru root), unless -i asks for confirmation first.
((command) @match
  (#cmd? @match "crontab")
  (#flag? @match "-r")
  (#not-flag? @match "-i"))
