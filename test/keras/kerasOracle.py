"""The Keras 3 oracle of the differential tier (npm run test:keras).

Reads a JSON list of Python programs on stdin, runs each in a fresh Keras session (keras.backend.clear_session,
so automatic names start over) and prints one JSON object per program: for the model bound to `model`, every
layer's name, class, output shape(s) and trainable / non-trainable parameter counts as Keras itself computes
them (count_params and the layer's weights), plus the totals; or the error Keras raised. Runs on the JAX backend,
on the CPU, with nothing downloaded.
"""
import contextlib
import io
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import keras  # noqa: E402
import numpy as np  # noqa: E402


def count(weights):
    return int(sum(int(np.prod(w.shape)) for w in weights))


def shape_of(tensor):
    if isinstance(tensor, (list, tuple)):
        return [shape_of(t) for t in tensor]
    return [None if d is None else int(d) for d in tensor.shape]


def describe(model):
    layers = []
    for layer in model.layers:
        try:
            output = shape_of(layer.output)
        except Exception:  # a layer never called (an unbuilt model)
            output = None
        layers.append({
            "name": layer.name,
            "class": type(layer).__name__,
            "output": output,
            "built": bool(layer.built),
            "trainable": count(layer.trainable_weights),
            "non_trainable": count(layer.non_trainable_weights),
        })
    return {
        "name": model.name,
        "built": bool(model.built),
        "layers": layers,
        "trainable": count(model.trainable_weights),
        "non_trainable": count(model.non_trainable_weights),
    }


def run(source):
    keras.backend.clear_session()
    scope = {"__name__": "__main__"}
    try:
        # What the program prints must not mix with the answers on stdout.
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, "<program>", "exec"), scope)
        return {"ok": True, "model": describe(scope["model"])}
    except Exception as e:  # Keras refused the program: the analysis must not claim numbers for it
        return {"ok": False, "error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:300]}


def main():
    programs = json.load(sys.stdin)
    print(json.dumps({"keras": keras.__version__, "backend": keras.backend.backend()}), flush=True)
    for source in programs:
        print(json.dumps(run(source)), flush=True)


if __name__ == "__main__":
    main()
