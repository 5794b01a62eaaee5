/**
 * TensorFlow Playground's dataset generators and feature transforms written out in NumPy for exported
 * Keras scripts, following the same formulas as src/engine/datasets/playgroundGenerators.ts (the random
 * streams differ: NumPy's generator is not HyperLab's Rng, so the points differ but the datasets are the same).
 */

export const PLAYGROUND_PYTHON = `
def playground_points(name, n, noise, rng):
    """TensorFlow Playground's generators (tensorflow/playground src/dataset.ts); labels 0/1 or values."""
    pts = []
    if name == "circle":
        for lo, hi in ((0.0, 2.5), (3.5, 5.0)):
            for _ in range(n // 2):
                r, a = rng.uniform(lo, hi), rng.uniform(0, 2 * np.pi)
                x, y = r * np.sin(a), r * np.cos(a)
                nx, ny = rng.uniform(-5, 5) * noise, rng.uniform(-5, 5) * noise
                pts.append((x, y, 1.0 if np.hypot(x + nx, y + ny) < 2.5 else 0.0))
    elif name == "xor":
        for _ in range(n):
            x, y = rng.uniform(-5, 5), rng.uniform(-5, 5)
            x, y = x + (0.3 if x > 0 else -0.3), y + (0.3 if y > 0 else -0.3)
            nx, ny = rng.uniform(-5, 5) * noise, rng.uniform(-5, 5) * noise
            pts.append((x, y, 1.0 if (x + nx) * (y + ny) >= 0 else 0.0))
    elif name == "gauss":
        sd = np.sqrt(0.5 + (4 - 0.5) * noise / 0.5)
        for cx, label in ((2.0, 1.0), (-2.0, 0.0)):
            for _ in range(n // 2):
                pts.append((rng.normal(cx, sd), rng.normal(cx, sd), label))
    elif name == "spiral":
        for dt, label in ((0.0, 1.0), (np.pi, 0.0)):
            for i in range(n // 2):
                r, t = i / (n / 2) * 5, 1.75 * i / (n / 2) * 2 * np.pi + dt
                pts.append((r * np.sin(t) + rng.uniform(-1, 1) * noise, r * np.cos(t) + rng.uniform(-1, 1) * noise, label))
    else:  # plane, multi_gaussian: regression over [-6, 6]^2, labels at noisy points
        centres = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))
        for _ in range(n):
            x, y = rng.uniform(-6, 6), rng.uniform(-6, 6)
            px, py = x + rng.uniform(-6, 6) * noise, y + rng.uniform(-6, 6) * noise
            if name == "plane":
                value = (px + py) / 10
            else:
                bumps = [s * min(1, max(0, 1 - np.hypot(px - cx, py - cy) / 2)) for cx, cy, s in centres]
                value = max(bumps, key=abs)
            pts.append((x, y, value))
    return np.array(pts, dtype="float32")


FEATURES = {
    "x1": lambda a, b: a, "x2": lambda a, b: b, "x1^2": lambda a, b: a * a, "x2^2": lambda a, b: b * b,
    "x1*x2": lambda a, b: a * b, "sin(x1)": lambda a, b: np.sin(a), "sin(x2)": lambda a, b: np.sin(b),
}


def playground_data(name, n, noise, train_ratio, features, seed):
    """Points, shuffled and split as Playground does, with the chosen feature columns."""
    rng = np.random.default_rng(seed)
    pts = playground_points(name, n, noise, rng)
    rng.shuffle(pts)
    x = np.stack([FEATURES[f](pts[:, 0], pts[:, 1]) for f in features], axis=1).astype("float32")
    y = pts[:, 2:3]
    split = int(len(pts) * train_ratio)
    return (x[:split], y[:split]), (x[split:], y[split:])
`;
