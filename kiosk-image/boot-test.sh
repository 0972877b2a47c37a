#!/bin/sh
# boot-test.sh DEB OUT_DIR
# Builds the test image and boots it from the disk under qemu (software emulation, no KVM needed). Passes when
# the VM reports that brugpunt.service became active, its watchdog is being fed, and kill -9 of
# the kiosk led to a restart within 10 s. Prints how long each part took.
set -eu
deb=$1 out=$2
here=$(dirname "$(realpath "$0")")
t0=$(date +%s)
"$here/build-image.sh" "$deb" "$out" --test
t1=$(date +%s)
echo "boot-test: image built in $(( t1 - t0 )) s; booting under qemu"
log=$out/serial.log
# Software emulation by default: it runs anywhere. (A /dev/kvm that exists is no promise that
# KVM works; on nested machines it can hang.) BRUGPUNT_QEMU_ACCEL=kvm to try it.
accel=${BRUGPUNT_QEMU_ACCEL:-tcg}
# Booted from the disk image alone, as a PC would: BIOS, the MBR, extlinux, the kernel.
timeout 1500 qemu-system-x86_64 -machine accel=$accel -m 1536 -smp 2 -nographic -no-reboot -nic none \
    -drive file="$out/disk.img",format=raw,if=virtio >"$log" 2>&1 || true
t2=$(date +%s)
grep "BRUGPUNT-BOOT-TEST" "$log" || true
echo "boot-test: VM ran $(( t2 - t1 )) s ($accel); total $(( t2 - t0 )) s"
grep -q "BRUGPUNT-BOOT-TEST: PASS" "$log" || { echo "boot-test: FAIL (serial log: $log)"; tail -n 40 "$log"; exit 1; }
echo "boot-test: PASS"
