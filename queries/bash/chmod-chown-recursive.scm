; Recursive chmod to a world-writable mode, on any path: an octal mode whose "other" digit has the
; write bit (777, 0777, 1777, 666, 772), or a symbolic clause that gives o or a the w permission
; (a+rwx, o+w, go+rwX, ugo=rwx). u+w, g+w and a bare +w (masked by the umask) do not match.
((command) @match
  (#cmd? @match "chmod")
  (#flag? @match "-R" "--recursive")
  (#arg? @match "^[\"']?([0-7]?[0-7][0-7][2367]|(.*,)?[ugoa]*[oa][ugoa]*[+=][rwxXst]*w.*)[\"']?$")
  (#set! message "recursive `chmod {target}`: makes every file and directory below the path writable by every user and service on the host"))

; Any recursive chmod, chown or chgrp on /, a top-level system directory (or /usr/local,
; /usr/lib, /var/lib), ~ or $HOME, optionally with a trailing / or /*.
((command) @match
  (#cmd? @match "chmod" "chown" "chgrp")
  (#flag? @match "-R" "--recursive")
  (#arg? @match "^[\"']?(~|\\$HOME|\\$\\{HOME\\}|/(bin|boot|dev|etc|home|lib|lib32|lib64|opt|root|sbin|srv|sys|usr|usr/local|usr/lib|usr/bin|var|var/lib|proc|mnt|media)?)[\"']?/?\\*?[\"']?$"))

; Any recursive chmod, chown or chgrp on a path made of an unguarded variable followed by /,
; /* or a top-level system directory: "$DIR"/, $DIR/*, "${PREFIX}/lib". When the variable is
; empty or unset the path is /, /* or /lib. ${DIR:?} and ${DIR:-default} do not match.
((command) @match
  (#cmd? @match "chmod" "chown" "chgrp")
  (#flag? @match "-R" "--recursive")
  (#arg? @match "^\"?(\\$[A-Za-z_][A-Za-z_0-9]*|\\$\\{[A-Za-z_][A-Za-z_0-9]*\\})\"?/\"?(\\*|(bin|boot|etc|home|lib|lib64|opt|root|sbin|srv|usr|var)/?\\*?)?\"?$")
  (#set! message "recursive permission change on `{target}`: if the variable is empty or unset this rewrites owners or modes from the root directory down, across the whole host"))
