#!/bin/sh
# Fetch the exact source versions used by derive.py into WORKDIR.
#   sh Config/factors/derive/fetch-sources.sh WORKDIR
# Optional: USLCI_GIT / BOAVIZTA_GIT / ELCI_GIT = path of an existing local clone (bare or not) that
# contains the pinned commit; then `git archive` is used instead of a network clone.
set -eu
W=${1:?usage: fetch-sources.sh WORKDIR}
mkdir -p "$W"

USLCI_URL=https://github.com/FLCAC-admin/uslci-content
USLCI_COMMIT=91824482b335d7db1b232d18dcc259301c4e42c9
USLCI_PATHS="downloads/uslci_olca1_5_0_json_ld LICENSE docs/submission_handbook/04-resources/04-App-A.md docs/submission_handbook/04-resources/04-App-C.md"

BOAVIZTA_URL=https://github.com/Boavizta/boaviztapi
BOAVIZTA_COMMIT=15878f045bf06bc6ed685c7266c39f7e8498ab94
BOAVIZTA_PATHS="boaviztapi/data/crowdsourcing/iot_factors_tide.csv LICENSE README.md docs/docs/Explanations/devices/iot_devices.md"

ELCI_URL=https://github.com/USEPA/ElectricityLCI
ELCI_COMMIT=71a3f6dd20ed36bfcea3ff64b5e27d117ca7adc5
ELCI_PATHS="electricitylci/data/NETL-EIA_powerplants_water_withdraw_consume_data_2016.csv electricitylci/plant_water_use.py LICENSE"

BW2IO=bw2io==0.9.17
BW2IO_SHA256=974588746b9019de3807d5269107b56ae73b723efdd5184cb9d737133c1ed7d3

fetch_git() {  # url commit dest local paths...
    url=$1; commit=$2; dest=$3; local=$4; shift 4
    rm -rf "$dest"; mkdir -p "$dest"
    if [ -n "$local" ]; then
        git -C "$local" archive "$commit" "$@" | tar -x -C "$dest"
    else
        git clone --quiet --filter=blob:none --no-checkout "$url" "$dest"
        git -C "$dest" sparse-checkout set --no-cone "$@"
        git -C "$dest" checkout --quiet "$commit"
    fi
}

fetch_git "$USLCI_URL" "$USLCI_COMMIT" "$W/uslci-content" "${USLCI_GIT:-}" $USLCI_PATHS
fetch_git "$BOAVIZTA_URL" "$BOAVIZTA_COMMIT" "$W/boaviztapi" "${BOAVIZTA_GIT:-}" $BOAVIZTA_PATHS
fetch_git "$ELCI_URL" "$ELCI_COMMIT" "$W/electricitylci" "${ELCI_GIT:-}" $ELCI_PATHS

mkdir -p "$W/pypi"
python3 -m pip download --quiet --no-deps "$BW2IO" -d "$W/pypi"
echo "$BW2IO_SHA256  $W/pypi/bw2io-0.9.17-py3-none-any.whl" | sha256sum -c -

cat > "$W/SOURCES.txt" <<EOF
USLCI   $USLCI_URL @ $USLCI_COMMIT ($USLCI_PATHS)
Boavizta $BOAVIZTA_URL @ $BOAVIZTA_COMMIT ($BOAVIZTA_PATHS)
ElectricityLCI $ELCI_URL @ $ELCI_COMMIT ($ELCI_PATHS)
bw2io   https://pypi.org/project/bw2io/0.9.17/ sha256 $BW2IO_SHA256
EOF
echo "sources in $W"
