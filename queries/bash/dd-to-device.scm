; dd whose output operand is a disk, partition or mapped device: SCSI/SATA/virtio/Xen disks,
; NVMe, SD cards, macOS disks, RAID, device-mapper and udev by-id/by-path links, or /dev/ followed
; by a variable. /dev/null, /dev/stdout, /dev/shm/... and ordinary files do not match.
((command) @match
  (#cmd? @match "dd")
  (#arg? @match "^[\"']?of=[\"']?/dev/(([shv]d[a-z]|xvd[a-z]|nvme[0-9]|mmcblk[0-9]|r?disk[0-9]|md[0-9]|dm-[0-9]|nbd[0-9])|mapper/|disk/by-|[\"']?\\$)"))

; The same raw write done with a shell redirection: `cat image.iso > /dev/sdb`.
((file_redirect
  [
    ">"
    ">>"
    ">|"
    "&>"
  ]
  destination: (_) @target) @match
  (#match? @target "^[\"']?/dev/(([shv]d[a-z]|xvd[a-z]|nvme[0-9]|mmcblk[0-9]|r?disk[0-9]|md[0-9]|dm-[0-9]|nbd[0-9])|mapper/|disk/by-)")
  (#set! message "redirection into `{target}` overwrites the whole block device: its partition table and every filesystem and file on it are lost"))
