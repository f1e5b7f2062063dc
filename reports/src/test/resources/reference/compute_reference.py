#!/usr/bin/env python3
"""Independent reference values for the Bedside statistics tests.

Computed with SciPy / NumPy (not with the Java code) and written to reference.json, which
ReferenceValuesTest and StudyFixtureTest read. The fixture CSVs are generated here too (deterministic seed),
so re-running the script reproduces every file byte for byte:

    cd reports/src/test/resources/reference && python3 compute_reference.py

Produced with Python 3, SciPy 1.17, NumPy 2.4.
"""
import csv
import json
import math

import numpy as np
from scipy import stats

Z = stats.norm.ppf(0.975)
out = {"scipy": __import__("scipy").__version__, "numpy": np.__version__}


def adjusted_wald(x, n):
    nn = n + Z * Z
    pp = (x + Z * Z / 2) / nn
    h = Z * math.sqrt(pp * (1 - pp) / nn)
    return [max(0.0, pp - h), min(1.0, pp + h)]


def geo(times):
    y = np.log(np.asarray(times, float))
    n = len(y)
    r = {"n": n, "geomean": float(np.exp(y.mean())), "median": float(np.median(times)),
         "mean": float(np.mean(times))}
    if n >= 2:
        h = stats.t.ppf(0.975, n - 1) * y.std(ddof=1) / math.sqrt(n)
        r["ci"] = [float(np.exp(y.mean() - h)), float(np.exp(y.mean() + h))]
        r["sd"] = float(np.std(times, ddof=1))
    return r


def t_interval(values, lo=-math.inf, hi=math.inf):
    v = np.asarray(values, float)
    n = len(v)
    r = {"n": n, "mean": float(v.mean())}
    if n >= 2:
        ci = stats.t.interval(0.95, n - 1, loc=v.mean(), scale=stats.sem(v))
        r["sd"] = float(v.std(ddof=1))
        r["ci"] = [max(lo, float(ci[0])), min(hi, float(ci[1]))]
    return r


def n_minus_1(x1, n1, x2, n2):
    p1, p2 = x1 / n1, x2 / n2
    N = n1 + n2
    P = (x1 + x2) / N
    z = (p1 - p2) * math.sqrt((N - 1) / N) / math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2))
    return {"z": z, "p": float(2 * stats.norm.sf(abs(z)))}


def holm(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    adj = [0.0] * m
    running = 0.0
    for j, i in enumerate(order):
        running = max(running, min(1.0, (m - j) * ps[i]))
        adj[i] = running
    return adj


def sus_score(q):
    return 2.5 * sum((r - 1) if i % 2 == 0 else (5 - r) for i, r in enumerate(q))


def n_for_mean(sd, d):
    n = max(2, math.ceil((Z * sd / d) ** 2))
    for _ in range(1000):
        t = stats.t.ppf(0.975, n - 1)
        nxt = max(2, math.ceil((t * sd / d) ** 2))
        if nxt == n:
            return n
        n = nxt
    return n


# ---- method-level references ----
out["adjusted_wald"] = [{"x": x, "n": n, "ci": adjusted_wald(x, n)}
                        for x, n in [(7, 10), (3, 10), (0, 5), (5, 5), (1, 1), (0, 1), (12, 20), (19, 20), (0, 60)]]
out["geomean"] = [dict(geo(t), times=t) for t in [
    [55, 65, 75, 62, 45, 135], [12.5, 30.1, 18.2, 44.0, 21.7, 95.3, 27.4, 16.8], [40, 40, 40, 40], [17.3, 29.9]]]
out["t_interval"] = [dict(t_interval(v), values=v) for v in [[0, 1, 3, 0, 2, 1, 0, 4], [5, 6, 7, 7, 4, 6, 5, 3, 7]]]
out["normal_cdf"] = [{"x": x, "p": float(stats.norm.cdf(x))} for x in [-8, -3.3, -1.96, -0.5, 0, 0.25, 1.2, 2.7, 6.5]]

a_times = [34.2, 51.0, 28.7, 44.9, 60.3, 39.8, 47.1, 31.5]
b_times = [41.0, 66.2, 30.9, 58.7, 71.5, 49.9, 52.2, 45.0]
w = stats.ttest_ind(np.log(a_times), np.log(b_times[:6]), equal_var=False)
out["welch_log"] = {"a": a_times, "b": b_times[:6], "t": float(w.statistic), "df": float(w.df), "p": float(w.pvalue),
                    "ratio": float(np.exp(np.log(a_times).mean() - np.log(b_times[:6]).mean()))}
pr = stats.ttest_rel(np.log(a_times), np.log(b_times))
out["paired_log"] = {"a": a_times, "b": b_times, "t": float(pr.statistic), "p": float(pr.pvalue),
                     "ratio": float(np.exp(np.mean(np.log(a_times) - np.log(b_times))))}
out["mcnemar_exact"] = [{"only_a": b, "only_b": c,
                         "p": 1.0 if b + c == 0 else min(1.0, float(stats.binomtest(min(b, c), b + c, 0.5).pvalue))}
                        for b, c in [(1, 6), (0, 4), (3, 3), (0, 0), (2, 9), (10, 2)]]
out["fisher_exact"] = [{"x1": x1, "n1": n1, "x2": x2, "n2": n2,
                        "p": float(stats.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]]).pvalue)}
                       for x1, n1, x2, n2 in [(10, 10, 5, 10), (1, 8, 6, 8), (0, 5, 5, 5), (11, 12, 4, 9), (3, 3, 3, 3)]]
