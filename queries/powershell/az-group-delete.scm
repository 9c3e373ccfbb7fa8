; Az PowerShell (and the retired AzureRM module): delete a resource group and everything in it.
((command
  command_name: (command_name) @_name) @match
  (#match? @_name "(?i)^remove-az(urerm)?resourcegroup$"))
