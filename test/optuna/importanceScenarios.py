"""Optuna's fANOVA importances (FanovaImportanceEvaluator, seed fixed) of the completed studies in
test/fixtures/optuna/scenarios.json, printed as JSON: the fixture test/fixtures/optuna/importances.json
that HyperLab's fANOVA is checked against. Run: python3 test/optuna/importanceScenarios.py > FILE
"""
import json
import sys
import warnings

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)


def distribution(spec):
    if spec["type"] == "float":
        return FloatDistribution(spec["low"], spec["high"], log=spec.get("log", False), step=spec.get("step"))
    if spec["type"] == "int":
        return IntDistribution(spec["low"], spec["high"], log=spec.get("log", False), step=spec.get("step", 1))
    return CategoricalDistribution(spec["choices"])


def importances(scenario, seed):
    study = optuna.create_study(direction=scenario["direction"])
    dists = {name: distribution(spec) for name, spec in scenario["space"]}
    for t in scenario["result"]:
        if t["state"] != "complete":
            continue
        study.add_trial(optuna.trial.create_trial(params=t["params"], distributions={k: dists[k] for k in t["params"]}, value=t["values"][0]))
    result = optuna.importance.get_param_importances(study, evaluator=FanovaImportanceEvaluator(seed=seed))
    return [[name, value] for name, value in result.items()]


if __name__ == "__main__":
    scenarios = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/optuna/scenarios.json"))["scenarios"]
    out = []
    for s in scenarios:
        if sum(1 for t in s["result"] if t["state"] == "complete") < 2:
            continue
        for seed in (0, 7):
            try:
                out.append({"scenario": s["name"], "seed": seed, "importances": importances(s, seed)})
            except RuntimeError as e:
                out.append({"scenario": s["name"], "seed": seed, "error": str(e)})
    lines = [json.dumps(o) for o in out]
    sys.stdout.write('{"optuna": %s, "cases": [\n%s\n]}\n' % (json.dumps(optuna.__version__), ",\n".join(lines)))
