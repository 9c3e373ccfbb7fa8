; mkfs and its per-filesystem front ends, mke2fs, mkswap and other formatters, run on a device
; path, or on a variable whose name says it holds a device (DEV, DISK, PART, VOLUME, DRIVE),
; optionally with a partition suffix ("${DISK}p1"). Image files (`mkfs.ext4 rootfs.img`), swap
; files (`mkswap /swapfile`), and loop, zram and RAM-disk devices (backed by a file or by memory)
; do not match.
((command) @match
  (#cmd-match? @match "^(mkfs(\\.[a-z0-9]+)?|mke2fs|mkswap|mkdosfs|mkntfs|mkexfatfs)$")
  (#arg? @match "^[\"']?(/dev/|\\$\\{?[A-Za-z_]*(?i:dev|disk|part|vol|drive)[A-Za-z_0-9]*\\}?(p?[0-9]+)?[\"']?$)")
  (#not-arg? @match "^[\"']?/dev/(loop|zram|ram)[0-9]"))

; wipefs erasing signatures (-a, --all, or one at --offset) on a device, unless it is a dry run.
((command) @match
  (#cmd? @match "wipefs")
  (#flag? @match "-a" "--all" "-o" "--offset")
  (#not-flag? @match "-n" "--no-act")
  (#not-arg? @match "^[\"']?/dev/(loop|zram|ram)[0-9]")
  (#arg? @match "^[\"']?(/dev/|\\$\\{?[A-Za-z_]*(?i:dev|disk|part|vol|drive)[A-Za-z_0-9]*\\}?(p?[0-9]+)?[\"']?$)")
  (#set! message "`wipefs` erases the filesystem, RAID and partition-table signatures on `{target}`: its data becomes unreachable"))
