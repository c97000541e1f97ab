#!/usr/bin/env python3
"""Derive Config/factors/open-lca.csv from open sources (see README.md in this folder).

Usage:  python3 Config/factors/derive/derive.py WORKDIR
where WORKDIR was filled by Config/factors/derive/fetch-sources.sh WORKDIR.

Only the standard library, numpy and scipy are used.  Every number written to the CSV is
computed here from the source files, or is a constant in the STATED ASSUMPTIONS section below
(each one named and explained in README.md and in the row's `source` field).
"""
import csv, glob, hashlib, io, json, math, os, re, sys, zipfile
from collections import defaultdict

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "open-lca.csv"))
DEFAULT_CSV = os.path.normpath(os.path.join(HERE, "..", "default.csv"))
CMD = "sh Config/factors/derive/fetch-sources.sh /tmp/fleetprint-sources && python3 Config/factors/derive/derive.py /tmp/fleetprint-sources"

# ----------------------------------------------------------------------------------------------
# Pinned sources (fetch-sources.sh downloads exactly these; checked below where a hash is known)
USLCI_COMMIT = "91824482b335d7db1b232d18dcc259301c4e42c9"
USLCI_DIR = "uslci-content/downloads/uslci_olca1_5_0_json_ld"
BOAVIZTA_COMMIT = "15878f045bf06bc6ed685c7266c39f7e8498ab94"
BOAVIZTA_CSV = "boaviztapi/boaviztapi/data/crowdsourcing/iot_factors_tide.csv"
BW2IO_WHEEL = "pypi/bw2io-0.9.17-py3-none-any.whl"
BW2IO_SHA256 = "974588746b9019de3807d5269107b56ae73b723efdd5184cb9d737133c1ed7d3"
LCIA_MEMBER = "bw2io/data/lcia/lcia_39_ecoinvent.zip"
ELCI_COMMIT = "71a3f6dd20ed36bfcea3ff64b5e27d117ca7adc5"
ELCI_CSV = "electricitylci/electricitylci/data/NETL-EIA_powerplants_water_withdraw_consume_data_2016.csv"

# ----------------------------------------------------------------------------------------------
# Category definitions: our id -> (indicator unit, method key in ecoinvent 3.9 LCIA JSON)
EF = "EF v3.0"
EF_CATS = [
    ("climate-change", "kg CO2-eq", ("climate change", "global warming potential (GWP100)")),
    ("ozone-depletion", "kg CFC-11-eq", ("ozone depletion", "ozone depletion potential (ODP)")),
    ("ionising-radiation", "kBq U235-eq", ("ionising radiation: human health", "human exposure efficiency relative to u235")),
    ("photochemical-ozone-formation", "kg NMVOC-eq", ("photochemical oxidant formation: human health", "tropospheric ozone concentration increase")),
    ("particulate-matter", "disease incidence", ("particulate matter formation", "impact on human health")),
    ("human-toxicity-cancer", "CTUh", ("human toxicity: carcinogenic", "comparative toxic unit for human (CTUh)")),
    ("human-toxicity-non-cancer", "CTUh", ("human toxicity: non-carcinogenic", "comparative toxic unit for human (CTUh)")),
    ("acidification", "mol H+-eq", ("acidification", "accumulated exceedance (AE)")),
    ("eutrophication-freshwater", "kg P-eq", ("eutrophication: freshwater", "fraction of nutrients reaching freshwater end compartment (P)")),
    ("eutrophication-marine", "kg N-eq", ("eutrophication: marine", "fraction of nutrients reaching marine end compartment (N)")),
    ("eutrophication-terrestrial", "mol N-eq", ("eutrophication: terrestrial", "accumulated exceedance (AE)")),
    ("ecotoxicity-freshwater", "CTUe", ("ecotoxicity: freshwater", "comparative toxic unit for ecosystems (CTUe)")),
    ("land-use", "pt", ("land use", "soil quality index")),
    ("water-use", "m3 world-eq deprived", ("water use", "user deprivation potential (deprivation-weighted water consumption)")),
    ("resource-use-fossils", "MJ", ("energy resources: non-renewable", "abiotic depletion potential (ADP): fossil fuels")),
    ("resource-use-minerals-metals", "kg Sb-eq", ("material resources: metals/minerals", "abiotic depletion potential (ADP): elements (ultimate reserves)")),
]
RE = "ReCiPe 2016 v1.03, midpoint (H)"
RE_CATS = [
    ("climate-change", "kg CO2-eq", ("climate change", "global warming potential (GWP1000)")),
    ("ozone-depletion", "kg CFC-11-eq", ("ozone depletion", "ozone depletion potential (ODPinfinite)")),
    ("ionising-radiation", "kBq Co-60-eq", ("ionising radiation", "ionising radiation potential (IRP)")),
    ("ozone-formation-human-health", "kg NOx-eq", ("photochemical oxidant formation: human health", "photochemical oxidant formation potential: humans (HOFP)")),
    ("particulate-matter-formation", "kg PM2.5-eq", ("particulate matter formation", "particulate matter formation potential (PMFP)")),
    ("ozone-formation-terrestrial-ecosystems", "kg NOx-eq", ("photochemical oxidant formation: terrestrial ecosystems", "photochemical oxidant formation potential: ecosystems (EOFP)")),
    ("terrestrial-acidification", "kg SO2-eq", ("acidification: terrestrial", "terrestrial acidification potential (TAP)")),
    ("freshwater-eutrophication", "kg P-eq", ("eutrophication: freshwater", "freshwater eutrophication potential (FEP)")),
    ("marine-eutrophication", "kg N-eq", ("eutrophication: marine", "marine eutrophication potential (MEP)")),
    ("terrestrial-ecotoxicity", "kg 1,4-DCB-eq", ("ecotoxicity: terrestrial", "terrestrial ecotoxicity potential (TETP)")),
    ("freshwater-ecotoxicity", "kg 1,4-DCB-eq", ("ecotoxicity: freshwater", "freshwater ecotoxicity potential (FETP)")),
    ("marine-ecotoxicity", "kg 1,4-DCB-eq", ("ecotoxicity: marine", "marine ecotoxicity potential (METP)")),
    ("human-toxicity-cancer", "kg 1,4-DCB-eq", ("human toxicity: carcinogenic", "human toxicity potential (HTPc)")),
    ("human-toxicity-non-cancer", "kg 1,4-DCB-eq", ("human toxicity: non-carcinogenic", "human toxicity potential (HTPnc)")),
    ("land-use", "m2a crop-eq", ("land use", "agricultural land occupation (LOP)")),
    ("mineral-resource-scarcity", "kg Cu-eq", ("material resources: metals/minerals", "surplus ore potential (SOP)")),
    ("fossil-resource-scarcity", "kg oil-eq", ("energy resources: non-renewable, fossil", "fossil fuel potential (FFP)")),
    ("water-consumption", "m3", ("water use", "water consumption potential (WCP)")),
]
METHODS = {"ef-3.0": (EF, EF_CATS), "recipe-2016": (RE, RE_CATS)}

# ----------------------------------------------------------------------------------------------
# STATED ASSUMPTIONS (every constant used to build a result; see README.md)
MI_KM = 1.609344
# Transport reference payloads.  USLCI truck processes are per t*km; per vehicle-km = t*km/vkm x payload.
# stated assumption: average payload (t) per vehicle-km incl. empty running; low/high bracket.
PAYLOAD = {  # item: (process, value t, low t, high t, reason)
    "van-diesel": ("Transport, light commercial truck, diesel powered", 0.5, 0.3, 0.8,
                   "stated assumption: average load 0.5 t (0.3-0.8 t) for a <=3.5 t van"),
    "refuse-truck": ("Transport, refuse truck, diesel powered", 5.0, 3.0, 8.0,
                     "stated assumption: average load 5 t (3-8 t) over a collection round"),
    "truck-rigid": ("Transport, single unit truck, diesel powered", 5.5, 3.5, 8.0,
                    "stated assumption: average laden rigid >17 t carries 5.5 t (3.5-8 t) incl. empty running"),
}
# Refinery: USLCI 2017 refinery processes list co-products without allocation factors; the
# reference product (diesel) would otherwise carry the whole refinery.  Energy allocation
# with these lower heating values (stated assumption, typical handbook values).
LHV = {  # flow name: (MJ per unit of the exchange unit, unit)
    "Diesel, at refinery": (35.9, "l"), "Gasoline, at refinery": (32.2, "l"),
    "Kerosene, at refinery": (34.9, "l"), "Liquefied petroleum gas, at refinery": (23.5, "l"),
    "Residual fuel oil, at refinery": (39.7, "l"), "Refinery gas, at refinery": (45.0, "m3"),
    "Petroleum coke, at refinery": (32.0, "kg"), "Bitumen, at refinery": (40.0, "kg"),
    "Petroleum refining coproduct, at refinery": (40.0, "kg"),
    "Petroleum refining coproduct, unspecified, at refinery": (40.0, "kg"),
}
ENERGY_ALLOCATED = {"Petroleum refining, at refinery", "Crude oil, in refinery"}
# Dutch production mix 2021 (bn kWh), CBS via its 2022 news release (see README): gas 55.3, coal 16.5,
# other fossil 2.89 (= 74.69 - 55.3 - 16.5, modelled as gas), nuclear and other 4.13 (as nuclear),
# biomass 9.69, wind 17.89 + solar 11.44 + hydro 0.09 (no USLCI process: zero burden, flagged).
NL_MIX = [("Electricity, natural gas, at power plant", 55.3 + 2.89),
          ("Electricity, bituminous coal, at power plant", 16.5),
          ("Electricity, nuclear, at power plant", 4.13),
          ("Electricity, biomass, at power plant", 9.69),
          (None, 17.89 + 11.44 + 0.09)]