out["n_minus_1"] = [dict(n_minus_1(x1, n1, x2, n2), x1=x1, n1=n1, x2=x2, n2=n2)
                    for x1, n1, x2, n2 in [(11, 12, 5, 12), (40, 60, 30, 60), (18, 20, 12, 22)]]
hp = [0.01, 0.04, 0.03, 0.005, 0.2]
out["holm"] = {"p": hp, "adjusted": holm(hp)}
out["sus"] = [{"q": q, "score": sus_score(q)} for q in [[5, 1, 5, 1, 5, 1, 5, 1, 5, 1], [1, 5, 1, 5, 1, 5, 1, 5, 1, 5],
                                                         [4, 2, 4, 1, 4, 2, 5, 2, 4, 2], [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]]]
out["sus_percentile"] = [{"score": s, "percentile": float(100 * stats.norm.cdf((s - 68) / 12.5))}
                         for s in [51.7, 68.0, 74.1, 84.1, 92.5]]
out["sample_size_mean"] = [{"sd": sd, "margin": d, "n": n_for_mean(sd, d)}
                           for sd, d in [(10, 5), (0.5, math.log(1.2)), (1.2, 0.5), (20, 3)]]
out["sample_size_completion"] = [{"p": p, "margin": d, "n": max(1, math.ceil(Z * Z * p * (1 - p) / d / d - Z * Z - 1e-9))}
                                 for p, d in [(0.5, 0.1), (0.5, 0.2), (0.8, 0.1), (0.9, 0.05)]]
out["problem_discovery"] = [{"p": p, "n": n, "discovered": 1 - (1 - p) ** n} for p, n in [(0.31, 5), (0.1, 10), (0.05, 15)]]

# ---- fixture studies ----
rng = np.random.default_rng(20251125)


