; A device operand: a /dev/ path, or a variable whose name ends in DEV, DEVICE, DISK or DRIVE
; (`$DEVICE`, `${DATA_DISK}`), optionally with a partition suffix; `$PARTIAL_FILE` or
; `$DEVICE_TOKEN_FILE` do not count. Loop, zram and RAM-disk devices (backed by a file or by memory),
; /dev/null, /dev/zero and friends, and files in /dev/shm do not count.

; shred on a device (shred on a file deletes one file and is not reported).
((command) @match
  (#cmd? @match "shred")
  (#arg? @match "^[\"']?(/dev/|\\$\\{?[A-Za-z_0-9]*(?i:dev|device|disk|drive)\\}?(p?[0-9]+)?[\"']?$)")
  (#not-arg? @match "^[\"']?/dev/(loop|zram|ram)[0-9]|^[\"']?/dev/(null|zero|u?random|stdin|stdout|stderr|fd/|tty|shm/|mqueue/)")
  (#set! message "`shred` overwrites the block device `{target}` with random data: every partition, filesystem and file on it is destroyed"))

; blkdiscard on a device (discards every block unless --offset/--length narrow it).
((command) @match
  (#cmd? @match "blkdiscard")
  (#arg? @match "^[\"']?(/dev/|\\$\\{?[A-Za-z_0-9]*(?i:dev|device|disk|drive)\\}?(p?[0-9]+)?[\"']?$)")
  (#not-arg? @match "^[\"']?/dev/(loop|zram|ram)[0-9]")
  (#set! message "`blkdiscard` discards every block of `{target}`: the device reads back as zeros and its data cannot be recovered"))

; sgdisk --zap-all|-Z|--clear|-o on a device, unless it is a pretend run.
((command) @match
  (#cmd? @match "sgdisk")
  (#flag? @match "-Z" "--zap-all" "-o" "--clear" "-z" "--zap")
  (#not-flag? @match "-P" "--pretend")
  (#arg? @match "^[\"']?(/dev/|\\$\\{?[A-Za-z_0-9]*(?i:dev|device|disk|drive)\\}?(p?[0-9]+)?[\"']?$)")
  (#not-arg? @match "^[\"']?/dev/(loop|zram|ram)[0-9]")
  (#set! message "`sgdisk` destroys the partition table of `{target}`: every partition on the disk, and the filesystems in them, become unreachable"))
