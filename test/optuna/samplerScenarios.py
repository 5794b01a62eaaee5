"""Runs Optuna's own samplers and pruners on small deterministic objectives and prints what they did,
as JSON: the fixture test/fixtures/optuna/scenarios.json that HyperLab's TypeScript samplers and
pruners are checked against (test/unit/sweeps/optunaScenarios.test.ts), and that the Python tier
regenerates and compares (test/optuna/). Run: python3 test/optuna/samplerScenarios.py > FILE
"""
import json
import math
import sys
import warnings

import numpy as np
import optuna
from optuna.samplers._tpe.sampler import TPESampler

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

# name -> suggest spec; the order is the order of suggestion.
FULL_SPACE = [
    ["x", {"type": "float", "low": -5.0, "high": 5.0}],
    ["y", {"type": "float", "low": 0.001, "high": 10.0, "log": True}],
    ["z", {"type": "int", "low": 1, "high": 10}],
    ["w", {"type": "int", "low": 0, "high": 20, "step": 2}],
    ["c", {"type": "categorical", "choices": ["a", "b", "c"]}],
    ["u", {"type": "float", "low": 0.0, "high": 2.0, "step": 0.25}],
    ["k", {"type": "int", "low": 1, "high": 100, "log": True}],
]
SMALL_SPACE = [FULL_SPACE[0], FULL_SPACE[4]]
CAT_COST = {"a": 0.0, "b": 1.0, "c": 0.5}


def cost(p):
    """The objective both languages compute with the same float operations."""
    total = 0.0
    if "x" in p:
        total += (p["x"] - 1.0) * (p["x"] - 1.0)
    if "y" in p:
        total += (p["y"] - 0.1) * (p["y"] - 0.1) * 10.0
    if "z" in p:
        total += (p["z"] - 3) * (p["z"] - 3) / 10.0
    if "w" in p:
        total += abs(p["w"] - 8) / 5.0
    if "c" in p:
        total += CAT_COST[p["c"]]
    if "u" in p:
        total += (p["u"] - 0.75) * (p["u"] - 0.75)
    if "k" in p:
        total += abs(p["k"] - 20) / 50.0
    return total


def suggest(trial, name, spec):
    if spec["type"] == "float":
        return trial.suggest_float(name, spec["low"], spec["high"], log=spec.get("log", False), step=spec.get("step"))
    if spec["type"] == "int":
        return trial.suggest_int(name, spec["low"], spec["high"], log=spec.get("log", False), step=spec.get("step", 1))
    return trial.suggest_categorical(name, spec["choices"])


def make_sampler(s, space):
    if s["sampler"] == "random":
        return optuna.samplers.RandomSampler(seed=s["seed"])
    if s["sampler"] == "tpe":
        return optuna.samplers.TPESampler(seed=s["seed"])
    return optuna.samplers.GridSampler({name: spec["choices"] for name, spec in space}, seed=s["seed"])


def make_pruner(s):
    p = s.get("pruner")
    if p is None:
        return optuna.pruners.NopPruner()
    args = {k: v for k, v in p.items() if k != "type"}
    if p["type"] == "median":
        return optuna.pruners.MedianPruner(**args)
    if p["type"] == "asha":
        return optuna.pruners.SuccessiveHalvingPruner(**args)
    return optuna.pruners.HyperbandPruner(**args)


# TPE's choice is an argmax over candidates whose scores can be equal in exact arithmetic (below and
# above mixtures that coincide); which of them numpy picks then depends on the last bit of a BLAS
# sum. Record, per trial and parameter, every candidate value scoring within 1e-12 of the best when
# there is more than one, so HyperLab may take any of them.
NEAR_TIES = {}
_context = {}
_sample_independent = TPESampler.sample_independent
_compare = TPESampler._compare.__func__


def _recording_sample_independent(self, study, trial, param_name, param_distribution):
    _context["key"] = (trial.number, param_name, param_distribution)
    return _sample_independent(self, study, trial, param_name, param_distribution)


