#!/usr/bin/env bash
# End-to-end test of scripts/slurm/cartsim-array.sbatch on a real, single-node Slurm
# cluster on this machine:
#
#   scripts/slurm/test-slurm-localhost.sh /abs/path/to/cartsim      (run by `make test`)
#
# 1. installs Debian's slurm-wlm and munge when missing (services are not started by apt);
# 2. writes a private munge key, slurm.conf and state/spool/log folders into a temporary
#    folder, and starts munged, slurmctld and slurmd from it (own socket, free ports, the
#    config passed with -f / SLURM_CONF: nothing under /etc is written or used);
# 3. waits for the node to be idle, submits the shipped array script with
#    `sbatch --wait --array=1-4` (and once more with the 0-based `--array=0-3`) for
#    4 shards of a small study, merges each, runs the same study unsharded, and compares
#    every CSV file byte for byte;
# 4. always (trap EXIT) cancels its jobs, stops the daemons by process id and removes the
#    temporary folder.
#
# Needs root (the daemons run as SlurmUser=root). When the daemons cannot be installed or
# started for a reason of the environment (not root, no package registry, no daemon
# starts), it FAILS loudly; with CARTSIM_SKIP_SLURM=1 it prints a loud SKIPPED line and
# exits 0 instead. CARTSIM_SLURM_KEEP=1 keeps the temporary folder for inspection.
# Exit status: 0 pass (or skipped on request), 1 failure.

set -uo pipefail

readonly TIMEOUT=${CARTSIM_SLURM_TIMEOUT:-120}   # seconds for every wait
readonly SCENARIO_REL=Scenarios/tisacel-cryo-hub.yaml
readonly REPLICATIONS=8
readonly SHARDS=4

say() { printf '[slurm-test %(%H:%M:%S)T] %s\n' -1 "$*"; }
banner() {
    printf '\n%s\n' "################################################################################"
    printf '### %s\n' "$@"
    printf '%s\n\n' "################################################################################"
}

if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
    echo "usage: $0 /path/to/cartsim" >&2
    exit 2
fi
BIN=$(realpath -e -- "$1" 2>/dev/null) || { echo "$0: cartsim binary '$1' not found" >&2; exit 1; }
[[ -x $BIN ]] || { echo "$0: '$BIN' is not executable" >&2; exit 1; }
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SBATCH_SCRIPT=$REPO/scripts/slurm/cartsim-array.sbatch
SCENARIO=$REPO/$SCENARIO_REL

# Nothing of an enclosing Slurm job or of the user's Slurm settings may leak in.
while IFS='=' read -r name _; do
    case $name in SLURM_*|SBATCH_*|SQUEUE_*|SINFO_*|SCANCEL_*) unset "$name" ;; esac
done < <(env)

TMP=""
MUNGED_PID="" CTLD_PID="" SLURMD_PID="" SBATCH_PID=""

# --- teardown -----------------------------------------------------------------------------

