"""A Python Optuna worker on a shared journal: adds N trials to a study with study.optimize (the
study is created when missing), suggesting the parameters HyperLab's sweep suggests, reporting an
intermediate value per step and tagging each trial with user attribute "writer" = "python".
Usage: python3 addTrials.py FILE STUDY_NAME N
"""
import sys
import warnings

import optuna

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)


def storage(path):
    try:
        return optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(path))
    except AttributeError:  # Optuna 3.x
        return optuna.storages.JournalStorage(optuna.storages.JournalFileStorage(path))


def objective(trial):
    x = trial.suggest_float("x", 0.0, 1.0)
    units = trial.suggest_categorical("units", [2, 4, 8])
    trial.set_user_attr("writer", "python")
    for step in range(3):
        trial.report(x + step, step)
    return x * units


study = optuna.create_study(study_name=sys.argv[2], storage=storage(sys.argv[1]), load_if_exists=True)
study.optimize(objective, n_trials=int(sys.argv[3]))
print(len(study.trials))
