#!/bin/sh
# boot-test.sh DEB OUT_DIR
# Builds the test image and boots it from the disk under qemu (software emulation, no KVM needed),
# once as a BIOS PC and once as a UEFI PC. Each boot passes when the VM reports that
# brugpunt.service became active, its watchdog is being fed, and kill -9 of the kiosk led to a
# restart within 10 s. Prints how long each part took.
set -eu
deb=$1 out=$2
here=$(dirname "$(realpath "$0")")
t0=$(date +%s)
"$here/build-image.sh" "$deb" "$out" --test
echo "boot-test: image built in $(( $(date +%s) - t0 )) s; booting under qemu"
# Software emulation by default: it runs anywhere. (A /dev/kvm that exists is no promise that
# KVM works; on nested machines it can hang.) BRUGPUNT_QEMU_ACCEL=kvm to try it.
accel=${BRUGPUNT_QEMU_ACCEL:-tcg}
# The same disk booted as each kind of PC would, from the disk image alone:
#   bios  the MBR's syslinux code, extlinux on the root, the kernel
#   uefi  OVMF (Debian's ovmf), systemd-boot on the EFI system partition, the kernel copied there
# BRUGPUNT_FIRMWARE=uefi boots only one. Each boot gets its own copy, since a boot writes to it.
failed=""
for firmware in ${BRUGPUNT_FIRMWARE:-bios uefi}; do
    case $firmware in
        bios) firmware_args="" ;;
        uefi) firmware_args="-bios /usr/share/ovmf/OVMF.fd" ;;
        *) echo "boot-test: unknown firmware '$firmware' (bios or uefi)"; exit 2 ;;
    esac
    log=$out/serial-$firmware.log
    cp --sparse=always "$out/disk.img" "$out/boot-$firmware.img"
    t1=$(date +%s)
    # $firmware_args is split on purpose.
    timeout 1500 qemu-system-x86_64 -machine accel=$accel -m 1536 -smp 2 -nographic -no-reboot -nic none \
        $firmware_args -drive file="$out/boot-$firmware.img",format=raw,if=virtio >"$log" 2>&1 || true
    t2=$(date +%s)
    rm -f "$out/boot-$firmware.img"
    grep "BRUGPUNT-BOOT-TEST" "$log" || true
    echo "boot-test: $firmware: VM ran $(( t2 - t1 )) s ($accel)"
    # A UEFI boot that fell back to BIOS, or the reverse, is not the boot asked for.
    if grep -q "BRUGPUNT-BOOT-TEST: PASS" "$log" && grep -q "BRUGPUNT-BOOT-TEST: firmware: $firmware" "$log"; then
        echo "boot-test: $firmware: PASS"
    else
        echo "boot-test: $firmware: FAIL (serial log: $log)"
        tail -n 40 "$log"
        failed="$failed $firmware"
    fi
done
echo "boot-test: total $(( $(date +%s) - t0 )) s"
[ -z "$failed" ] || { echo "boot-test: FAIL:$failed"; exit 1; }
echo "boot-test: PASS"
