#!/usr/bin/env bash
# An overloaded machine for the chaos suite's replays (docs/reliability.md, run 15): N busy loops at normal
# priority for S seconds, beside a trial. Usage: bench/cpu-hogs.sh N S & bench/chaos.sh --full --trial kill9-3 --seed 903
set -euo pipefail
n=${1:?number of busy loops}
seconds=${2:?seconds}
for _ in $(seq "$n"); do timeout "$seconds" sh -c 'while :; do :; done' & done
wait