def _recording_compare(cls, samples, log_l, log_g):
    number, name, dist = _context["key"]
    score = log_l - log_g
    best = np.max(score)
    values = next(iter(samples.values()))
    tied = {dist.to_external_repr(v.item()) for v, sc in zip(values, score) if sc >= best - 1e-12 * max(1.0, abs(best))}
    if len(tied) > 1:
        NEAR_TIES.setdefault(str(number), {})[name] = sorted(tied, key=str)
    return _compare(cls, samples, log_l, log_g)


TPESampler.sample_independent = _recording_sample_independent
TPESampler._compare = classmethod(_recording_compare)


def run(s):
    NEAR_TIES.clear()
    space = s["space"]
    sign = 1.0 if s["direction"] == "minimize" else -1.0

    def objective(trial):
        p = {name: suggest(trial, name, spec) for name, spec in space}
        base = sign * cost(p)
        if s["steps"] == 0:
            return base
        v = base
        for step in range(s["steps"]):
            # A learning curve: falls (or, maximizing, rises) toward the trial's own level.
            v = base + sign * (1.0 / (step + 1))
            trial.report(v, step)
            if trial.should_prune():
                raise optuna.TrialPruned()
        return v

    study = optuna.create_study(study_name=s["name"], direction=s["direction"], sampler=make_sampler(s, space), pruner=make_pruner(s))
    if s["sampler"] == "grid":
        # GridSampler stops the study when the grid is done; keep asking to see its re-evaluation.
        for _ in range(s["trials"]):
            study.optimize(objective, n_trials=1)
    else:
        study.optimize(objective, n_trials=s["trials"])
    out = []
    for t in study.trials:
        out.append({
            "number": t.number, "state": t.state.name.lower(), "params": t.params, "values": t.values,
            "intermediate": {str(k): v for k, v in sorted(t.intermediate_values.items())},
            "system_attrs": {k: v for k, v in t.system_attrs.items() if k.startswith("completed_rung_") or k == "grid_id"},
        })
    return {**s, "result": out, "near_ties": dict(NEAR_TIES)}


GRID_SPACE = [
    ["a", {"type": "categorical", "choices": [1, 2, 3]}],
    ["b", {"type": "categorical", "choices": ["x", "y"]}],
]
SCENARIOS = [
    {"name": "random-full", "sampler": "random", "seed": 1, "direction": "minimize", "space": FULL_SPACE, "trials": 12, "steps": 0},
    {"name": "tpe-full", "sampler": "tpe", "seed": 2, "direction": "minimize", "space": FULL_SPACE, "trials": 40, "steps": 0},
    {"name": "tpe-max", "sampler": "tpe", "seed": 3, "direction": "maximize", "space": SMALL_SPACE, "trials": 45, "steps": 0},
    {"name": "grid", "sampler": "grid", "seed": 4, "direction": "minimize", "space": GRID_SPACE, "trials": 8, "steps": 0},
    {"name": "median", "sampler": "random", "seed": 5, "direction": "minimize", "space": SMALL_SPACE, "trials": 25, "steps": 8, "pruner": {"type": "median"}},
    {"name": "median-warmup", "sampler": "random", "seed": 8, "direction": "maximize", "space": SMALL_SPACE, "trials": 25, "steps": 12, "pruner": {"type": "median", "n_startup_trials": 3, "n_warmup_steps": 2, "interval_steps": 3}},
    {"name": "asha", "sampler": "random", "seed": 6, "direction": "minimize", "space": SMALL_SPACE, "trials": 30, "steps": 16, "pruner": {"type": "asha"}},
    {"name": "asha-r2", "sampler": "tpe", "seed": 9, "direction": "maximize", "space": SMALL_SPACE, "trials": 30, "steps": 20, "pruner": {"type": "asha", "min_resource": 2, "reduction_factor": 3}},
    {"name": "fixture-hb", "sampler": "tpe", "seed": 7, "direction": "minimize", "space": SMALL_SPACE, "trials": 40, "steps": 27, "pruner": {"type": "hyperband"}},
]

if __name__ == "__main__":
    # One scenario per line: small diffs when Optuna changes, yet readable.
    lines = [json.dumps(run(s)) for s in SCENARIOS]
    sys.stdout.write('{"optuna": %s, "scenarios": [\n%s\n]}\n' % (json.dumps(optuna.__version__), ",\n".join(lines)))
