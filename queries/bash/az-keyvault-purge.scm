; az keyvault purge --name VAULT (a deleted vault), and az keyvault key|secret|certificate purge.
((command) @match
  (#cmd? @match "az")
  (#subcmd? @match "keyvault" "purge"))

((command) @match
  (#cmd? @match "az")
  (#subcmd? @match "keyvault" "key|secret|certificate" "purge"))
