#!/bin/sh
# build-image.sh DEB OUT_DIR [--test]
# Builds a bootable Brugpunt kiosk image for amd64 PCs, BIOS and UEFI alike, from Debian packages
# only (debootstrap, extlinux, systemd-boot-efi, mtools), as root:
#   OUT_DIR/disk.img     MBR with the syslinux boot code
#                        partition 1: read-only root with extlinux (ext4, LABEL=brugpunt-root)
#                        partition 2: writable data for /var/lib/brugpunt (ext4, LABEL=brugpunt-data)
#                        partition 3: EFI system partition with systemd-boot, the kernel and the
#                                     initrd (FAT32, MBR type ef, LABEL=BRUGPUNTEFI)
# The debootstrapped base is kept in OUT_DIR/base and reused by the next build.
# --test adds what the qemu boot test needs: offscreen rendering and a boot-check service.
set -eu
deb=$(realpath "$1")
out=$(mkdir -p "$2" && realpath "$2")
test=${3:-}
here=$(dirname "$(realpath "$0")")
mirror=${BRUGPUNT_MIRROR:-http://deb.debian.org/debian}
base=$out/base
root=$out/root
say() { echo "build-image: $*"; }

if [ ! -f "$base/.brugpunt-base" ]; then
    say "debootstrap bookworm into $base (the slow part; reused next time)"
    rm -rf "$base"
    debootstrap --variant=minbase \
        --include=systemd,systemd-sysv,udev,dbus,linux-image-amd64,ca-certificates,adduser,init-system-helpers,systemd-timesyncd,kmod \
        bookworm "$base" "$mirror"
    touch "$base/.brugpunt-base"
fi

say "copying the base"
rm -rf "$root"
cp -a "$base" "$root"
rm -f "$root/.brugpunt-base"

cleanup() { for m in dev/pts dev proc sys; do umount "$root/$m" 2>/dev/null || true; done; }
trap cleanup EXIT
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"

say "installing Brugpunt (with its graphics stack) and ALSA"
cp "$deb" "$root/tmp/brugpunt.deb"
extra="alsa-utils"
chroot "$root" sh -c "export DEBIAN_FRONTEND=noninteractive; apt-get update -qq &&
    apt-get install -y -qq --no-install-recommends /tmp/brugpunt.deb $extra && apt-get clean"
rm -f "$root/tmp/brugpunt.deb"

say "configuring: no console login, read-only root, journald in RAM, time sync, network"
cp -a "$here/overlay/." "$root/"
chroot "$root" systemctl enable systemd-networkd.service systemd-timesyncd.service brugpunt.service
chroot "$root" systemctl mask getty@tty1.service autovt@tty1.service ctrl-alt-del.target
# SSH is not installed: see README.md to enable it for maintenance.
echo brugpunt >"$root/etc/hostname"
: >"$root/etc/machine-id"  # empty: a transient id per boot on the read-only root
sed -i 's/^data_dir = .*/data_dir = \/var\/lib\/brugpunt/' "$root/etc/brugpunt/brugpunt.conf"

if [ "$test" = --test ]; then
    say "adding the boot test's offscreen rendering and boot check"
    cp -a "$here/test-overlay/." "$root/"
    chroot "$root" systemctl enable brugpunt-boot-check.service
fi

cleanup
trap - EXIT

kernel=$(basename "$(ls "$root"/boot/vmlinuz-* | tail -n 1)")
initrd=$(basename "$(ls "$root"/boot/initrd.img-* | tail -n 1)")
mkdir -p "$root/boot/extlinux"
cat >"$root/boot/extlinux/extlinux.conf" <<CONF
DEFAULT brugpunt
PROMPT 0
TIMEOUT 0
LABEL brugpunt
    LINUX /boot/$kernel
    INITRD /boot/$initrd
    APPEND root=LABEL=brugpunt-root ro quiet console=tty0 console=ttyS0
CONF

say "filesystems"
uid=$(chroot "$root" id -u brugpunt)
gid=$(chroot "$root" id -g brugpunt)
data=$out/data-dir
rm -rf "$data" && mkdir -p "$data" && chown "$uid:$gid" "$data" && chmod 0750 "$data"
root_mb=$(( $(du -sm "$root" | cut -f1) * 13 / 10 + 64 ))
data_mb=128
rm -f "$out/root.ext4" "$out/data.ext4"
# syslinux reads ext4 only without the 64bit and metadata_csum features.
mkfs.ext4 -q -L brugpunt-root -O ^64bit,^metadata_csum -d "$root" "$out/root.ext4" "${root_mb}M"
say "boot loader"
mnt=$(mktemp -d)
mount -o loop "$out/root.ext4" "$mnt"
extlinux --install "$mnt/boot/extlinux" >/dev/null
umount "$mnt"
rmdir "$mnt"
mkfs.ext4 -q -L brugpunt-data -d "$data" "$out/data.ext4" "${data_mb}M"

# UEFI: firmware reads only FAT, so the kernel and initrd are copied onto the EFI system partition
# beside systemd-boot. The root is read-only and changes only with a new image, so the copies
# cannot go stale. Built with mtools: no loop mount. It is the third partition so that the root
# stays /dev/sdX1 for the steps in README.md. No Secure Boot: systemd-boot here is unsigned.
say "EFI system partition (systemd-boot)"
esp_mb=$(( ($(du -m "$root/boot/$kernel" "$root/boot/$initrd" | awk '{s += $1} END {print s}') + 16) * 3 / 2 ))
[ "$esp_mb" -ge 33 ] || esp_mb=33  # FAT32's smallest size with 512-byte sectors
rm -f "$out/esp.fat"
mkfs.vfat -F 32 -n BRUGPUNTEFI -C "$out/esp.fat" $(( esp_mb * 1024 )) >/dev/null
esp_conf=$(mktemp -d)
cat >"$esp_conf/loader.conf" <<CONF
default brugpunt.conf
timeout 0
editor no
CONF
cat >"$esp_conf/brugpunt.conf" <<CONF
title   Brugpunt
linux   /brugpunt/vmlinuz
initrd  /brugpunt/initrd.img
options root=LABEL=brugpunt-root ro quiet console=tty0 console=ttyS0
CONF
export MTOOLS_SKIP_CHECK=1
mmd -i "$out/esp.fat" ::/EFI ::/EFI/BOOT ::/loader ::/loader/entries ::/brugpunt
mcopy -i "$out/esp.fat" /usr/lib/systemd/boot/efi/systemd-bootx64.efi ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$out/esp.fat" "$esp_conf/loader.conf" ::/loader/loader.conf
mcopy -i "$out/esp.fat" "$esp_conf/brugpunt.conf" ::/loader/entries/brugpunt.conf
mcopy -i "$out/esp.fat" "$root/boot/$kernel" ::/brugpunt/vmlinuz
mcopy -i "$out/esp.fat" "$root/boot/$initrd" ::/brugpunt/initrd.img
rm -rf "$esp_conf"

say "disk image"
disk=$out/disk.img
rm -f "$disk"
truncate -s $(( (1 + root_mb + data_mb + esp_mb + 1) ))M "$disk"
sfdisk -q "$disk" <<PARTS
label: dos
start=1MiB, size=${root_mb}MiB, type=83, bootable
size=${data_mb}MiB, type=83
size=${esp_mb}MiB, type=ef
PARTS
dd if="$out/root.ext4" of="$disk" bs=1M seek=1 conv=notrunc status=none
dd if="$out/data.ext4" of="$disk" bs=1M seek=$(( 1 + root_mb )) conv=notrunc status=none
dd if="$out/esp.fat" of="$disk" bs=1M seek=$(( 1 + root_mb + data_mb )) conv=notrunc status=none
dd if=/usr/lib/syslinux/mbr/mbr.bin of="$disk" bs=440 count=1 conv=notrunc status=none
rm -f "$out/root.ext4" "$out/data.ext4" "$out/esp.fat"
say "done: $disk ($(du -h "$disk" | cut -f1))"
