#!/usr/bin/env bash
# The Slurm test (slow: it installs and starts a real Slurm): a one-node cluster on localhost (munge, slurmctld,
# slurmd as root, config in a temporary directory), docs/sweep.sbatch submitted as a 3-task job array on the
# sweep test experiment, the shards merged, and the result compared byte for byte with the same sweep run on
# one machine. Skipped, with the reason, only where Slurm cannot be installed (not root, no apt-get).
# Usage: scripts/slurm-test.sh   (or npm run test:slurm). Ends with "N passed, N failed".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

skip() { echo "slurm test SKIPPED: $*"; echo "0 passed, 0 failed, 1 skipped"; exit 0; }
if ! command -v sbatch >/dev/null 2>&1 || ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || skip "Slurm is not installed and installing it needs root"
  command -v apt-get >/dev/null 2>&1 || skip "Slurm is not installed and there is no apt-get to install it"
  apt-get update -qq || skip "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null || skip "apt-get install slurm-wlm munge failed"
fi
[ "$(id -u)" = 0 ] || skip "starting slurmd on this machine needs root"
[ -f dist/paradip.js ] || node scripts/build.mjs

work=$(mktemp -d /tmp/paradip-slurm.XXXXXX)
host=$(hostname -s)
pids=()
cleanup() {
  for f in "$work"/slurmd.pid "$work"/slurmctld.pid "$work"/munged.pid; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

# munge: its own key and socket in $work, so nothing of the machine's is touched.
mkdir -p "$work/munge" "$work/spool" "$work/state" "$work/results"
dd if=/dev/urandom bs=1 count=1024 of="$work/munge/munge.key" 2>/dev/null
chmod 700 "$work/munge"; chmod 400 "$work/munge/munge.key"
/usr/sbin/munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munge/seed"

cat > "$work/slurm.conf" <<CONF
ClusterName=paradip-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF"
/usr/sbin/slurmd -f "$SLURM_CONF"
for _ in $(seq 1 60); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed)' && break
  sleep 1
done
sinfo -h -o '%T' | grep -qE '^(idle|mixed)' || { echo "slurm did not come up:"; tail -20 "$work"/slurm*.log; exit 1; }
echo "slurm up: $(sinfo -h -o '%P %D %T %c')"

passed=0; failed=0
check() { if "$@"; then passed=$((passed + 1)); echo "ok: ${desc}"; else failed=$((failed + 1)); echo "FAILED: ${desc}"; fi; }

experiment=test/fixtures/sweep-small.yaml
export PARADIP="node $root/bin/paradip.js"
start=$(date +%s)
sbatch --wait --array=0-2 --cpus-per-task=1 --output="$work/results/slurm-%A_%a.out" \
  docs/sweep.sbatch "$experiment" "$work/results" || true
echo "job array finished in $(( $(date +%s) - start )) s"
cat "$work"/results/slurm-*.out
desc="each of the 3 array tasks wrote a finished shard"
check test -f "$work/results/shard-0-of-3/experiment.json" -a -f "$work/results/shard-1-of-3/experiment.json" -a -f "$work/results/shard-2-of-3/experiment.json"
desc="paradip merge combines the shards"
check $PARADIP merge "$work"/results/shard-*-of-3 --out "$work/results/merged"
desc="the same sweep on one machine"
check $PARADIP sweep "$experiment" --out "$work/results/single" --quiet
for f in runs.csv runs.parquet experiment.json; do
  desc="merged $f is byte-identical to the one-machine $f"
  check cmp "$work/results/merged/$f" "$work/results/single/$f"
done
echo "${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
