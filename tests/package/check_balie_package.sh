#!/bin/sh
# check_balie_package.sh CPACK CPACK_CONFIG: builds the brugpunt-balie .deb alone (the balie
# component) into a temporary folder, then checks what a municipality's server would install:
#   lintian: no error and no warning (fix the package; a warning that must stay is listed here
#            with a one-line why, and there is none);
#   contents: exactly the expected files, the binary executable, the config a conffile;
#   control: Section, Priority, Maintainer, Description, and Depends found by dpkg-shlibdeps
#            (SQLite, libsodium) plus adduser for postinst;
#   the unpacked package: its unit verifies against its own paths, and its binary makes the first
#            beheerder and serves the packaged config with its embedded stylesheet.
set -eu
cpack=$1 config=$2
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cpack" -G DEB --config "$config" -B "$tmp/out" -D CPACK_COMPONENTS_ALL=balie >"$tmp/cpack.log" 2>&1 || {
    cat "$tmp/cpack.log" >&2; fail "cpack"; }
set -- "$tmp"/out/*.deb
[ $# = 1 ] || fail "expected one .deb, cpack made: $*"
deb=$1
case $(basename "$deb") in brugpunt-balie_*_amd64.deb | brugpunt-balie_*_arm64.deb) ;; *) fail "file name $deb" ;; esac

# lintian. Its "running with root privileges" note is about the test machine, not the package.
lintian --tag-display-limit 0 "$deb" >"$tmp/lintian" 2>&1 || true
grep -v "root privileges" "$tmp/lintian" || true
if grep -E '^[EW]: ' "$tmp/lintian" >/dev/null; then fail "lintian reports errors or warnings"; fi
lintian --fail-on error,warning "$deb" >/dev/null 2>&1 || fail "lintian exits non-zero"

# Contents: every file, no more and no less.
dpkg-deb --contents "$deb" >"$tmp/contents"
awk '$1 !~ /^d/ { print $6 }' "$tmp/contents" | sort >"$tmp/files"
sort >"$tmp/expected" <<'EOF'
./etc/brugpunt-balie/balie.conf
./lib/systemd/system/brugpunt-balie.service
./usr/bin/brugpunt-balie
./usr/share/doc/brugpunt-balie/README.md
./usr/share/doc/brugpunt-balie/changelog.gz
./usr/share/doc/brugpunt-balie/copyright
./usr/share/doc/brugpunt-balie/examples/nginx-balie.conf
./usr/share/man/man1/brugpunt-balie.1.gz
EOF
# The languages' names: every translation the kiosk ships (the build's copy of translations/).
(cd "$(dirname "$config")/assets/translations" && ls) | sed 's|^|./usr/share/brugpunt-balie/translations/|' |
    sort -o "$tmp/expected" "$tmp/expected" -
grep -qx './usr/share/brugpunt-balie/translations/nl.po' "$tmp/expected" || fail "no translations in the build"
diff -u "$tmp/expected" "$tmp/files" || fail "the package's files differ from the expected list"
grep -q '^-rwxr-xr-x root/root .* \./usr/bin/brugpunt-balie$' "$tmp/contents" || fail "binary not root-owned 0755"
grep -q '^-rw-r--r-- root/root .* \./etc/brugpunt-balie/balie.conf$' "$tmp/contents" || fail "config mode"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = brugpunt-balie ] || fail "Package: $(field Package)"
[ "$(field Section)" = web ] || fail "Section: $(field Section)"
[ "$(field Priority)" = optional ] || fail "Priority: $(field Priority)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
echo "Depends: $depends"
[ -n "$depends" ] || fail "Depends is empty"
for dep in 'adduser' 'libsqlite3-0 (>= ' 'libsodium23 (>= ' 'libc6 (>= '; do
    case "$depends" in *"$dep"*) ;; *) fail "Depends lacks $dep" ;; esac
done
dpkg-deb --ctrl-tarfile "$deb" | tar -tf - | sort >"$tmp/control"
for f in ./conffiles ./postinst ./prerm ./postrm ./md5sums; do
    grep -qx "$f" "$tmp/control" || fail "control archive lacks $f"
done
[ "$(dpkg-deb -I "$deb" conffiles)" = /etc/brugpunt-balie/balie.conf ] || fail "conffiles: $(dpkg-deb -I "$deb" conffiles)"

# The maintainer scripts, run with every command that would change this machine replaced by one
# that logs its arguments (deb-systemd-helper answers as on a fresh install, not enabled before,
# unless run_script's third argument is 0).
stubs=$tmp/stubs
mkdir -p "$stubs" "$tmp/scripts"
for cmd in adduser getent mkdir chown chmod rm systemctl deb-systemd-invoke deb-systemd-helper dpkg-statoverride; do
    cat >"$stubs/$cmd" <<EOF
#!/bin/sh
echo "$cmd \$*" >>"$tmp/calls"
case "$cmd \$1" in "getent passwd" | "dpkg-statoverride --list") exit 2 ;; esac
case "$cmd \$1" in "deb-systemd-helper debian-installed" | "deb-systemd-helper --quiet") exit "\${WAS_ENABLED:-2}" ;; esac
exit 0
EOF
    chmod +x "$stubs/$cmd"
done
for script in postinst prerm postrm; do dpkg-deb -I "$deb" "$script" >"$tmp/scripts/$script"; done
run_script() {
    : >"$tmp/calls"
    WAS_ENABLED=${3:-2} PATH="$stubs:$PATH" sh "$tmp/scripts/$1" "$2" >"$tmp/script.out" 2>&1 || {
        cat "$tmp/script.out" >&2; fail "$1 $2 exits non-zero"; }
}
run_script postinst configure
grep -qx 'adduser --system --group --home /var/lib/brugpunt-balie --no-create-home --gecos Brugpunt Balie brugpunt-balie' \
    "$tmp/calls" || fail "postinst made no system user: $(cat "$tmp/calls")"
grep -qx 'chmod 0700 /var/lib/brugpunt-balie' "$tmp/calls" || fail "postinst left the data folder open"
grep -qx 'chown brugpunt-balie:brugpunt-balie /var/lib/brugpunt-balie' "$tmp/calls" || fail "data folder owner"
grep -qx 'chmod 0640 /etc/brugpunt-balie/balie.conf' "$tmp/calls" || fail "postinst left the config (a mail password) readable by all"
grep -qx 'chown root:brugpunt-balie /etc/brugpunt-balie/balie.conf' "$tmp/calls" || fail "config group"
grep -qx 'deb-systemd-helper update-state brugpunt-balie.service' "$tmp/calls" || fail "no update-state"
if grep -E ' enable |deb-systemd-invoke' "$tmp/calls"; then fail "a fresh install enables or starts Balie before a beheerder exists"; fi
grep -q 'init-admin --data /var/lib/brugpunt-balie' "$tmp/script.out" || fail "postinst does not say to run init-admin"
grep -q 'enable --now brugpunt-balie' "$tmp/script.out" || fail "postinst does not say how to start it"
run_script postinst configure 0
grep -qx 'deb-systemd-helper enable brugpunt-balie.service' "$tmp/calls" || fail "an upgrade disabled an enabled Balie"
run_script postrm remove
if grep -q '^rm ' "$tmp/calls"; then fail "remove deleted data: $(cat "$tmp/calls")"; fi
run_script postrm purge
grep -qx 'rm -rf /var/lib/brugpunt-balie' "$tmp/calls" || fail "purge left the data folder"
grep -qx 'deb-systemd-helper purge brugpunt-balie.service' "$tmp/calls" || fail "purge left systemd state"
run_script prerm upgrade
if grep -q 'stop' "$tmp/calls"; then fail "prerm stops Balie on upgrade"; fi

# The unpacked package: its unit names the packaged binary, config and documentation.
root=$tmp/root
dpkg-deb -x "$deb" "$root"
unit=$root/lib/systemd/system/brugpunt-balie.service
grep -qx 'ExecStart=/usr/bin/brugpunt-balie serve --config /etc/brugpunt-balie/balie.conf' "$unit" || fail "ExecStart"
for doc in $(sed -n 's/^Documentation=//p' "$unit"); do
    case $doc in
    file:*) [ -f "$root${doc#file:}" ] || fail "Documentation=$doc is not in the package" ;;
    man:*) page=${doc#man:}; [ -f "$root/usr/share/man/man1/${page%(1)}.1.gz" ] || fail "Documentation=$doc not in the package" ;;
    *) fail "unexpected Documentation=$doc" ;;
    esac
done
cp -an /lib/systemd/system/. "$root/lib/systemd/system/"
out=$(systemd-analyze verify --man=no --root="$root" "$unit" 2>&1) || { echo "$out" >&2; fail "systemd-analyze verify"; }
[ -z "$out" ] || { echo "$out" >&2; fail "systemd-analyze verify printed warnings"; }

# The packaged binary: the first beheerder, once only, then serve with the packaged config.
balie=$root/usr/bin/brugpunt-balie
data=$tmp/data
echo "een lang wachtwoord" | "$balie" init-admin --data "$data" --user beheerder >"$tmp/init" 2>&1 || {
    cat "$tmp/init" >&2; fail "init-admin"; }
grep -q "beheerder beheerder created" "$tmp/init" || fail "init-admin said: $(cat "$tmp/init")"
[ -f "$data/balie.db" ] || fail "no balie.db after init-admin"
if echo "een ander wachtwoord" | "$balie" init-admin --data "$data" --user tweede >/dev/null 2>&1; then
    fail "a second init-admin was accepted"
fi
"$balie" serve --config "$root/etc/brugpunt-balie/balie.conf" --data "$data" --listen 127.0.0.1:0 \
    >"$tmp/serve" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q "listening on" "$tmp/serve" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/serve" | head -n 1)
[ -n "$port" ] || { cat "$tmp/serve" >&2; fail "serve did not listen"; }
n=$(ls "$root/usr/share/brugpunt-balie/translations" | grep -c '\.po$')
grep -q "language names: $n languages from /.*/usr/share/brugpunt-balie/translations$" "$tmp/serve" || {
    cat "$tmp/serve" >&2; fail "the packaged Balie did not read its packaged translations"; }
python3 - "$port" <<'EOF' || fail "the packaged Balie did not serve its pages"
import sys, urllib.request
base = "http://127.0.0.1:%s" % sys.argv[1]
css = urllib.request.urlopen(base + "/static/balie.css", timeout=5)
assert css.status == 200 and css.headers["Content-Type"].startswith("text/css"), css.headers
assert len(css.read()) > 100
page = urllib.request.urlopen(base + "/login", timeout=5)
assert page.status == 200 and b"<form" in page.read()
EOF
kill "$pid"
wait "$pid" || true
pid=
echo "brugpunt-balie .deb: lintian clean, $(wc -l <"$tmp/files") files as expected, Depends from shlibdeps, the packaged binary works"