stop_pid() {   # stop_pid NAME PID: TERM, wait up to 15 s, then KILL
    local name=$1 pid=$2 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 150; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
        sleep 0.1
    done
    say "$name (pid $pid) did not stop on TERM: killing it"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

# Job processes (slurmstepd, the batch script, cartsim) are started by our slurmd and carry
# our private SLURM_CONF in their environment: that identifies them exactly.
leftover_job_pids() {
    local conf=$TMP/etc/slurm.conf p
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        [[ $p == "$$" || $p == "$CTLD_PID" || $p == "$SLURMD_PID" || $p == "$MUNGED_PID" ]] && continue
        grep -qszxF "SLURM_CONF=$conf" "/proc/$p/environ" && echo "$p"
    done
}

cleanup() {
    local status=$? p
    trap - EXIT INT TERM HUP
    stop_pid "sbatch --wait" "$SBATCH_PID"
    if [[ -n $CTLD_PID ]] && kill -0 "$CTLD_PID" 2>/dev/null; then
        timeout 15 scancel --full --quiet --user=root >/dev/null 2>&1
    fi
    if [[ -n $TMP ]]; then
        for p in $(leftover_job_pids); do kill -TERM "$p" 2>/dev/null; done
    fi
    stop_pid slurmd "$SLURMD_PID"
    stop_pid slurmctld "$CTLD_PID"
    if [[ -n $TMP ]]; then
        for p in $(leftover_job_pids); do kill -KILL "$p" 2>/dev/null; done
    fi
    stop_pid munged "$MUNGED_PID"
    if [[ -n $TMP && -d $TMP ]]; then
        if [[ ${CARTSIM_SLURM_KEEP:-0} == 1 ]]; then
            say "kept $TMP (CARTSIM_SLURM_KEEP=1)"
        else
            rm -rf -- "$TMP"
        fi
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 1' INT TERM HUP

show_logs() {
    local f
    [[ -n $TMP && -d $TMP ]] || return 0
    for f in "$TMP"/log/* "$TMP"/jobs/*; do
        [[ -f $f ]] || continue
        printf '\n----- %s (last 60 lines) -----\n' "${f#"$TMP"/}"
        tail -n 60 -- "$f"
    done
    printf '\n'
}

fail() {
    show_logs
    banner "SLURM LOCALHOST TEST: FAIL — $*"
    exit 1
}

# The environment cannot run a Slurm cluster: fail loudly, or skip on explicit request.
environment_problem() {
    show_logs
    if [[ ${CARTSIM_SKIP_SLURM:-0} == 1 ]]; then
        banner "SLURM LOCALHOST TEST: SKIPPED — $*" \
               "(CARTSIM_SKIP_SLURM=1 is set; the job-array script was NOT tested on Slurm)"
        exit 0
    fi
    banner "SLURM LOCALHOST TEST: FAIL — cannot run a Slurm cluster here: $*" \
           "Run as root (CI does), or set CARTSIM_SKIP_SLURM=1 to skip this test explicitly."
    exit 1
}

# wait_for SECONDS DESCRIPTION COMMAND...: poll COMMAND every 0.5 s until it succeeds.
wait_for() {
    local seconds=$1 what=$2; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
    say "$what"
}

alive() { kill -0 "$1" 2>/dev/null; }

# --- 1. prerequisites --------------------------------------------------------------------

[[ $(id -u) == 0 ]] || environment_problem "not running as root (uid $(id -u)); the test starts slurmctld/slurmd with SlurmUser=root"
[[ -f $SCENARIO && -f $SBATCH_SCRIPT ]] || fail "missing $SCENARIO or $SBATCH_SCRIPT"

missing=()
for c in munged munge unmunge slurmctld slurmd sbatch sinfo squeue scancel; do
    command -v "$c" >/dev/null 2>&1 || missing+=("$c")
done
if ((${#missing[@]})); then
    say "installing slurm-wlm and munge (missing: ${missing[*]})"
    # Keep apt from starting the packaged services (they would use /etc/slurm): the
    # standard policy-rc.d switch, only for the install and only if there is none.
    policy=/usr/sbin/policy-rc.d own_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && own_policy=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get -o DPkg::Lock::Timeout=120 update -q >/tmp/cartsim-slurm-apt.log 2>&1 &&
        timeout 600 apt-get -o DPkg::Lock::Timeout=120 install -y -q --no-install-recommends slurm-wlm munge >>/tmp/cartsim-slurm-apt.log 2>&1
    apt_status=$?
    ((own_policy)) && rm -f "$policy"
    if ((apt_status != 0)); then
        tail -n 30 /tmp/cartsim-slurm-apt.log
        environment_problem "apt-get could not install slurm-wlm and munge (exit $apt_status, log /tmp/cartsim-slurm-apt.log)"
    fi
    rm -f /tmp/cartsim-slurm-apt.log
fi
say "$(slurmctld -V 2>/dev/null), $(munged -V 2>/dev/null | head -n 1)"

# --- 2. a private cluster in a temporary folder ------------------------------------------

TMP=$(mktemp -d /tmp/cartsim-slurm.XXXXXX) || fail "mktemp failed"
chmod 755 "$TMP"   # munged wants its socket folder (and parents) reachable by all
mkdir -p "$TMP"/{etc,munge,state,spool,run,log,jobs,out} && chmod 755 "$TMP/munge" || fail "cannot create folders in $TMP"

NODE=$(hostname -s)
CPUS=$(nproc)

# Two free TCP ports for slurmctld and slurmd (nothing answers on them on 127.0.0.1).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
    local p i
    for ((i = 0; i < 100; i++)); do
        p=$((20000 + RANDOM % 20000))
        [[ $p != "${1:-}" ]] && port_free "$p" && { echo "$p"; return 0; }
    done
    return 1
}
CTLD_PORT=$(pick_port) && SLURMD_PORT=$(pick_port "$CTLD_PORT") || fail "no free TCP port found"

# munge, with its own key and socket
MUNGE_SOCKET=$TMP/munge/munge.socket
head -c 1024 /dev/urandom > "$TMP/munge/munge.key" && chmod 400 "$TMP/munge/munge.key" || fail "cannot write a munge key"
munged --foreground --force \
    --key-file="$TMP/munge/munge.key" --socket="$MUNGE_SOCKET" \
    --pid-file="$TMP/munge/munged.pid" --seed-file="$TMP/munge/munged.seed" \
    --log-file="$TMP/log/munged.log" >"$TMP/log/munged.out" 2>&1 &
MUNGED_PID=$!
munge_works() { alive "$MUNGED_PID" && timeout 5 munge -n -S "$MUNGE_SOCKET" 2>/dev/null | timeout 5 unmunge -S "$MUNGE_SOCKET" >/dev/null 2>&1; }
wait_for "$TIMEOUT" "munged is up (pid $MUNGED_PID)" munge_works ||
    environment_problem "munged did not start or does not answer on $MUNGE_SOCKET"

export SLURM_CONF=$TMP/etc/slurm.conf
cat > "$SLURM_CONF" <<EOF
# single-node test cluster written by scripts/slurm/test-slurm-localhost.sh (Slurm 22.05)
ClusterName=cartsimtest
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
StateSaveLocation=$TMP/state
SlurmdSpoolDir=$TMP/spool
SlurmctldPidFile=$TMP/run/slurmctld.pid
SlurmdPidFile=$TMP/run/slurmd.pid
SlurmctldLogFile=$TMP/log/slurmctld.log
SlurmdLogFile=$TMP/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
InactiveLimit=0
KillWait=5
MinJobAge=300
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=256 State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D -i -f "$SLURM_CONF" >"$TMP/log/slurmctld.out" 2>&1 &
CTLD_PID=$!
ctld_up() { alive "$CTLD_PID" && timeout 10 scontrol ping 2>/dev/null | grep -q 'is UP'; }
wait_for "$TIMEOUT" "slurmctld is up (pid $CTLD_PID, port $CTLD_PORT)" ctld_up ||
    environment_problem "slurmctld did not start (see its log below)"

slurmd -D -f "$SLURM_CONF" -N "$NODE" >"$TMP/log/slurmd.out" 2>&1 &
SLURMD_PID=$!
node_idle() {
    alive "$SLURMD_PID" && alive "$CTLD_PID" || return 1
    [[ $(timeout 10 sinfo -h -n "$NODE" -o %t 2>/dev/null) == idle ]]
}
if ! wait_for "$TIMEOUT" "node $NODE is idle (slurmd pid $SLURMD_PID, $CPUS CPUs)" node_idle; then
    timeout 10 sinfo -N -l 2>&1
    timeout 10 scontrol show node "$NODE" 2>&1 | grep -iE 'state|reason'
    environment_problem "slurmd did not start or node $NODE never became idle within ${TIMEOUT}s"
fi

# --- 3. the study: sharded through Slurm, merged, and unsharded ---------------------------

# run_array LABEL ARRAY_SPEC: submit the shipped script, wait for all tasks, merge.
run_array() {
    local label=$1 spec=$2 root=$TMP/out/$1 status k
    say "sbatch --wait --array=$spec: $SHARDS shards of $SCENARIO_REL --replications $REPLICATIONS"
    # Submitted from the repository with a relative scenario path, as a user would.
    (cd "$REPO" && CARTSIM_BIN=$BIN timeout "$TIMEOUT" sbatch --wait --array="$spec" \
        --output="$TMP/jobs/$label-%A_%a.out" \
        "$SBATCH_SCRIPT" "$SCENARIO_REL" "$root" --replications "$REPLICATIONS" --quiet) &
    SBATCH_PID=$!   # waited for in the background so that a signal is handled at once
    wait "$SBATCH_PID"
    status=$?
    SBATCH_PID=""
    if ((status == 124)); then
        timeout 10 squeue 2>&1
        fail "array job ($label) did not finish within ${TIMEOUT}s"
    fi
    ((status == 0)) || fail "array job ($label) failed: sbatch --wait exited with $status"
    for ((k = 1; k <= SHARDS; k++)); do
        grep -q '"kind" *: *"shard"' "$root/shard-$k/run.json" 2>/dev/null ||
            fail "array job ($label): $root/shard-$k/run.json is missing or not a shard"
    done
    "$BIN" merge "$root"/shard-* --out "$TMP/out/$label-merged" || fail "cartsim merge ($label) failed"
}

compare_with_single() {
    local label=$1 f n=0
    for f in "$TMP/out/single"/*.csv; do
        f=${f##*/}
        cmp -- "$TMP/out/single/$f" "$TMP/out/$label-merged/$f" ||
            fail "$f of the merged Slurm shards ($label) differs from the unsharded run"
        n=$((n + 1))
    done
    for f in replications.csv summary.csv; do
        [[ -f $TMP/out/single/$f ]] || fail "the unsharded run wrote no $f"
    done
    say "$label: merged shards identical to the unsharded run ($n CSV files, cmp)"
}

started=$SECONDS
(cd "$REPO" && "$BIN" run "$SCENARIO_REL" --replications "$REPLICATIONS" --out "$TMP/out/single" --quiet) ||
    fail "the unsharded cartsim run failed"

run_array one-based "1-$SHARDS"
compare_with_single one-based
run_array zero-based "0-$((SHARDS - 1))"
compare_with_single zero-based

say "jobs took $((SECONDS - started)) s"
banner "SLURM LOCALHOST TEST: PASS — $SHARDS-shard job arrays (--array=1-$SHARDS and 0-$((SHARDS - 1))) on a localhost Slurm cluster, merged = unsharded, byte for byte"
exit 0
