; iptables / ip6tables (legacy and nft back ends) flushing a chain or a whole table: -F, --flush.
; -X alone only deletes empty, unreferenced user chains and does not match.
((command) @match
  (#cmd-match? @match "^ip6?tables(-legacy|-nft)?$")
  (#flag? @match "-F" "--flush"))

; nft flushing the whole ruleset or a table, or deleting a table.
((command) @match
  (#cmd? @match "nft")
  (#subcmd? @match "flush|delete" "ruleset|table"))

; The same nft command given as one quoted argument: nft 'flush ruleset'.
((command) @match
  (#cmd? @match "nft")
  (#arg? @match "^[\"']\\s*(flush\\s+(ruleset|table)|delete\\s+table)\\b"))

; ufw turned off, or reset to defaults without its confirmation prompt (--force); --dry-run only
; prints.
((command) @match
  (#cmd? @match "ufw")
  (#subcmd? @match "disable")
  (#not-flag? @match "--dry-run")
  (#set! message "`ufw disable` turns the host firewall off: every port of the host is reachable from the network until `ufw enable`"))

((command) @match
  (#cmd? @match "ufw")
  (#subcmd? @match "reset")
  (#flag? @match "--force")
  (#not-flag? @match "--dry-run")
  (#set! message "`ufw --force reset` deletes every ufw rule and disables the firewall: every port of the host is reachable from the network"))

; The firewall service stopped, disabled or masked.
((command) @match
  (#cmd? @match "systemctl")
  (#subcmd? @match "stop|disable|mask" "firewalld|firewalld.service|ufw|ufw.service|nftables|nftables.service|iptables|iptables.service|ip6tables|ip6tables.service|netfilter-persistent")
  (#set! message "stops or disables the host firewall service: its rules are unloaded and every port of the host is reachable from the network"))

((command) @match
  (#cmd? @match "service")
  (#subcmd? @match "firewalld|ufw|nftables|iptables|ip6tables|netfilter-persistent" "stop")
  (#set! message "stops the host firewall service: its rules are unloaded and every port of the host is reachable from the network"))
