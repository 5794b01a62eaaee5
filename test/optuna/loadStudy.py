"""Loads a study from an Optuna journal file with Optuna's own JournalStorage and prints what Optuna
sees as JSON: every trial's number, state, params, distributions, values, intermediate values and
user attributes, and the fANOVA importances. Usage: python3 loadStudy.py FILE STUDY_NAME
"""
import json
import sys
import warnings

import optuna
from optuna.distributions import distribution_to_json
from optuna.importance import FanovaImportanceEvaluator

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)


def storage(path):
    try:
        return optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(path))
    except AttributeError:  # Optuna 3.x
        return optuna.storages.JournalStorage(optuna.storages.JournalFileStorage(path))


study = optuna.load_study(study_name=sys.argv[2], storage=storage(sys.argv[1]))
trials = [{
    "number": t.number, "state": t.state.name.lower(), "params": t.params,
    "distributions": {k: json.loads(distribution_to_json(d)) for k, d in t.distributions.items()},
    "values": t.values, "intermediate": {str(k): v for k, v in sorted(t.intermediate_values.items())},
    "user_attrs": t.user_attrs, "datetime_start": t.datetime_start.isoformat() if t.datetime_start else None,
} for t in study.trials]
try:
    importances = list(optuna.importance.get_param_importances(study, evaluator=FanovaImportanceEvaluator(seed=0)).items())
except (ValueError, RuntimeError, ImportError) as e:
    importances = str(e)
print(json.dumps({"direction": study.direction.name.lower(), "trials": trials, "importances": importances}))
