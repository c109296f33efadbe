#!/bin/bash
# `make install` into a scratch DESTDIR, then the installed binary run from outside the
# repository with the Swift toolchain's runtime libraries hidden: a mount namespace puts an
# empty folder over the toolchain's lib/swift/linux (needs root and unshare, as in CI). As a
# control, the toolchain's own `swift` driver (linked to that runtime) must FAIL to start
# under the same hiding, or the hiding proved nothing. Without root the runtime cannot be
# hidden: the test fails loudly unless CARTSIM_SKIP_INSTALL_HIDING=1, which runs it unhidden
# and says so. Usage: scripts/test-install.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dynamic=$(readlink -f "$(command -v swift)")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "test-install: FAILED: $*" >&2; exit 1; }

make -s -C "$root" install DESTDIR="$scratch/stage" PREFIX=/usr >/dev/null
installed="$scratch/stage/usr/bin/cartsim"
[ -x "$installed" ] || fail "make install left no $installed"
if ldd "$installed" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime'; then
  fail "the installed binary needs the Swift runtime (above)"
fi

runtime=$(readlink -f "$(dirname "$dynamic")/../lib/swift/linux")
mkdir -p "$scratch/empty" "$scratch/work"
cp "$root/Scenarios/point-of-care.yaml" "$scratch/work/scenario.yaml"
cd "$scratch/work"
hidden() {  # runs "$@" with the toolchain's runtime folder hidden
  unshare --mount --propagation private sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' \
    sh "$scratch/empty" "$runtime" env -i PATH=/usr/bin:/bin "$@"
}
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
  if hidden "$dynamic" --version >/dev/null 2>"$scratch/control.err" \
     || ! grep -q 'error while loading shared libraries: libswift' "$scratch/control.err"; then
    fail "the control ($dynamic, linked to the toolchain) did not fail for want of the Swift runtime: the hiding does not work"
  fi
  hidden "$installed" run scenario.yaml --replications 2 --out out --report --xlsx --quiet \
    || fail "the installed binary did not run with the Swift runtime hidden"
  how="with $runtime hidden"
elif [ "${CARTSIM_SKIP_INSTALL_HIDING:-0}" = 1 ]; then
  echo "test-install: SKIPPED hiding the Swift runtime (CARTSIM_SKIP_INSTALL_HIDING=1; not root)" >&2
  env -i PATH=/usr/bin:/bin "$installed" run scenario.yaml --replications 2 --out out --report --xlsx --quiet
  how="WITHOUT hiding the runtime"
else
  fail "hiding the Swift runtime needs root and unshare (CI has both); CARTSIM_SKIP_INSTALL_HIDING=1 runs unhidden"
fi
for file in summary.csv patients.csv report.html results.xlsx; do
  [ -s "out/$file" ] || fail "the installed binary wrote no out/$file"
done
echo "test-install: the installed cartsim ran from $scratch/work $how and wrote its results"