GRID_LOSS = 0.05  # stated assumption (~5 % transmission + distribution losses to low voltage)
CE_DELFT_2021 = 0.374
# Flat glass proxy: E-glass (glass fibre) is used as the HIGH end; value = 0.6 x E-glass (stated).
GLASS_SCALE, GLASS_LOW_SCALE = 0.6, 0.4
# EPDM proxy: 0.5 kg PE-LD + 0.5 kg PP resin + 0.5 kWh US grid electricity per kg
# (compounding/vulcanisation energy, stated assumption); +-40 %.
RUBBER_PARTS = [("Polyethylene, low density, resin, at plant", 0.5),
                ("Polypropylene, resin, at plant", 0.5),
                ("Electricity, at Grid, US, 2010", 0.5)]
RUBBER_RANGE = (0.6, 1.4)
# Plastics average: equal-mass mix of the four resins (stated assumption).
PLASTICS = ["Polyethylene, low density, resin, at plant", "Polypropylene, resin, at plant",
            "Polyvinyl chloride, resin, at plant", "Polystyrene, high impact, resin, at plant"]
# Li-ion pack (per kg pack), stated assumption; see README.  Only what USLCI covers is counted.
BATTERY_PARTS = [  # (process, kg or kWh per kg pack, note)
    ("Aluminum ingot, production mix, at plant", 0.30, "pack housing + cathode foil, aluminium"),
    ("Hot rolled sheet, steel, at plant", 0.05, "steel fasteners/brackets"),
    ("Polypropylene, resin, at plant", 0.06, "separator, cell pouch polymer, module plastics"),
    ("Electricity, at Grid, US, 2010", 0.110 * 60.0, "cell manufacture: 60 kWh electricity per kWh capacity x 0.110 kWh/kg"),
]
BATTERY_MISSING_MASS = 0.59  # cathode active material (NMC), graphite, copper foil, electrolyte, BMS electronics
BATTERY_RANGE = (1.0, 3.0)  # high: missing materials could triple the result (stated)

# SUPPLEMENT W3 (power-plant cooling water; README "Water supplements"): USLCI 2017 power plants book
# no water.  US EPA ElectricityLCI (CC0) ships NETL's 2016 plant-level analysis of EIA data
# (NETL-EIA_powerplants_water_withdraw_consume_data_2016.csv, monthly per generator).  Fresh-water
# consumption intensity per USLCI generation process = sum over rows of that technology with Water
# Type 'Fresh' of 'Water Consumption Intensity Adjusted (gal/MWh)' x 'Total net generation (MWh)' /
# sum of net generation of ALL rows of that technology (saline, brackish, reclaimed, other and
# unspecified water types count as 0 fresh consumption; the same adjusted columns ElectricityLCI's
# plant_water_use.py uses).  The file covers generators with a cooling system only (simple-cycle gas
# turbines without cooling are absent): the gas factor is an overestimate for a fleet with CTs.
# Mapped like W1 (net consumption -> ecoinvent 'Water' to air).
ELCI_TECH = {  # USLCI process: EIA generator primary technology codes in the NETL file
    "Electricity, natural gas, at power plant": ("NGCC", "NGSC"),
    "Electricity, bituminous coal, at power plant": ("CSC",),
    "Electricity, lignite coal, at power plant": ("CSC",),
    "Electricity, anthracite coal, at power plant": ("CSC",),
    "Electricity, nuclear, at power plant": ("NU",),
    "Electricity, biomass, at power plant": ("WB", "OWB"),
    "Electricity, diesel, at power plant": ("PL",),
    "Electricity, residual fuel oil, at power plant": ("PL",),
}
GAL_M3 = 0.003785411784  # US gallon in m3 (definition)
# SUPPLEMENT W4 (steel water, category proxy; README): 'Hot rolled sheet, steel, at plant' (ATHENA,
# aggregated) books no water.  The NETL Unit Process Library datasets in the same USLCI export,
# 'Steel plate; Blast furnace route; Production mix; 85% recovery rate' (worldsteel/IISI 2005 data,
# 'Water, ground' 6.12 kg/kg) and 'Steel reinforcement bar; Blast furnace route; Production mix'
# ('Water' 1.2689 kg/kg), are used for the water categories ONLY: the plate's fresh-water withdrawal
# is attached per kg to the three steel processes used for steel (value/low/high), and the rebar's
# gives the low end.  Withdrawals with no booked return count fully as consumption (as rule W1):
# an overestimate of consumption.
STEEL_WATER = ("Steel plate; Blast furnace route; Production mix; 85% recovery rate",
               "Steel reinforcement bar; Blast furnace route; Production mix")
STEEL_PROCS = ("Hot rolled sheet, steel, at plant", "Steel, liquid, at plant", "Galvanized steel sheet, at plant")
WATER_CATS = ("water-use", "water-consumption")

ITEMS = [  # item, reference unit
    ("steel", "kg"), ("aluminium", "kg"), ("glass", "kg"), ("plastics-average", "kg"), ("rubber", "kg"),
    ("zinc", "kg"), ("li-ion-battery", "kg"), ("electricity-nl", "kWh"), ("van-diesel", "km"),
    ("refuse-truck", "km"), ("truck-rigid", "km"),
    ("iot-connectivity", "count"), ("iot-connectivity-cellular", "count"), ("iot-pcb", "count"),
    ("iot-processing", "count"), ("iot-memory", "count"), ("iot-sensing", "count"),
    ("iot-casing", "count"), ("iot-power-supply", "count"),
]

LIC_USLCI = "USLCI: NREL data use notice, see Config/factors/derive/USLCI-NOTICE.md"
LIC_CF = {"ef-3.0": "CFs: EF 3.0 via ecoinvent 3.9 LCIA file in bw2io 0.9.17 (BSD-3-Clause), CF terms unknown (derive/README.md)",
          "recipe-2016": "CFs: ReCiPe 2016 via ecoinvent 3.9 LCIA file in bw2io 0.9.17 (BSD-3-Clause), CF terms unknown (derive/README.md)"}
LIC_BOAVIZTA = "Boavizta boaviztapi: AGPL-3.0 (repository LICENSE; no separate data licence found)"

GAP_WHY = {  # category -> why nothing in the USLCI chains carries a factor there (checked in the report)
    "land-use": "no Occupation/Transformation flow in this USLCI chain",
    "ionising-radiation": "radioactivity booked only as 'Radioactive species, unspecified' (kBq, nuclide unknown, no CF) or as Radium-226 in kg (not converted, rule U1)",
    "eutrophication-freshwater": "no phosphorus/phosphate emission in this chain (COD/BOD have no CF in this method)",
    "freshwater-eutrophication": "no phosphorus/phosphate emission in this chain (COD/BOD have no CF in this method)",
    "resource-use-minerals-metals": "no metal/mineral resource with a CF in this chain (limestone, trona, clay etc. have none; ore inputs cut off)",
    "mineral-resource-scarcity": "no metal/mineral resource with a CF in this chain (limestone, trona, clay etc. have none; ore inputs cut off)",
    "water-use": "no fresh-water withdrawal or release booked in this chain",
    "water-consumption": "no fresh-water withdrawal or release booked in this chain",
    "ozone-depletion": "no ozone-depleting substance booked in this chain",
}


