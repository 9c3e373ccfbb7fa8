; vault secrets disable PATH: deletes the data of the mount.
((command) @match
  (#cmd? @match "vault" "bao")
  (#subcmd? @match "secrets" "disable"))

; vault auth disable PATH: revokes every token issued through the method.
((command) @match
  (#cmd? @match "vault" "bao")
  (#subcmd? @match "auth" "disable")
  (#set! message "`vault auth disable` revokes every token and lease issued through the auth method: every application and person logged in through it loses access at once"))
