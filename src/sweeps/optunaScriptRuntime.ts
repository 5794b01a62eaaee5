/**
 * The fixed Python of an exported sweep script (optunaScript.ts writes the constants and suggest()
 * before it): applying a trial's parameters to the experiment exactly as applyParameters.ts does,
 * the study's storage (a journal file, or an RDB URL), sampler and pruner, and the two objectives —
 * Keras (build the model from the experiment, fit, report the metric each epoch to the pruner) and
 * HyperLab (run `hyperlab train --json` and report its epochs). Python text only; no TypeScript logic.
 */

export const RUNTIME_PYTHON = String.raw`
def _layers_of(exp):
    return exp.setdefault("model", {}).setdefault("layers", [])


def _args(obj, key):
    """A Keras config's arguments: its nested "config" when it has one (except for class_name itself)."""
    if key not in ("class_name", "config") and isinstance(obj.get("config"), dict) and isinstance(obj.get("class_name"), str):
        return obj["config"]
    return obj


def _hidden_with(layers, key):
    return [l for l in layers[:-1] if isinstance(l, dict) and key in LAYER_ARGS.get(l.get("class_name"), ())]


def _set(target, segments, value, in_layers=False):
    head, rest = segments[0], segments[1:]
    if head == "*":  # every element; in model.layers every hidden layer whose class takes the key
        items = _hidden_with(target, rest[0]) if in_layers else target
        for item in items:
            _set(item, rest, value)
    elif isinstance(head, str):
        obj = _args(target, head)
        if not rest:
            obj[head] = value
            return
        if obj.get(head) is None:
            obj[head] = {} if isinstance(rest[0], str) and rest[0] != "*" else []
        _set(obj[head], rest, value, head == "layers")
    else:
        _set(target[head], rest, value)


def _flat_optimizer(exp):
    compile_ = exp.setdefault("compile", {})
    opt = compile_.get("optimizer", "rmsprop")
    if isinstance(opt, str):
        flat = {"class_name": OPTIMIZER_NAMES.get(opt.lower(), opt)}
    elif isinstance(opt.get("config"), dict):
        flat = {"class_name": opt["class_name"], **opt["config"]}
    else:
        flat = dict(opt)
    compile_["optimizer"] = flat
    return flat


def _without_identity(layer):
    layer = json.loads(json.dumps(layer))
    for k in ("name", "input_shape", "input_dim", "batch_input_shape"):
        layer.pop(k, None)
        if isinstance(layer.get("config"), dict):
            layer["config"].pop(k, None)
    return layer


def _set_hidden_layers(exp, n):
    model = exp["model"]
    layers = model["layers"]
    body, output = layers[:-1], layers[-1]
    first = next((i for i, l in enumerate(body) if l.get("class_name") == "Dense"), None)
    prefix = body if first is None else body[:first]
    blocks = []
    for l in ([] if first is None else body[first:]):
        if l.get("class_name") == "Dense":
            blocks.append([l])
        else:
            blocks[-1].append(l)
    if n > 0 and not blocks:
        raise ValueError("model.hidden_layers: the base model has no hidden Dense layer to repeat")
    kept = blocks[:n]
    while len(kept) < n:
        kept.append([_without_identity(l) for l in blocks[-1]])
    rebuilt = prefix + [l for b in kept for l in b] + [output]
    shape_keys = ("input_shape", "input_dim", "batch_input_shape")
    holder = next((l for l in layers if any(_args(l, k).get(k) is not None for k in shape_keys)), None)
    if holder is not None and rebuilt[0] is not holder and rebuilt[0].get("class_name") != "InputLayer":
        first_layer = json.loads(json.dumps(rebuilt[0]))
        for k in shape_keys:
            if _args(holder, k).get(k) is not None:
                _args(first_layer, k)[k] = _args(holder, k)[k]
        rebuilt[0] = first_layer
        for i in range(1, len(rebuilt)):
            if rebuilt[i] is holder:
                rebuilt[i] = _without_identity(holder)
    model["layers"] = rebuilt


def _regularizer(reg):
    defaults = {"l1": (0.01, 0.0), "l2": (0.0, 0.01), "l1l2": (0.0, 0.0)}
    if reg is None:
        return {"class_name": "L1L2", "l1": 0, "l2": 0}
    if isinstance(reg, str):
        l1, l2 = defaults[reg.lower()]
        return {"class_name": "L1L2", "l1": l1, "l2": l2}
    args = reg["config"] if isinstance(reg.get("config"), dict) else reg
    l1, l2 = defaults[reg["class_name"].lower()]
    return {"class_name": "L1L2", "l1": args.get("l1", l1), "l2": args.get("l2", l2)}


def apply_params(base, params):
    """A copy of the experiment with the trial's values, as HyperLab's applyParameters does."""
    exp = json.loads(json.dumps(base))
    order = {"hiddenLayers": 0, "optimizerClass": 1}
    for p in sorted(PARAMETERS, key=lambda p: order.get(p["kind"], 2)):
        value, kind, seg = params[p["name"]], p["kind"], p["segments"]
        if kind == "hiddenLayers":
            _set_hidden_layers(exp, value)
        elif kind == "optimizerClass":
            flat = _flat_optimizer(exp)
            name = OPTIMIZER_NAMES[value.lower()]
            for k in [k for k in flat if k != "class_name" and k not in OPTIMIZER_ARGS[name]]:
                del flat[k]
            flat["class_name"] = name
        elif kind == "optimizerArg":
            _flat_optimizer(exp)[seg[2]] = value
        elif kind == "regularizerFactor":
            holders = []
            def collect(target, segments, in_layers=False):
                if not segments:
                    holders.append(target)
                    return
                head, rest = segments[0], segments[1:]
                if head == "*":
                    for l in ([l for l in target[:-1] if l.get("class_name") == "Dense"] if in_layers else target):
                        collect(l, rest)
                elif isinstance(head, str):
                    collect(_args(target, head).get(head), rest, head == "layers")
                else:
                    collect(target[head], rest)
            collect(exp, seg[:-2])
            for h in holders:
                a = _args(h, seg[-2])
                a[seg[-2]] = {**_regularizer(a.get(seg[-2])), seg[-1]: value}
        elif kind == "features":
            features = [f.strip() for f in value.split(",")]
            exp.setdefault("data", {})["features"] = features
            model = exp.get("model", {})
            if isinstance(model.get("input_shape"), list):
                model["input_shape"] = [len(features)]
            first = (model.get("layers") or [None])[0]
            if isinstance(first, dict):
                a = _args(first, "input_shape")
                if isinstance(a.get("input_shape"), list):
                    a["input_shape"] = [len(features)]
                if isinstance(a.get("shape"), list) and first.get("class_name") == "InputLayer":
                    a["shape"] = [len(features)]
                if isinstance(a.get("input_dim"), int):
                    a["input_dim"] = len(features)
        else:
            _set(exp, seg, value)
    return exp


def make_storage(where):
    if "://" in where:
        return where  # an RDB URL: optuna.create_study builds the RDBStorage
    try:
        backend = optuna.storages.journal.JournalFileBackend(where)
    except AttributeError:  # Optuna 3.x
        backend = optuna.storages.JournalFileStorage(where)
    return optuna.storages.JournalStorage(backend)


def make_sampler(seed):
    if METHOD == "grid":
        return optuna.samplers.GridSampler(GRID, seed=seed)
    if METHOD == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    return optuna.samplers.TPESampler(seed=seed)


def make_pruner():
    if PRUNER is None:
        return optuna.pruners.NopPruner()
    kind, args = PRUNER["type"], {k: v for k, v in PRUNER.items() if k != "type"}
    if kind == "median":
        return optuna.pruners.MedianPruner(**args)
    if kind == "asha":
        return optuna.pruners.SuccessiveHalvingPruner(**args)
    return optuna.pruners.HyperbandPruner(**args)


def final_value(values, epochs_run, best_epoch, exp):
    """The metric of the model a Keras user keeps: EarlyStopping's best epoch when it restores it, else the last."""
    restores = any(isinstance(c, dict) and c.get("class_name") == "EarlyStopping" and (c.get("config") or c).get("restore_best_weights")
                   for c in (exp.get("fit") or {}).get("callbacks") or [])
    epoch = best_epoch if restores and best_epoch is not None else epochs_run
    value = values.get(epoch)
    if value is None or not math.isfinite(value):
        raise ValueError(f"no finite {METRIC} at epoch {epoch}")
    return value


def report(trial, epoch, value):
    """Optuna's report and should_prune for a 1-based epoch (step epoch - 1)."""
    if value is None or not math.isfinite(value):
        raise ValueError(f"the metric {METRIC} is {value} at epoch {epoch}")
    trial.report(float(value), epoch - 1)
    return trial.should_prune()


def hyperlab_objective(command, data_dir, runs_dir):
    def objective(trial):
        params = suggest(trial)
        exp = apply_params(EXPERIMENT, params)
        data = exp.get("data") or {}
        if isinstance(data.get("csv"), str) and not os.path.isabs(data["csv"]):
            data["csv"] = os.path.join(data_dir, data["csv"])
        trial.set_user_attr("hyperlab_backend", "hyperlab")
        with tempfile.TemporaryDirectory() as tmp:
            spec = os.path.join(tmp, "trial.experiment.json")
            with open(spec, "w") as f:
                json.dump(exp, f)
            cmd = shlex.split(command) + ["train", spec, "--json"] + (["--runs-dir", runs_dir] if runs_dir else [])
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            values, end = {}, None
            try:
                for line in proc.stdout:
                    event = json.loads(line)
                    if event.get("event") == "epoch":
                        values[event["epoch"]] = event.get(METRIC)
                        if report(trial, event["epoch"], event.get(METRIC)):
                            raise optuna.TrialPruned(f"pruned at epoch {event['epoch']}")
                    elif event.get("event") == "end":
                        end = event
            finally:
                if proc.poll() is None:
                    proc.kill()
                err = proc.stderr.read()
                proc.wait()
            if proc.returncode != 0 or end is None:
                raise RuntimeError(f"hyperlab train failed: {err.strip()}")
            return final_value(values, end["epochs_run"], end.get("best_epoch"), exp)
    return objective


def _keras_object(value):
    """HyperLab's flat {"class_name": ..., arg: ...} as Keras' {"class_name": ..., "config": {...}}."""
    if isinstance(value, dict) and isinstance(value.get("class_name"), str) and "config" not in value:
        return {"class_name": value["class_name"], "config": {k: _keras_object(v) for k, v in value.items() if k != "class_name"}}
    return value


def keras_data(exp, data_dir):
    import numpy as np
    data, fit, seed = exp.get("data") or {}, exp.get("fit") or {}, exp.get("seed", 42)
    names = {"reg-plane": "plane", "reg-gauss": "multi_gaussian"}
    if data.get("dataset") == "mnist":
        raise ValueError("MNIST is not bundled with the exported script: use --backend hyperlab")
    if "dataset" in data:
        name = names.get(data["dataset"], data["dataset"])
        samples = data.get("samples", 1200 if name in ("plane", "multi_gaussian") else 500)
        return playground_data(name, samples, data.get("noise", 0.0), data.get("train_ratio", 0.5), data.get("features", ["x1", "x2"]), seed)
    if "csv" in data:
        path = data["csv"] if os.path.isabs(data["csv"]) else os.path.join(data_dir, data["csv"])
        table = np.genfromtxt(path, delimiter=",", names=True, dtype="float32")
        x = np.stack([table[c] for c in table.dtype.names if c != data["target"]], axis=1)
        y = table[data["target"]].reshape(-1, 1)
    else:
        x, y = np.array(data["x"], dtype="float32"), np.array(data["y"], dtype="float32")
        if data.get("validation_data"):
            v = data["validation_data"]
            return (x, y), (np.array(v["x"], dtype="float32"), np.array(v["y"], dtype="float32"))
    split = fit.get("validation_split", 0)
    if split:
        at = int(len(x) * (1 - split))
        return (x[:at], y[:at]), (x[at:], y[at:])
    return (x, y), None


def keras_objective(data_dir):
    import keras

    class Report(keras.callbacks.Callback):
        def __init__(self, trial):
            super().__init__()
            self.trial = trial

        def on_epoch_end(self, epoch, logs=None):
            if report(self.trial, epoch + 1, (logs or {}).get(METRIC)):
                raise optuna.TrialPruned(f"pruned at epoch {epoch + 1}")

    def objective(trial):
        params = suggest(trial)
        exp = apply_params(EXPERIMENT, params)
        trial.set_user_attr("hyperlab_backend", "keras")
        keras.utils.set_random_seed(exp.get("seed", 42))
        (x, y), validation = keras_data(exp, data_dir)
        spec, compile_, fit = exp["model"], exp.get("compile") or {}, exp.get("fit") or {}
        layers = list(spec["layers"])
        shape = spec.get("input_shape")
        if layers and layers[0].get("class_name") in ("InputLayer", "Input"):
            shape = _args(layers[0], "shape").get("shape") or _args(layers[0], "input_shape").get("input_shape")
            layers = layers[1:]
        for l in layers[:1]:
            shape = shape or _args(l, "input_shape").get("input_shape") or ([_args(l, "input_dim")["input_dim"]] if _args(l, "input_dim").get("input_dim") else None)
        built = []
        for l in layers:
            l = _keras_object({k: v for k, v in l.items() if k not in ("input_shape", "input_dim", "batch_input_shape")})
            built.append(keras.layers.deserialize({"module": "keras.layers", **l}))
        model = keras.Sequential([keras.Input(shape=tuple(shape or [x.shape[1]]))] + built)
        opt = compile_.get("optimizer", "rmsprop")
        model.compile(optimizer=keras.optimizers.get(_keras_object(opt) if isinstance(opt, dict) else opt), loss=compile_["loss"], metrics=compile_.get("metrics", []))
        callbacks = [getattr(keras.callbacks, c["class_name"])(**_keras_object(c)["config"]) for c in fit.get("callbacks") or []]
        history = model.fit(x, y, epochs=fit.get("epochs", 1), batch_size=fit.get("batch_size", 32), shuffle=fit.get("shuffle", True),
                            validation_data=validation, callbacks=callbacks + [Report(trial)], verbose=0)
        values = {i + 1: v for i, v in enumerate(history.history.get(METRIC, []))}
        stopper = next((c for c in callbacks if isinstance(c, keras.callbacks.EarlyStopping)), None)
        best = getattr(stopper, "best_epoch", None)
        return final_value(values, len(values), None if best is None else best + 1, exp)
    return objective


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--storage", default=STORAGE, help="a journal file (shared by every worker) or an RDB URL (default %(default)s)")
    parser.add_argument("--study", default=STUDY, help="the study name (default %(default)s)")
    parser.add_argument("--n-trials", type=int, default=None, help="trials this process runs (default: until the study holds %d)" % MAX_TRIALS)
    parser.add_argument("--backend", choices=("keras", "hyperlab"), default="keras", help="fit with Keras, or train through 'hyperlab train'")
    parser.add_argument("--hyperlab", default="hyperlab", help="the hyperlab command for --backend hyperlab (e.g. 'node /path/to/dist/cli.js')")
    parser.add_argument("--runs-dir", default=None, help="with --backend hyperlab: record each trial in this HyperLab run store")
    parser.add_argument("--data-dir", default=DATA_DIR, help="where relative data paths (CSV) resolve (default %(default)s)")
    parser.add_argument("--seed", type=int, default=None, help="the sampler's seed (give each worker its own; default random)")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    study = optuna.create_study(study_name=args.study, storage=make_storage(args.storage), sampler=make_sampler(args.seed),
                                pruner=make_pruner(), direction=DIRECTION, load_if_exists=True)
    objective = hyperlab_objective(args.hyperlab, args.data_dir, args.runs_dir) if args.backend == "hyperlab" else keras_objective(args.data_dir)
    if args.n_trials is None:
        remaining = MAX_TRIALS - len(study.trials)
        if remaining > 0:
            study.optimize(objective, n_trials=remaining, callbacks=[optuna.study.MaxTrialsCallback(MAX_TRIALS, states=None)])
    else:
        study.optimize(objective, n_trials=args.n_trials)
    done = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    if done:
        print(json.dumps({"trials": len(study.trials), "best": {"number": study.best_trial.number, "value": study.best_value, "params": study.best_params}}))
    else:
        print(json.dumps({"trials": len(study.trials), "best": None}))


if __name__ == "__main__":
    main()
`;