def gap_reason(mid, item, cid):
    return "coverage gap: " + GAP_WHY.get(cid, "no inventory flow in this chain has a %s CF in this category" % mid)


def die(msg):
    print("FAILED: " + msg, file=sys.stderr)
    sys.exit(1)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


# ----------------------------------------------------------------------------------------------
# USLCI JSON-LD
class USLCI:
    def __init__(self, root):
        self.root = root
        ld = lambda sub: [json.load(open(f)) for f in sorted(glob.glob(os.path.join(root, sub, "*.json")))]
        self.cats = {c["@id"]: c for c in ld("categories")}
        self.unit = {}; self.ug_ref = {}
        for g in ld("unit_groups"):
            ref = [u["name"] for u in g["units"] if u.get("referenceUnit")][0]
            self.ug_ref[g["@id"]] = ref
            for u in g["units"]:
                self.unit[u["@id"]] = u["conversionFactor"]
        self.fp_ug = {p["@id"]: p["unitGroup"]["@id"] for p in ld("flow_properties")}
        self.flows = {f["@id"]: f for f in ld("flows")}
        self.procs = ld("processes")
        self.by_name = {}
        for p in self.procs:
            self.by_name.setdefault(p["name"].strip(), p)

    def cat_path(self, cid):
        out = []
        while cid:
            c = self.cats[cid]; out.append(c["name"]); cid = c.get("category", {}).get("@id")
        return "/".join(reversed(out))

    def ref_unit(self, fid):
        f = self.flows[fid]
        fp = [x for x in f["flowProperties"] if x.get("referenceFlowProperty")][0]
        return self.ug_ref[self.fp_ug[fp["flowProperty"]["@id"]]]

    def to_ref(self, e):
        """exchange amount in the flow's reference unit"""
        f = self.flows[e["flow"]["@id"]]
        fpf = {x["flowProperty"]["@id"]: x["conversionFactor"] for x in f["flowProperties"]}
        fp = e.get("flowProperty", {}).get("@id")
        conv = fpf.get(fp, 1.0) if fp else 1.0
        return e["amount"] * self.unit[e["unit"]["@id"]] / conv

    def build(self, alias=None):
        """alias: bw2io's us-lci.json name table (old USLCI name -> USLCI process name), for rule L2"""
        alias = alias or {}
        procs = sorted(self.procs, key=lambda p: p["name"])
        # 'Petroleum refining, at refinery' (2008 grid) preferred over 'Crude oil, in refinery' for diesel
        procs.sort(key=lambda p: 0 if p["name"] == "Petroleum refining, at refinery" else 1)
        self.col = {}; self.provider = {}
        for p in procs:
            ref = [e for e in p["exchanges"] if e.get("quantitativeReference")][0]
            self.col[p["@id"]] = len(self.col)
            self.provider.setdefault(ref["flow"]["@id"], p["@id"])
        n = len(self.col)
        # LINKING RULES for inputs whose flow id has no provider (logged in self.links, README "Linking"):
        #  L1 same name: the input flow's name equals the reference-product name of a USLCI process
        #     (case/space-insensitive) with the same reference unit (e.g. "Transport, ocean freighter,
        #     residual fuel oil powered": the export has the process, but inputs use another flow id);
        #  L2 bw2io alias: the name without a leading "CUTOFF " is a key of bw2io 0.9.17
        #     data/us-lci.json (bw2io's published USLCI renaming table) whose target is a USLCI process
        #     name, same reference unit (e.g. "... for olefins production, at plant, material use");
        #  L3 cut-off marker: "CUTOFF X" where X is the reference-product name of a process, same unit.
        # A unit mismatch (e.g. "CUTOFF Anthracite coal, at mine" in MJ, process in kg) is not linked.
        norm = lambda x: re.sub(r"\s+", " ", x).strip().lower()
        by_ref, by_pname = {}, {}
        for p in procs:
            ref = [e for e in p["exchanges"] if e.get("quantitativeReference")][0]
            by_ref.setdefault(norm(ref["flow"]["name"]), (p["@id"], self.ref_unit(ref["flow"]["@id"])))
            by_pname.setdefault(norm(p["name"]), (p["@id"], self.ref_unit(ref["flow"]["@id"])))
        self.links = defaultdict(lambda: [0, None])  # (rule, input name, provider name) -> [count, unit]
        self.nolink = defaultdict(int)
        pname_of = {p["@id"]: p["name"] for p in procs}

        def link(fid):
            nm = self.flows[fid]["name"]; un = self.ref_unit(fid)
            bare = re.sub(r"^cutoff\s+", "", norm(nm))
            cut = norm(nm).startswith("cutoff ")
            cands = []
            if not cut and norm(nm) in by_ref:
                cands.append(("L1", by_ref[norm(nm)]))
            a = alias.get(nm.strip()) or alias.get(re.sub(r"^CUTOFF\s+", "", nm.strip()))
            if a and norm(a) in by_pname:
                cands.append(("L2", by_pname[norm(a)]))
            if cut and bare in by_ref:
                cands.append(("L3", by_ref[bare]))
            for rule, (pid, pun) in cands:
                if pun == un:
                    return rule, pid
                self.nolink[(nm.strip(), un, pname_of[pid], pun)] += 1
            return None, None
        self.emission_inputs = set()  # emission flows some process books as an input or with a negative amount
        self.elem = {}; rows, cols, vals = [], [], []; brow, bcol, bval = [], [], []
        self.unlinked = defaultdict(list)  # col -> [(name, amount, unit)]
        self.multi = set()
        for p in procs:
            j = self.col[p["@id"]]
            ref = [e for e in p["exchanges"] if e.get("quantitativeReference")][0]
            share = 1.0
            outs = [e for e in p["exchanges"] if not e["input"] and e["flow"]["flowType"] == "PRODUCT_FLOW"]
            if len(outs) > 1:
                self.multi.add(p["name"])
                if p["name"] in ENERGY_ALLOCATED:
                    en = {e["flow"]["name"]: e["amount"] * LHV[e["flow"]["name"]][0] for e in outs if e["flow"]["name"] in LHV}
                    share = en[ref["flow"]["name"]] / sum(en.values())
            rows.append(j); cols.append(j); vals.append(self.to_ref(ref))
            for e in p["exchanges"]:
                if e is ref:
                    continue
                fid = e["flow"]["@id"]; ft = e["flow"]["flowType"]
                amt = self.to_ref(e) * share
                if ft == "ELEMENTARY_FLOW":
                    i = self.elem.setdefault(fid, len(self.elem))
                    path = self.cat_path(self.flows[fid]["category"]["@id"]).lower()
                    is_res = "resource" in path or "/land" in path
                    # resources: input +, output - (rule S1: the 2017 script counted resource
                    # outputs, e.g. turbined water released, as withdrawals); emissions: output +, input -
                    sign = (1.0 if e["input"] else -1.0) if is_res else (1.0 if not e["input"] else -1.0)
                    if not is_res and (e["input"] or e["amount"] < 0):
                        self.emission_inputs.add(fid)
                    brow.append(i); bcol.append(j); bval.append(sign * amt)
                elif e["input"]:
                    pid = self.provider.get(fid)
                    if pid is None:
                        rule, pid = link(fid)
                        if pid is not None:
                            lk = self.links[(rule, e["flow"]["name"].strip(), pname_of[pid])]
                            lk[0] += 1; lk[1] = self.ref_unit(fid)
                    if pid is not None:
                        rows.append(self.col[pid]); cols.append(j); vals.append(-amt)
                    else:
                        self.unlinked[j].append((e["flow"]["name"].strip(), amt, self.ref_unit(fid)))
                # non-reference product/waste outputs: co-products carried by the reference product
        self.A = sp.csc_matrix((vals, (rows, cols)), shape=(n, n))
        self.A.eliminate_zeros()  # exchanges with amount 0 must not put a process in a supply chain
        self.B = sp.csr_matrix((bval, (brow, bcol)), shape=(len(self.elem), n))
        self.elem_ids = [None] * len(self.elem)
        for k, i in self.elem.items():
            self.elem_ids[i] = k
        self.lu = spla.splu(self.A)

    def lci(self, demand):
        """demand: {process name: amount of its reference product}; returns (g, s)"""
        f = np.zeros(self.A.shape[0])
        for name, amt in demand.items():
            p = self.by_name.get(name)
            if p is None:
                die("USLCI process not found: " + name)
            ref = [e for e in p["exchanges"] if e.get("quantitativeReference")][0]
            # demand is given in the process's own reference unit (kWh, kg, t*km); A is in the
            # flow's unit-group reference unit (e.g. MJ for kWh), hence the conversion
            f[self.col[p["@id"]]] += amt * self.to_ref(ref) / ref["amount"]
        s = self.lu.solve(f)
        # Processes outside the supply chain (not reachable from the demand through A) get exactly
        # 0: otherwise round-off of the sparse solve (|s| ~ 1e-20) shows up as tiny flows and
        # would make a coverage gap look like a (tiny) result.
        reach = set(np.nonzero(f)[0]); todo = list(reach)
        A = self.A
        while todo:
            j = todo.pop()
            for i in A.indices[A.indptr[j]:A.indptr[j + 1]]:
                if i not in reach:
                    reach.add(i); todo.append(i)
        mask = np.zeros(len(s), bool); mask[list(reach)] = True
        s = np.where(mask, s, 0.0)
        return self.B @ s, s