def write_attempts(path, rows, cols):
    with open(path, "w", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(cols)
        for r in rows:
            wr.writerow([r.get(c, "") for c in cols])


def make_study(design):
    cands = ["Alpha", "Beta", "Gamma"] if design == "within" else ["Alpha", "Beta"]
    tasks = {"order-med": dict(opt_steps=9, opt_time=25.0, spec=45.0, opp=9),
             "allergy": dict(opt_steps=6, opt_time=18.0, spec=30.0, opp=6),
             "lab": dict(opt_steps=7, opt_time=20.0, spec=40.0, opp=7)}
    rows = []
    for ci, c in enumerate(cands):
        parts = [f"P{i:02d}" for i in range(10)] if design == "within" else [f"{c[0]}{i:02d}" for i in range(9 + ci * 3)]
        for p in parts:
            for ti, (t, k) in enumerate(tasks.items()):
                success = rng.random() < [0.85, 0.6, 0.95][ci] - 0.1 * ti
                time = round(float(k["opt_time"] * math.exp(0.35 + 0.1 * ci + 0.35 * rng.standard_normal())), 1)
                errors = int(rng.integers(0, 3 + ci))
                rows.append({"participant": p, "candidate": c, "task": t, "success": "yes" if success else "no",
                             "time_s": time, "errors": errors, "critical_errors": int(errors >= 3),
                             "rating": int(rng.integers(2 + ci, 8)) if rng.random() < 0.9 else "",
                             "steps": k["opt_steps"] + int(rng.integers(0, 5)), "optimal_steps": k["opt_steps"],
                             "optimal_time_s": k["opt_time"], "time_spec_s": k["spec"], "error_opportunities": k["opp"]})
    return cands, list(tasks), rows


def expected(cands, tasks, rows, within):
    res = {"design": "within" if within else "between", "candidates": []}
    by = {}
    for r in rows:
        by.setdefault(r["candidate"], {}).setdefault(r["task"], []).append(r)
    for c in cands:
        ce = {"candidate": c, "tasks": []}
        for t in tasks:
            rs = by[c][t]
            succ = [r for r in rs if r["success"] == "yes"]
            times = [r["time_s"] for r in succ]
            errs = [r["errors"] for r in rs]
            ratings = [r["rating"] for r in rs if r["rating"] != ""]
            g = geo(times)
            e = t_interval(errs, 0)
            rt = t_interval(ratings, 1, 7)
            k = rs[0]
            # SUM
            y = np.log(times)
            comp_time = 100 * stats.norm.cdf((math.log(k["time_spec_s"]) - y.mean()) / y.std(ddof=1))
            comp_err = 100 * max(0.0, 1 - sum(errs) / (len(rs) * k["error_opportunities"]))
            comp_sat = 100 * stats.norm.cdf((np.mean(ratings) - 5.5) / np.std(ratings, ddof=1))
            comp_c = 100 * len(succ) / len(rs)
            steps = [r["steps"] for r in succ]
            ce["tasks"].append({
                "task": t, "attempts": len(rs), "successes": len(succ), "rate": len(succ) / len(rs),
                "completion_ci": adjusted_wald(len(succ), len(rs)),
                "time": g, "errors": e, "rating": rt,
                "top2box": sum(1 for r in ratings if r >= 6) / len(ratings),
                "critical_total": sum(r["critical_errors"] for r in rs),
                "path_ratio": float(np.mean(steps)) / k["optimal_steps"],
                "time_ratio": float(np.mean(times)) / k["optimal_time_s"],
                "sum": {"completion": comp_c, "time": float(comp_time), "errors": comp_err,
                        "satisfaction": float(comp_sat), "score": float(np.mean([comp_c, comp_time, comp_err, comp_sat]))},
            })
        ce["sum_score"] = float(np.mean([t["sum"]["score"] for t in ce["tasks"]]))
        res["candidates"].append(ce)
    comps = []
    for t in tasks:
        for i in range(len(cands)):
            for j in range(i + 1, len(cands)):
                ra, rb = by[cands[i]][t], by[cands[j]][t]
                if within:
                    mb = {r["participant"]: r for r in rb}
                    pairs = [(r, mb[r["participant"]]) for r in ra]
                    both = [(x["time_s"], y["time_s"]) for x, y in pairs if x["success"] == "yes" and y["success"] == "yes"]
                    tt = stats.ttest_rel(np.log([x for x, _ in both]), np.log([y for _, y in both]))
                    comps.append({"task": t, "a": cands[i], "b": cands[j], "measure": "time", "test": "paired_t_log",
                                  "statistic": float(tt.statistic), "p": float(tt.pvalue)})
                    b = sum(1 for x, y in pairs if x["success"] == "yes" and y["success"] != "yes")
                    c = sum(1 for x, y in pairs if x["success"] != "yes" and y["success"] == "yes")
                    p = 1.0 if b + c == 0 else min(1.0, float(stats.binomtest(min(b, c), b + c, 0.5).pvalue))
                    comps.append({"task": t, "a": cands[i], "b": cands[j], "measure": "completion",
                                  "test": "mcnemar_exact", "statistic": min(b, c), "p": p})
                else:
                    ta = [r["time_s"] for r in ra if r["success"] == "yes"]
                    tb = [r["time_s"] for r in rb if r["success"] == "yes"]
                    tt = stats.ttest_ind(np.log(ta), np.log(tb), equal_var=False)
                    comps.append({"task": t, "a": cands[i], "b": cands[j], "measure": "time", "test": "welch_t_log",
                                  "statistic": float(tt.statistic), "p": float(tt.pvalue)})
                    x1, n1, x2, n2 = len(ta), len(ra), len(tb), len(rb)
                    N = n1 + n2
                    s = x1 + x2
                    mins = min(n1 * s / N, n1 * (N - s) / N, n2 * s / N, n2 * (N - s) / N)
                    if mins < 1:
                        p = float(stats.fisher_exact([[x1, n1 - x1], [x2, n2 - x2]]).pvalue)
                        comps.append({"task": t, "a": cands[i], "b": cands[j], "measure": "completion",
                                      "test": "fisher_exact", "statistic": None, "p": p})
                    else:
                        r = n_minus_1(x1, n1, x2, n2)
                        comps.append({"task": t, "a": cands[i], "b": cands[j], "measure": "completion",
                                      "test": "n_minus_1_two_proportion", "statistic": r["z"], "p": r["p"]})
    adj = holm([c["p"] for c in comps])
    for c, a in zip(comps, adj):
        c["p_holm"] = a
    res["comparisons"] = comps
    return res


COLS = ["participant", "candidate", "task", "success", "time_s", "errors", "critical_errors", "rating", "steps",
        "optimal_steps", "optimal_time_s", "time_spec_s", "error_opportunities"]
fixtures = {}
for design in ["within", "between"]:
    cands, tasks, rows = make_study(design)
    # columns in a different order than the documentation, to exercise "any order"
    cols = list(reversed(COLS)) if design == "between" else COLS
    write_attempts(f"attempts_{design}.csv", rows, cols)
    fixtures[design] = expected(cands, tasks, rows, design == "within")

sus_rows = []
with open("sus_within.csv", "w", newline="") as f:
    wr = csv.writer(f, lineterminator="\n")
    wr.writerow(["participant", "candidate"] + [f"q{i}" for i in range(1, 11)])
    for c in ["Alpha", "Beta", "Gamma"]:
        for i in range(10):
            q = [int(v) for v in rng.integers(1, 6, 10)]
            wr.writerow([f"P{i:02d}", c] + q)
            sus_rows.append((c, sus_score(q)))
for ce in fixtures["within"]["candidates"]:
    scores = [s for c, s in sus_rows if c == ce["candidate"]]
    ti = t_interval(scores, 0, 100)
    ce["sus"] = dict(ti, percentile=float(100 * stats.norm.cdf((np.mean(scores) - 68) / 12.5)))
with open("weights_within.csv", "w", newline="") as f:
    f.write("task,criticality,frequency\norder-med,3,3\nallergy,3,1\nlab,1,2\n")
out["fixtures"] = fixtures


# ---- composite and an independent NumPy bootstrap of it (within fixture, weights from weights_within.csv) ----
def limit_phi(diff, sd):
    if not sd > 0:
        return 100.0 if diff > 0 else (0.0 if diff < 0 else 50.0)
    return 100 * float(stats.norm.cdf(diff / sd))


def task_sum(recs, mult):
    """Task SUM with participant multiplicities (records repeated mult times)."""
    rows = [r for r, m in zip(recs, mult) for _ in range(m)]
    if not rows:
        return math.nan
    comps = [100 * sum(r["success"] == "yes" for r in rows) / len(rows)]
    y = [math.log(r["time_s"]) for r in rows if r["success"] == "yes"]
    k = recs[0]
    if len(y) == 0:
        comps.append(0.0)
    elif len(y) >= 2:
        comps.append(limit_phi(math.log(k["time_spec_s"]) - np.mean(y), np.std(y, ddof=1)))
    comps.append(100 * max(0.0, 1 - sum(r["errors"] for r in rows) / (len(rows) * k["error_opportunities"])))
    rt = [r["rating"] for r in rows if r["rating"] != ""]
    if len(rt) >= 2:
        comps.append(limit_phi(np.mean(rt) - 5.5, np.std(rt, ddof=1)))
    return float(np.mean(comps))


with open("attempts_within.csv") as f:
    wrows = list(csv.DictReader(f))
for r in wrows:
    for c in ["time_s", "time_spec_s"]:
        r[c] = float(r[c])
    for c in ["errors", "error_opportunities"]:
        r[c] = int(r[c])
    r["rating"] = int(r["rating"]) if r["rating"] else ""
weights = {"order-med": 9.0, "allergy": 3.0, "lab": 2.0}
parts = sorted({r["participant"] for r in wrows})
cands = ["Alpha", "Beta", "Gamma"]
recs = {(c, t): [r for r in wrows if r["candidate"] == c and r["task"] == t] for c in cands for t in weights}
pidx = {p: i for i, p in enumerate(parts)}


def composite(counts):
    res = []
    for c in cands:
        num = den = 0.0
        for t, w in weights.items():
            rs = recs[(c, t)]
            s = task_sum(rs, [int(counts[pidx[r["participant"]]]) for r in rs])
            if not math.isnan(s):
                num += w * s
                den += w
        res.append(num / den if den > 0 else math.nan)
    return res


point = composite(np.ones(len(parts), int))
boot_rng = np.random.default_rng(7)
B = 10000
draws = np.empty((B, len(cands)))
best = np.zeros(len(cands))
for b in range(B):
    counts = np.bincount(boot_rng.integers(0, len(parts), len(parts)), minlength=len(parts))
    sc = composite(counts)
    draws[b] = sc
    mx = max(sc)
    winners = [i for i, v in enumerate(sc) if v == mx]
    for i in winners:
        best[i] += 1 / len(winners)
out["composite_within"] = {
    "candidates": cands, "weights": weights, "score": point, "resamples": B,
    "ci_lo": [float(np.percentile(draws[:, i], 2.5)) for i in range(len(cands))],
    "ci_hi": [float(np.percentile(draws[:, i], 97.5)) for i in range(len(cands))],
    "p_best": [float(x / B) for x in best],
}

with open("reference.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote reference.json, attempts_within.csv, attempts_between.csv, sus_within.csv, weights_within.csv")
