"""The Keras 3 side of the engine's differential test (npm run test:keras, test/keras/engine.test.ts).

Reads a JSON list of HyperLab experiments (Dense models, inline data, initial_weights) on stdin and trains each
in Keras 3 in float64 (jax_enable_x64, floatx float64): the same layers, weights, optimizer and loss, one
train_on_batch per batch in order (shuffle off), recording each step's loss — the batch's loss plus the
regularization penalties, before the update — and the final weights. Prints one JSON object per experiment.
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)

import keras  # noqa: E402
import numpy as np  # noqa: E402

keras.config.set_floatx("float64")


def build(spec):
    model_spec = spec["model"]
    layers = [keras.Input(shape=tuple(model_spec["input_shape"]))]
    for layer in model_spec["layers"]:
        config = {k: v for k, v in layer.items() if k != "class_name"}
        reg = config.pop("kernel_regularizer", None)
        if reg is not None:
            config["kernel_regularizer"] = keras.regularizers.get({"class_name": reg["class_name"], "config": {k: v for k, v in reg.items() if k != "class_name"}})
        layers.append(getattr(keras.layers, layer["class_name"])(**config))
    model = keras.Sequential(layers)
    dense = [l for l in model.layers if l.weights]
    for layer, w in zip(dense, spec["initial_weights"]):
        values = [np.array(w["kernel"], dtype="float64")]
        if w.get("bias") is not None:
            values.append(np.array(w["bias"], dtype="float64"))
        layer.set_weights(values)
    opt = dict(spec["compile"]["optimizer"])
    optimizer = keras.optimizers.get({"class_name": opt.pop("class_name"), "config": opt})
    model.compile(optimizer=optimizer, loss=spec["compile"]["loss"])
    return model, dense


def train(spec):
    keras.backend.clear_session()
    model, dense = build(spec)
    x = np.array(spec["data"]["x"], dtype="float64")
    y = np.array(spec["data"]["y"], dtype="float64")
    batch = spec["fit"]["batch_size"]
    losses = []
    for _ in range(spec["fit"]["epochs"]):
        for start in range(0, len(x), batch):
            losses.append(float(model.train_on_batch(x[start:start + batch], y[start:start + batch])))
    weights = [{"kernel": l.get_weights()[0].tolist(), "bias": l.get_weights()[1].tolist() if len(l.get_weights()) > 1 else None} for l in dense]
    return {"losses": losses, "weights": weights}


def main():
    specs = json.load(sys.stdin)
    print(json.dumps({"keras": keras.__version__}), flush=True)
    for spec in specs:
        try:
            print(json.dumps({"ok": True, **train(spec)}), flush=True)
        except Exception as e:
            print(json.dumps({"ok": False, "error": f"{type(e).__name__}: {e}"[:300]}), flush=True)


if __name__ == "__main__":
    main()