# ----------------------------------------------------------------------------------------------
# Characterisation factors and flow mapping
def load_cfs(wheel):
    z = zipfile.ZipFile(wheel)
    inner = zipfile.ZipFile(io.BytesIO(z.read(LCIA_MEMBER)))
    data = json.load(inner.open("data.json"))
    cfs = {}
    for m in data:
        cfs[tuple(m["name"])] = m["exchanges"]
    return cfs


def cf_table(exchanges):
    """(name lower, top compartment) -> CF, preferring the unspecified subcompartment"""
    t, sub = {}, defaultdict(list)
    for e in exchanges:
        cat = e["categories"]
        key = (e["name"].lower(), cat[0])
        if len(cat) == 1:
            t[key] = e["amount"]
        else:
            sub[key].append(e["amount"])
    for k, v in sub.items():
        if k not in t:
            t[k] = v[0] if len(set(v)) == 1 else sum(v) / len(v)
    return t


# ecoinvent names for USLCI legacy names (factor converts USLCI reference unit -> ecoinvent unit)
HAND = {
    "carbon dioxide": ("Carbon dioxide, fossil", 1.0),
    "carbon dioxide [inorganic emissions to air]": ("Carbon dioxide, fossil", 1.0),
    "carbon dioxide, biogenic": ("Carbon dioxide, non-fossil", 1.0),
    "carbon dioxide, land transformation": ("Carbon dioxide, from soil or biomass stock", 1.0),
    "methane": ("Methane, fossil", 1.0),
    "methane, biogenic": ("Methane, non-fossil", 1.0),
    "carbon monoxide": ("Carbon monoxide, fossil", 1.0),
    "carbon monoxide, biogenic": ("Carbon monoxide, non-fossil", 1.0),
    "nitrogen oxide": ("Nitrogen oxides", 46.0 / 30.0),  # NO mass -> NO2 equivalent mass
    "sulfur oxides": ("Sulfur dioxide", 1.0),
    "particulates, < 2.5 um": ("Particulate Matter, < 2.5 um", 1.0),
    "particulates, < 10 um": ("Particulate Matter, > 2.5 um and < 10um", 1.0),
    "particulates, > 2.5 um, and < 10um": ("Particulate Matter, > 2.5 um and < 10um", 1.0),
    "particulates, > 10 um": ("Particulate Matter, > 10 um", 1.0),
    "particulates, unspecified": ("Particulate Matter, > 10 um", 1.0),
    "nmvoc, non-methane volatile organic compounds, unspecified origin": ("NMVOC, non-methane volatile organic compounds", 1.0),
    "voc, volatile organic compounds": ("VOC, volatile organic compounds", 1.0),
    "dinitrogen monoxide": ("Dinitrogen monoxide", 1.0),
    "mercury": ("Mercury", 1.0), "lead": ("Lead", 1.0),
    # rule H2 (2026 additions, each a spelling/synonym of the same substance; README "Flow mapping")
    "methane, tetrachloro-, cfc-10": ("Methane, tetrachloro-, R-10", 1.0),           # carbon tetrachloride
    "methane, difluromonochloro-, hcfc-22": ("Methane, chlorodifluoro-, HCFC-22", 1.0),  # typo in USLCI
    "ethane, 1,1,1-trifluoro-2,2-dichloro-, hcfc-123": ("Ethane, 2,2-dichloro-1,1,1-trifluoro-, HCFC-123", 1.0),
    "phosphates": ("Phosphate", 1.0),
    "cesium-134": ("Caesium-134", 1.0), "cesium-137": ("Caesium-137", 1.0),
    # fossil energy stated in MJ (EF ADP-fossil and ReCiPe FFP via the ecoinvent carrier per MJ)
    "hard coal (in mj)": ("Coal, hard, unspecified", 1 / 18.01),
    "oil sand (10% bitumen) (in mj)": ("Oil, crude", 1 / 43.4),
    "oil sand (100% bitumen) (in mj)": ("Oil, crude", 1 / 43.4),
    "pit methane (in mj)": ("Gas, natural", 1 / 36.0),
    "nuclear energy": ("Uranium", 1 / 560000.0),
}
# Rule M3 (stated assumption): iron ore without a stated grade ("Iron ore, in ground", "Iron ore")
# is converted to kg Fe with IRON_ORE_FE; the EF/ReCiPe iron CFs are per kg Fe (ecoinvent convention).
IRON_ORE_FE = 0.60  # typical traded iron ore 58-65 % Fe (stated; not from a source in this session)
ELEM = {"zn": "zinc", "pb": "lead", "cu": "copper", "au": "gold", "ag": "silver", "ni": "nickel",
        "mo": "molybdenum", "cr": "chromium", "mn": "manganese", "fe": "iron", "sn": "tin"}


def ore_map(n, unit, names):
    """Rule M1/M2: ores with a stated grade -> kg of each named element (ecoinvent CFs are per kg
    element).  '(21.7% Zn; 5.6% Pb)' / '(1.13% Cu; 1.05 g/t Au)' / 'Zinc ore, 12.6%, in ground' /
    'Copper ore (1.2%)'; ranges '9.7 - 14%' -> midpoint.  Unparseable parts are skipped."""
    if unit != "kg":
        return None
    if re.match(r"^iron ore(, in ground)?$", n):
        return [("iron", IRON_ORE_FE)] if "iron" in names else None
    out = []
    m = re.search(r"\(([^)]*)\)", n)
    if m and "ore" in n:
        for part in m.group(1).split(";"):
            q = re.match(r"\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(%|g/t)\s*([a-z]{1,2})\s*$", part)
            if q and q.group(4) in ELEM:
                x = float(q.group(1)) if not q.group(2) else (float(q.group(1)) + float(q.group(2))) / 2
                out.append((ELEM[q.group(4)], x / 100 if q.group(3) == "%" else x * 1e-6))
    if not out:
        m = re.match(r"^([a-z]+) ore(?:, | \()(\d+(?:\.\d+)?)%", n)
        if m and m.group(1) in names:
            out.append((m.group(1), float(m.group(2)) / 100))
    out = [(e, f) for e, f in out if e in names]
    return out or None
# Not mapped on purpose: 'Hydrocarbons (other than methane)' is reported alongside 'VOC' in the
# MOVES-based USLCI transport processes (same emission, second metric): mapping both double counts.
# 'Ammonium, ion' (water) is booked by 'Hot rolled sheet, steel, at plant' as an INPUT of 0.012 kg/kg
# (a negative emission); characterised it would make steel's marine eutrophication negative.  Left
# unmapped (as before rule M5 existed): stated, README.
SKIP = {"hydrocarbons (other than methane)"}
WATER_FRESH = re.compile(r"^water(,| \(|$)|^waste ?water|^cooling water")
WATER_EXCL = re.compile(r"salt|ocean|sole|turbine use|recycled|rain|barrage|brackish|saline|river silt|sea water")


