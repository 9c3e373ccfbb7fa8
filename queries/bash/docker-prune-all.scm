; docker system prune with -a/--all (clusters such as -af count), also podman.
((command) @match
  (#cmd? @match "docker" "podman")
  (#subcmd? @match "system" "prune")
  (#flag? @match "-a" "--all")
  (#not-flag? @match "--volumes"))

; docker system prune --volumes, with or without --all: volumes go too.
((command) @match
  (#cmd? @match "docker" "podman")
  (#subcmd? @match "system" "prune")
  (#flag? @match "--volumes")
  (#set! message "`docker system prune --volumes` also deletes the volumes no container is using right now, with the database files and uploads stored in them, along with stopped containers and unused images"))

; docker volume prune: deletes the volumes no container uses, and their data.
((command) @match
  (#cmd? @match "docker" "podman")
  (#subcmd? @match "volume" "prune")
  (#set! message "`docker volume prune` deletes every volume no container is using right now (all unused ones with -a), with the database files and uploads stored in them"))
