; az group delete --name RG (the resource group and everything in it).
((command) @match
  (#cmd? @match "az")
  (#subcmd? @match "group" "delete"))