def fossil_map(name, unit):
    """fossil / uranium resources -> (ecoinvent name, factor) via energy content where stated"""
    n = name.lower()
    mj = re.search(r"(\d+(?:\.\d+)?) ?mj(?: per |/)kg", n)
    gj = re.search(r"(\d+(?:\.\d+)?) gj per kg", n)
    if n.startswith("oil, crude") or n.startswith("crude oil"):
        if unit == "kg":
            return ("Oil, crude", float(mj.group(1)) / 43.4 if mj else 1.0)
        if unit == "MJ":
            return ("Oil, crude", 1 / 43.4)
    if n.startswith("gas, natural") or n.startswith("natural gas") or n.startswith("coalbed methane"):
        if unit == "m3":
            return ("Gas, natural", 1.0)
        if unit == "kg":
            return ("Gas, natural", (float(mj.group(1)) if mj else 46.8) / 36.0)
        if unit == "MJ":
            return ("Gas, natural", 1 / 36.0)
    if n.startswith("coal") or n.startswith("lignite"):
        brown = "lignite" in n or "brown" in n
        eco, lhv = ("Coal, brown", 9.41) if brown else ("Coal, hard, unspecified", 18.01)
        if unit == "kg":
            return (eco, float(mj.group(1)) / lhv if mj else 1.0)
        if unit == "MJ":
            return (eco, 1 / lhv)
    if n.startswith("uranium") and ("ground" in n or "ore" in n or "mj" in n):
        if unit == "kg":
            return ("Uranium", float(gj.group(1)) * 1000 / 560000 if gj else 1.0)
        if unit == "MJ":
            return ("Uranium", 1 / 560000)
    return None


class Mapper:
    def __init__(self, usl, tables, migrate=()):
        self.u = usl; self.tables = tables
        self.names = set(k[0] for t in tables.values() for k in t)
        self.pairs = set(k for t in tables.values() for k in t)  # (name, compartment) with a CF
        self.nuclides = set(k[0] for key, t in tables.items() if key[1] == "ionising-radiation" for k in t)
        # rule M4: bw2io 0.9.17 data/biosphere-2-3.json (ecoinvent 2 -> 3 elementary-flow renames)
        self.migrate = {(c, a.lower()): b.lower() for c, a, b in migrate}
        self.rule = {}  # fid -> rule tag, for the log

    def compartment(self, path):
        p = path.lower()
        if "resource" in p or p.startswith("resource") or "/land" in p:
            return "natural resource"
        if "air" in p or "atmosphere" in p:
            return "air"
        if "water" in p:
            return "water"
        if "soil" in p:
            return "soil"
        return None

    def map(self, fid):
        """-> list of (ecoinvent lower name, compartment, factor), or [] with reason"""
        out = self._map(fid)
        # rule U1: radionuclide CFs are per kBq; a radionuclide booked in kg (e.g. USLCI
        # 'Radium-226/kg' [kg]) is not characterised (no activity conversion is made)
        if out and self.u.ref_unit(fid) != "kBq" and any(nm in self.nuclides for nm, _, _ in out):
            self.rule[fid] = "U1 (not mapped)"
            return []
        return out

    def _map(self, fid):
        f = self.u.flows[fid]
        name = f["name"].strip(); n = re.sub(r"\s*\[.*\]$", "", name).strip().lower()
        unit = self.u.ref_unit(fid)
        comp = self.compartment(self.u.cat_path(f["category"]["@id"]))
        if comp is None or n in SKIP:
            return []
        wf = {"m3": 1.0, "kg": 1e-3, "l": 1e-3}.get(unit)
        nw = re.sub(r"/(kg|m3)$", "", n)
        if WATER_FRESH.search(nw) and not WATER_EXCL.search(nw) and wf and comp in ("natural resource", "water"):
            # rules W1/W2 (stated assumption): consumption = fresh-water withdrawals - releases.
            # W1 resource compartment: inputs withdraw (+), outputs (e.g. turbined water) release (-).
            # W2 emission-to-water compartment: outputs release (-); inputs there are withdrawals
            # booked in the wrong compartment (USLCI 'Water, process, unspecified natural origin/m3'
            # in water/unspecified as input, 27 processes) and count (+).  Mapped to ecoinvent
            # 'Water' emitted to air, the only flow with a water CF in this LCIA file.
            self.rule[fid] = "W1" if comp == "natural resource" else "W2"
            return [("water", "air", wf if comp == "natural resource" else -wf)]
        if comp == "natural resource":
            fm = fossil_map(n, unit)
            if fm:
                return [(fm[0].lower(), comp, fm[1])]
            if n.startswith("occupation") or n.startswith("transformation"):
                if unit in ("m2*a", "m2"):
                    cand = n
                    return [(cand, comp, 1.0)] if cand in self.names else []
                return []
            om = ore_map(n, unit, self.names)
            if om:
                self.rule[fid] = "M3" if n.startswith("iron ore") else "M1"
                return [(e, comp, f) for e, f in om]
        if n in HAND:
            return [(HAND[n][0].lower(), comp, HAND[n][1])]
        mig = self.migrate.get((comp, n)) or self.migrate.get((comp, re.sub(r", in ground$", "", n)))
        cands = [n, n.replace(", fossil", ""), n + " ii", n + " ion", n + ", ion", n + " iii",
                 re.sub(r", in ground$", "", n), re.sub(r"/(kg|m3)$", "", n), mig or ""]
        # rule M5: ', ion' suffix and US spellings ('Copper, ion' -> 'Copper ion'/'Cadmium II',
        # 'Aluminum' -> 'Aluminium III', 'Nitrates' -> 'Nitrate', 'Nitrogen, total' -> 'Nitrogen')
        base = re.sub(r", ion$", "", n).replace("aluminum", "aluminium")
        base = {"nitrates": "nitrate", "nitrogen, total": "nitrogen"}.get(base, base)
        cands += [base, base + " ion", base + " ii", base + " iii"]
        for k, cand in enumerate(cands):
            # the candidate must have a CF in this compartment (a name known only in another
            # compartment used to be accepted and then silently had no CF)
            if k >= 8 and fid in self.u.emission_inputs:
                break  # M4/M5 are not applied to flows booked as inputs anywhere (negative emissions)
            if cand and (cand, comp) in self.pairs:
                if cand == mig and cand != n:
                    self.rule[fid] = "M4"
                elif k >= 9:
                    self.rule[fid] = "M5"
                return [(cand, comp, 1.0)]
        if comp == "natural resource":
            # rule M2: ecoinvent-1/2 style metal resource named by the metal ('Lead, 5%, in sulfide,
            # Pb 2.97% ...', 'Chromium, 25.5 in chromite, ...', 'Zinc 9%, Lead 5%, in sulfide'): kg of that metal
            m = re.match(r"^([a-z]+)(?:,| \d)", n)
            if m and m.group(1) in self.names and re.search(r"in (crude ore|sulfide|chromite|ground)", n):
                self.rule[fid] = "M2"
                return [(m.group(1), comp, 1.0)]
        return []


# ----------------------------------------------------------------------------------------------
def main():
    if len(sys.argv) != 2:
        die("usage: derive.py WORKDIR (filled by fetch-sources.sh)")
    W = sys.argv[1]
    wheel = os.path.join(W, BW2IO_WHEEL)
    if sha256(wheel) != BW2IO_SHA256:
        die("bw2io wheel hash mismatch: " + wheel)
    usl = USLCI(os.path.join(W, USLCI_DIR))
    if len(usl.procs) != 766:
        die("expected 766 USLCI processes in %s, found %d" % (USLCI_DIR, len(usl.procs)))
    zw = zipfile.ZipFile(wheel)
    alias = json.loads(zw.read("bw2io/data/us-lci.json"))
    migrate = json.loads(zw.read("bw2io/data/biosphere-2-3.json"))
    usl.build(alias)
    cfs = load_cfs(wheel)

    # characterisation matrices per method/category over USLCI elementary flows
    mapped_cf = {}
    for mid, (mname, cats) in METHODS.items():
        for cid, unit, key in cats:
            k = (mname,) + key
            if k not in cfs:
                die("method missing in LCIA file: %r" % (k,))
            mapped_cf[(mid, cid)] = cf_table(cfs[k])
    mapper = Mapper(usl, mapped_cf, migrate)
    maps = [mapper.map(fid) for fid in usl.elem_ids]

    # ---------------- water supplements W3 (ElectricityLCI/NETL power plants) and W4 (steel) ------
    gen = defaultdict(float); fresh = defaultdict(float); nrows = 0; skipped = 0
    with open(os.path.join(W, ELCI_CSV), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            try:
                g = float(r["Total net generation (MWh)"]); c = float(r["Water Consumption Intensity Adjusted (gal/MWh)"])
            except ValueError:
                skipped += 1; continue
            if math.isnan(c) or g <= 0:
                skipped += 1; continue
            t = r["Generator Primary Technology"]; nrows += 1
            gen[t] += g
            if r["Water Type"] == "Fresh":
                fresh[t] += c * g
    supp_log = []
    sup_vals = defaultdict(float)  # column -> m3 per reference unit
    for proc, codes in ELCI_TECH.items():
        p = usl.by_name.get(proc)
        if p is None:
            die("W3: USLCI process not found: " + proc)
        ref = [e for e in p["exchanges"] if e.get("quantitativeReference")][0]
        G = sum(gen[c] for c in codes)
        if G <= 0:
            die("W3: no generation for %s in the NETL file" % (codes,))
        galmwh = sum(fresh[c] for c in codes) / G
        unit = usl.ref_unit(ref["flow"]["@id"])
        per_mj = galmwh * GAL_M3 / 3600.0
        if unit != "MJ":
            die("W3: %s reference unit %s, expected MJ" % (proc, unit))
        # B holds amounts per process reference amount (A's diagonal, in MJ here)
        sup_vals[usl.col[p["@id"]]] += per_mj * usl.to_ref(ref)
        supp_log.append("W3: %s <- %s: %.1f gal/MWh fresh-water consumption (%.4g m3/MJ; %.1f TWh of those generators in the file)" % (proc, "+".join(codes), galmwh, per_mj, G / 1e6))
    supp_log.append("W3: NETL-EIA 2016 file: %d generator-month rows used, %d skipped (no generation or intensity)" % (nrows, skipped))
    sw = {}
    for name in STEEL_WATER:
        p = usl.by_name.get(name)
        if p is None:
            die("W4: USLCI process not found: " + name)
        tot = 0.0
        for e in p["exchanges"]:
            fid = e["flow"]["@id"]
            if e["flow"]["flowType"] != "ELEMENTARY_FLOW" or fid not in usl.elem:
                continue
            for nm, comp, fac in maps[usl.elem[fid]]:
                if nm == "water":
                    sign = 1.0 if e["input"] else -1.0
                    tot += sign * usl.to_ref(e) * fac
        sw[name] = tot  # m3 per kg
    for proc in STEEL_PROCS:
        p = usl.by_name[proc]
        ref = [e for e in p["exchanges"] if e.get("quantitativeReference")][0]
        sup_vals[usl.col[p["@id"]]] += sw[STEEL_WATER[0]] * usl.to_ref(ref)
    supp_log.append("W4: %s <- water of '%s': %.4g m3/kg (low end for steel water rows: '%s' %.4g m3/kg)" % (
        ", ".join(STEEL_PROCS), STEEL_WATER[0], sw[STEEL_WATER[0]], STEEL_WATER[1], sw[STEEL_WATER[1]]))
    steel_water_low = sw[STEEL_WATER[1]] / sw[STEEL_WATER[0]]
    # one supplementary elementary flow row in B ('Water' consumed, m3), mapped like W1
    cols_ = sorted(sup_vals)
    extra = sp.csr_matrix((np.array([sup_vals[j] for j in cols_]), (np.zeros(len(cols_), int), np.array(cols_))),
                          shape=(1, usl.B.shape[1]))
    usl.B = sp.vstack([usl.B, extra]).tocsr()
    usl.elem_ids.append("SUPPLEMENT-W3-W4")
    maps.append([("water", "air", 1.0)])
    W4_COLS = set(usl.col[usl.by_name[p]["@id"]] for p in STEEL_PROCS)
    W3_COLS = set(cols_) - W4_COLS
    SUPP = {}  # item -> (W3 in chain, W4 in chain)
    C = {}
    for key, table in mapped_cf.items():
        c = np.zeros(len(usl.elem_ids))
        for i, ms in enumerate(maps):
            for (nm, comp, fac) in ms:
                v = table.get((nm, comp))
                if v is not None:
                    c[i] += v * fac
        C[key] = c

    def impacts(demand, with_cov=False):
        g, s = usl.lci(demand)
        res = {}; cov = {}
        for key in C:
            terms = C[key] * g
            x = float(terms.sum())
            # numerical noise of the sparse solve (|x| < 1e-12 of the largest term) -> 0
            scale = float(np.abs(terms).max()) if g.size else 0.0
            res[key] = 0.0 if abs(x) <= 1e-12 * max(scale, 1e-300) else x
            # coverage: mapped flows with a non-zero CF and a non-zero amount in the chain
            cov[key] = [i for i in np.nonzero(terms)[0]]
        if with_cov:
            return res, g, s, cov
        return res, g, s

    # ---------------- USLCI-based items: (value demand, low demand, high demand, descr) -------
    rows = []; diag = {}
    COV = {}  # (method, item, category) -> number of mapped flows with a non-zero CF in the chain
    def item_result(item, dem, lo_dem, hi_dem, src, year, scale=(1.0, 1.0, 1.0), methods=("ef-3.0", "recipe-2016")):
        v, g, s, cov = impacts(dem, True); lo, _, s_lo = impacts(lo_dem); hi, _, s_hi = impacts(hi_dem)
        nz = set(np.nonzero(s)[0]) | set(np.nonzero(s_lo)[0]) | set(np.nonzero(s_hi)[0])  # value, low or high chain
        SUPP[item] = (bool(nz & W3_COLS), bool(nz & W4_COLS))
        for key in C:
            COV[(key[0], item, key[1])] = len(cov[key])
        # diagnostics: unmapped mass, unlinked inputs
        unm = defaultdict(float)
        for i, ms in enumerate(maps):
            if not ms and g[i] != 0:
                f = usl.flows[usl.elem_ids[i]]
                unm["%s [%s] (%s)" % (f["name"].strip(), usl.ref_unit(usl.elem_ids[i]), usl.cat_path(f["category"]["@id"]))] += g[i] * scale[0]
        unl = defaultdict(float)
        for j in np.nonzero(np.abs(s) > 1e-12)[0]:
            for (nm, amt, un) in usl.unlinked.get(j, []):
                unl["%s [%s]" % (nm, un)] += amt * s[j] * scale[0]
        multi = sorted(set(p["name"] for p in usl.procs if usl.col[p["@id"]] in set(np.nonzero(np.abs(s) > 1e-12)[0]) and p["name"] in usl.multi))
        diag[item] = (unm, unl, multi)
        for key in C:
            mid, cid = key
            if mid not in methods:
                continue
            vals = sorted([v[key] * scale[0], lo[key] * scale[1], hi[key] * scale[2]])
            rows.append((mid, item, cid, v[key] * scale[0], vals[0], vals[2], src, year))

    # steel: hot-rolled sheet; range: liquid steel .. galvanised sheet
    item_result("steel", {"Hot rolled sheet, steel, at plant": 1}, {"Steel, liquid, at plant": 1},
                {"Galvanized steel sheet, at plant": 1},
                'USLCI "Hot rolled sheet, steel, at plant" (low: "Steel, liquid, at plant", high: "Galvanized steel sheet, at plant")', 2017)
    item_result("aluminium", {"Aluminum ingot, production mix, at plant": 1},
                {"Aluminum, secondary, ingot, from automotive scrap, at plant": 1},
                {"Aluminum, primary, ingot, at plant, 1998": 1},
                'USLCI "Aluminum ingot, production mix, at plant" (range: "Aluminum, secondary, ingot, from automotive scrap, at plant" .. "Aluminum, primary, ingot, at plant, 1998")', 2017)
    item_result("glass", {"E-glass, at plant": 1}, {"E-glass, at plant": 1}, {"E-glass, at plant": 1},
                'proxy: flat glass = %.1f x USLCI "E-glass, at plant" (glass fibre is more energy-intensive; high = 1.0 x E-glass, low = %.1f x)' % (GLASS_SCALE, GLASS_LOW_SCALE),
                2017, scale=(GLASS_SCALE, GLASS_LOW_SCALE, 1.0))
    pl = {p: 1 / len(PLASTICS) for p in PLASTICS}
    # range over the single resins: computed after (min/max over resins)
    rubber = {p: a for p, a in RUBBER_PARTS}
    item_result("rubber", rubber, rubber, rubber,
                'proxy: EPDM = 0.5 kg USLCI "Polyethylene, low density, resin, at plant" + 0.5 kg "Polypropylene, resin, at plant" + 0.5 kWh "Electricity, at Grid, US, 2010" (compounding, stated assumption); range +-40 %',
                2017, scale=(1.0, RUBBER_RANGE[0], RUBBER_RANGE[1]))
    item_result("zinc", {"Zinc, Special High Grade": 1}, {"Zinc, Special High Grade": 1}, {"Zinc, Special High Grade": 1},
                'USLCI "Zinc, Special High Grade"; range: stated assumption -25 %/+25 %', 2017, scale=(1.0, 0.75, 1.25))
    bat = {p: a for p, a, _ in BATTERY_PARTS}
    item_result("li-ion-battery", bat, bat, bat,
                "stated assumption (NOT checked against a published pack BOM): per kg pack 0.30 kg USLCI aluminium ingot mix + 0.05 kg hot-rolled steel + 0.06 kg PP + 6.6 kWh US grid electricity; 0.59 kg NMC/graphite/Cu/electrolyte/BMS NOT covered (underestimate, high = 3x)",
                2017, scale=(1.0, BATTERY_RANGE[0], BATTERY_RANGE[1]))
    # plastics-average with resin range
    v, _, s_pl, cov = impacts(pl, True)
    nz = set(np.nonzero(s_pl)[0]); SUPP["plastics-average"] = (bool(nz & W3_COLS), bool(nz & W4_COLS))
    for key in C:
        COV[(key[0], "plastics-average", key[1])] = len(cov[key])
    singles = [impacts({p: 1})[0] for p in PLASTICS]
    for key in C:
        mid, cid = key
        vals = [sres[key] for sres in singles]
        rows.append((mid, "plastics-average", cid, v[key], min(vals + [v[key]]), max(vals + [v[key]]),
                     'stated assumption: equal-mass mix of USLCI "Polyethylene, low density, resin, at plant", "Polypropylene, resin, at plant", "Polyvinyl chloride, resin, at plant", "Polystyrene, high impact, resin, at plant" (range: single resins)', 2017))
    diag["plastics-average"] = impacts_diag = None

    # electricity-nl
    tot = sum(x for _, x in NL_MIX)
    dem = {p: x / tot / (1 - GRID_LOSS) for p, x in NL_MIX if p}
    item_result("electricity-nl", dem, dem, dem,
                "USLCI per-technology power plants (gas, bituminous coal, nuclear, biomass) weighted by CBS 2021 NL production mix; wind/solar/hydro (25 %%) with zero burden (no USLCI process); +%d %% grid losses (stated)" % round(GRID_LOSS * 100),
                2021)
    # transport per vehicle-km
    for item, (proc, pv, plo, phi, why) in PAYLOAD.items():
        item_result(item, {proc: pv}, {proc: plo}, {proc: phi},
                    'USLCI "%s" (per t*km) x payload %.1f t/vkm (%s; range %.1f-%.1f t)' % (proc, pv, why, plo, phi), 2010)

    # electricity: low/high from CE Delft spread on climate (stated)
    fixed = []
    for r in rows:
        mid, item, cid, val, lo, hi, src, yr = r
        if item == "electricity-nl":
            lo, hi = min(val, CE_DELFT_2021) if cid == "climate-change" else val * 0.8, max(val, CE_DELFT_2021) if cid == "climate-change" else val * 1.25
            if cid == "climate-change":
                src += "; range: this value .. CE Delft 2021 0.374 kg CO2-eq/kWh"
            else:
                src += "; range: stated -20 %/+25 %"
        if cid in WATER_CATS and item in SUPP:
            w3, w4 = SUPP[item]
            if w4 and item == "steel":
                lo = min(lo, val * steel_water_low)
            if w4:
                src += ("; water: supplement W4, NETL UPL '%s' fresh-water withdrawal per kg attached (Hot rolled sheet books none; low: '%s')" % STEEL_WATER)
            if w3:
                src += ("; water: supplement W3, power-plant fresh-water consumption from US EPA ElectricityLCI@%s NETL-EIA 2016 plant data (CC0) attached to the USLCI generation processes in this chain" % ELCI_COMMIT[:10])
                if item in PAYLOAD:
                    src += " (covers only cooling water of electricity used in the fuel chain; crude extraction and refinery process water are not booked in USLCI: underestimate)"
        fixed.append((mid, item, cid, val, lo, hi, src, yr))
    rows = fixed

    # Unmapped flows have no CF, so their share of a result is unknown; the summary lists the
    # largest unmapped flows by amount instead (README).
    out = []
    for mid, item, cid, val, lo, hi, src, yr in rows:
        unit = dict((c, u) for c, u, _ in METHODS[mid][1])[cid]
        ref = dict(ITEMS)[item]
        lic = LIC_USLCI + "; " + LIC_CF[mid]
        if "supplement W3" in src:
            lic += "; W3 water: US EPA ElectricityLCI, CC0 1.0 (repository LICENSE)"
        full = src + " x %s CFs (ecoinvent 3.9 LCIA via bw2io 0.9.17)" % METHODS[mid][0]
        out.append([mid, item, cid, val, lo, hi, unit + "/" + ref, full, yr, lic])

    # ---------------- Boavizta IoT ---------------------------------------------------------------
    bz = list(csv.reader(open(os.path.join(W, BOAVIZTA_CSV), encoding="utf-8")))
    api = bz[1]; units = bz[2]; data = {r[0]: r for r in bz[3:]}
    BZ = {"climate-change": "gwp", "ozone-depletion": "odp", "ionising-radiation": "ir",
          "photochemical-ozone-formation": "pocp", "particulate-matter": "pm",
          "human-toxicity-cancer": "ctuh_c", "human-toxicity-non-cancer": "ctuh_nc", "acidification": "ap",
          "eutrophication-freshwater": "epf", "eutrophication-marine": "epm", "eutrophication-terrestrial": "ept",
          "ecotoxicity-freshwater": "ctue", "land-use": "lu", "water-use": "wu", "resource-use-fossils": "adpf",
          "resource-use-minerals-metals": "adpe"}
    BZ_UNIT = {"Disease occurrence": "disease incidence", "kg N eq.": "kg N-eq", "mol N eq.": "mol N-eq",
               "mol H+ eq.": "mol H+-eq", "kg CO2 eq.": "kg CO2-eq", "CTUe": "CTUe", "CTUh": "CTUh",
               "kg P eq.": "kg P-eq", "kBq U235 eq.": "kBq U235-eq", "No dimension": "pt",
               "kg CFC-11 eq.": "kg CFC-11-eq", "kg NMVOC eq.": "kg NMVOC-eq", "MJ": "MJ",
               "kg SB eq.": "kg Sb-eq", "m3 eq.": "m3 world-eq deprived"}
    IOT = {  # item: (block, value level, range levels)
        "iot-connectivity": ("connectivity", 1, [1, 2, 3]), "iot-connectivity-cellular": ("connectivity", 3, [2, 3]),
        "iot-pcb": ("pcb", 1, [0, 1, 2, 3]), "iot-processing": ("processing", 1, [0, 1, 2, 3]),
        "iot-memory": ("memory", 1, [1, 2, 3]), "iot-casing": ("casing", 1, [1, 2, 3]),
        "iot-sensing": ("sensing", 2, [1, 2, 3]), "iot-power-supply": ("power_supply", 0, [0, 1, 2, 3]),
    }
    efu = dict((c, u) for c, u, _ in EF_CATS)
    for item, (blk, lvl, rng) in IOT.items():
        for cid, code in BZ.items():
            def val(level):
                r = data["%s - HSL-%d" % (blk, level)]
                tot = 0.0
                for ph in ("fab", "eol"):
                    j = api.index("%s-%s" % (ph, code))
                    if BZ_UNIT[units[j]] != efu[cid]:
                        die("Boavizta unit %r does not match %s" % (units[j], cid))
                    tot += float(r[j])
                return tot
            v = val(lvl); vs = [val(l) for l in rng]
            out.append(["ef-3.0", item, cid, v, min(vs), max(vs), efu[cid] + "/count",
                        "Boavizta boaviztapi@%s data/crowdsourcing/iot_factors_tide.csv, %s HSL-%d Fab+EoL (range HSL-%d..HSL-%d)" % (BOAVIZTA_COMMIT[:10], blk, lvl, rng[0], rng[-1]),
                        2023, LIC_BOAVIZTA])

    # ---------------- numerical noise ----------------------------------------------------------
    # Tiny negative totals (e.g. -1e-17 kBq U235-eq/kg for aluminium, whose chain has almost no
    # radionuclide emissions) come from round-off in the sparse solve; set |x| < 1e-9 x the
    # largest |value| of that method/category to 0.
    big = defaultdict(float)
    for r in out:
        big[(r[0], r[2])] = max(big[(r[0], r[2])], abs(r[3]), abs(r[4]), abs(r[5]))
    NEG_OK = ("climate-change", "land-use", "water-use", "water-consumption")
    for r in out:
        for k in (3, 4, 5):
            if r[k] < 0 and abs(r[k]) < 1e-9 * big[(r[0], r[2])]:
                r[k] = 0.0
        # A few USLCI processes book emissions as inputs (negative emissions), which can make an
        # alternative process's total slightly negative; the bound is clamped at 0 (README).
        if r[2] not in NEG_OK and r[4] < 0 <= r[3]:
            r[4] = 0.0; r[7] += "; low clamped at 0 (negative bookings in USLCI)"

    # ---------------- coverage gaps: not written as rows ---------------------------------------
    # A row is written only if its value comes from at least one mapped inventory flow with a
    # non-zero CF (USLCI items) or a non-zero source value (Boavizta).  Everything else is a
    # coverage gap: listed in the '# gaps:' block of the CSV and in README.md, never as a 0 row.
    gaps = []; kept = []
    for r in out:
        mid, item, cid = r[0], r[1], r[2]
        if item.startswith("iot-"):
            why = None if r[3] != 0 else "Boavizta iot_factors_tide.csv gives 0 for this block and category"
        elif COV.get((mid, item, cid), 0) == 0:
            why = gap_reason(mid, item, cid)
        elif r[3] == 0:
            why = "mapped flows cancel to 0 (treated as not covered)"
        else:
            why = None
        if why:
            gaps.append((mid, item, cid, why))
        else:
            kept.append(r)
    out = kept

    # ---------------- sanity checks --------------------------------------------------------------
    seen = set()
    for r in out:
        mid, item, cid, v, lo, hi, unit = r[:7]
        if any(map(lambda x: x is None or math.isnan(x) or math.isinf(x), (v, lo, hi))):
            die("NaN/inf in %s %s %s" % (mid, item, cid))
        if not (lo <= v <= hi):
            die("value outside low/high: %r" % (r,))
        cats = dict((c, u) for c, u, _ in METHODS[mid][1])
        if cid not in cats or unit != cats[cid] + "/" + dict(ITEMS)[item]:
            die("unit/category mismatch: %r" % (r,))
        if cid in ("climate-change",) and item not in ("electricity-nl",) and v <= 0:
            die("non-positive climate result: %r" % (r,))
        if min(v, lo) < 0 and cid not in ("climate-change", "land-use", "water-use", "water-consumption"):
            die("negative result where impossible: %r" % (r,))
        if (mid, item, cid) in seen:
            die("duplicate row %r" % ((mid, item, cid),))
        seen.add((mid, item, cid))
    gapset = set(g[:3] for g in gaps)
    for item, _ in ITEMS:
        for mid in METHODS:
            if item.startswith("iot-") and mid != "ef-3.0":
                continue
            for cid, _, _ in METHODS[mid][1]:
                k = (mid, item, cid)
                if (k in seen) == (k in gapset):
                    die("%s must be either a row or a listed gap, exactly one: %r" % (mid, k))

    # ---------------- write -------------------------------------------------------------------------
    order = {m: i for i, m in enumerate(METHODS)}
    iorder = {it: i for i, (it, _) in enumerate(ITEMS)}
    corder = {m: {c: i for i, (c, _, _) in enumerate(METHODS[m][1])} for m in METHODS}
    out.sort(key=lambda r: (order[r[0]], iorder[r[1]], corder[r[0]][r[2]]))
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        f.write("# GENERATED FILE - do not edit by hand.\n")
        f.write("# Generated by Config/factors/derive/derive.py; regenerate with:\n")
        f.write("#   " + CMD + "\n")
        f.write("# Sources, versions, licences, proxies and coverage: Config/factors/derive/README.md\n")
        f.write("# USLCI-derived rows: NREL data use notice, see Config/factors/derive/USLCI-NOTICE.md\n")
        f.write("# gaps: %d (method | item | category | reason) combinations are NOT rows: no mapped flow with a\n" % len(gaps))
        f.write("#   non-zero factor in the inventory (coverage gap, not a zero impact). Report them as not covered.\n")
        for g in sorted(gaps, key=lambda g: (order[g[0]], iorder[g[1]], corder[g[0]][g[2]])):
            f.write(("#   %s | %s | %s | %s\n" % g).replace('"', "'"))
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["method", "item", "category", "value", "unit", "low", "high", "source", "year", "licence"])
        for r in out:
            w.writerow([r[0], r[1], r[2], "%.4g" % r[3], r[6], "%.4g" % r[4], "%.4g" % r[5], r[7], r[8], r[9]])
    # re-read check: rounding must keep low <= value <= high
    for r in csv.reader(l for l in open(OUT) if not l.startswith("#")):
        if r[0] == "method":
            continue
        if not float(r[5]) <= float(r[3]) <= float(r[6]):
            die("rounded row outside range: %r" % r)

    # ---------------- summary ---------------------------------------------------------------------
    default = {}
    for r in csv.reader(l for l in (open(DEFAULT_CSV) if os.path.exists(DEFAULT_CSV) else []) if not l.startswith("#")):
        if len(r) > 3 and r[1] == "climate-change":
            default[r[0]] = r[2]
    print("## Coverage (rows per item and method) and climate change vs Config/factors/default.csv\n")
    print("| item | ef-3.0 rows (of 16) | recipe-2016 rows (of 18) | ef-3.0 climate | recipe-2016 climate | default.csv climate |")
    print("|---|---|---|---|---|---|")
    cnt = defaultdict(int); clim = {}
    for r in out:
        cnt[(r[0], r[1])] += 1
        if r[2] == "climate-change":
            clim[(r[0], r[1])] = "%.4g [%.4g-%.4g] %s" % (r[3], r[4], r[5], r[6])
    for item, _ in ITEMS:
        print("| %s | %d | %d | %s | %s | %s |" % (item, cnt[("ef-3.0", item)], cnt[("recipe-2016", item)],
              clim.get(("ef-3.0", item), "-"), clim.get(("recipe-2016", item), "-"), default.get(item, "-")))
    print("\n## Coverage gaps (not written as rows; also in the CSV's '# gaps:' block)\n")
    for m in METHODS:
        by = defaultdict(list)
        for g in gaps:
            if g[0] == m:
                by[(g[2], g[3])].append(g[1])
        print("### %s: %d gaps" % (m, sum(len(v) for v in by.values())))
        for (cid, why), items in sorted(by.items(), key=lambda kv: corder[m][kv[0][0]]):
            print("- %s (%s): %s" % (cid, ", ".join(items), why))
        print()
    print("## Linking rules applied (input name -> provider process, number of exchanges)\n")
    for (rule, nm, prov), (cnt, un) in sorted(usl.links.items()):
        print("- %s: %s [%s] -> %s (%d)" % (rule, nm, un, prov, cnt))
    for (nm, un, prov, pun), cnt in sorted(usl.nolink.items()):
        print("- not linked (unit mismatch): %s [%s] vs %s [%s] (%d)" % (nm, un, prov, pun, cnt))
    print("\n## Water supplements applied (W3 power plants, W4 steel)\n")
    for l in supp_log:
        print("- " + l)
    print("- chains reached: " + "; ".join("%s %s" % (it, "+".join(t for t, b in zip(("W3", "W4"), f) if b)) for it, f in SUPP.items() if any(f)))
    print("\n## Flow-mapping rules applied (elementary flows per rule, whole database)\n")
    rc = defaultdict(list)
    for fid, tag in mapper.rule.items():
        rc[tag].append(usl.flows[fid]["name"].strip())
    for tag in sorted(rc):
        ex = sorted(set(rc[tag]))
        print("- %s: %d flows, e.g. %s" % (tag, len(rc[tag]), "; ".join(ex[:6])))
    print("\n## Unmapped elementary flows (largest by amount per reference unit) and unlinked inputs\n")
    for item, d in diag.items():
        if not d:
            continue
        unm, unl, multi = d
        top = sorted(unm.items(), key=lambda kv: -abs(kv[1]))[:8]
        print("### %s" % item)
        print("- unmapped: " + "; ".join("%s %.3g" % (k, v) for k, v in top))
        topl = sorted(unl.items(), key=lambda kv: -abs(kv[1]))[:8]
        print("- unlinked (cut-off) inputs: " + ("; ".join("%s %.3g" % (k, v) for k, v in topl) or "none"))
        print("- multi-output processes in chain (co-products not allocated unless noted): " + ("; ".join(multi) or "none"))
    print("\nwrote %s (%d rows)" % (OUT, len(out)))


if __name__ == "__main__":
    main()
