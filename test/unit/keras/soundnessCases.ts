/**
 * The cases of the Python soundness test (soundnessPython.test.ts): statement and expression forms put between
 * `model = Sequential([Input((4,)), Dense(8)])` and `model.add(Dense(2))`, each with what Python and Keras 3
 * really do there (the last layer's and the model's parameters, worked out from Dense's d·u + u; the Keras
 * differential tier, test/keras/corpus.test.ts, runs every case in Keras to confirm them), and whether
 * HyperLab follows the form exactly. PRELUDE defines the names the cases use but do not define.
 */
import type { ParamCount } from '../../../src/keras/kerasModel';

export interface SoundnessCase {
  readonly title: string;
  /** Code between `model = Sequential([Input((4,)), Dense(8)])` and `model.add(Dense(2))`. */
  readonly code: string;
  /** What Keras would count: the last Dense(2) and the whole model. */
  readonly last: ParamCount;
  readonly total: ParamCount;
  /** HyperLab follows this form: its numbers must be these, not unknown. */
  readonly exact: boolean;
  /** Needs Python 3.12 (`type X = ...`): the Keras tier, on Python 3.11, cannot run it. */
  readonly python312?: boolean;
}

const t = (trainable: number, nonTrainable = 0): ParamCount => ({ trainable, nonTrainable });
// Dense(8) on 4 features: 40. Dense(16) on 8: 144; on 16: 272. Dense(2) on 8: 18; on 16: 34; on 5: 12.
const UNCHANGED = { last: t(18), total: t(58) };
const ADDS_16 = { last: t(34), total: t(40 + 144 + 34) };
const ADDS_TWO_16 = { last: t(34), total: t(40 + 144 + 272 + 34) };

export const PYTHON_CASES: readonly SoundnessCase[] = [
  { title: 'statements joined with ;', code: 'model.add(layers.Dense(16)); model.add(layers.Dense(5))', last: t(12), total: t(40 + 144 + 85 + 12), exact: true },
  { title: 'constants joined with ;', code: 'n_hidden = 16; n_out = 2\nmodel.add(layers.Dense(n_hidden))', ...ADDS_16, exact: true },
  { title: 'a comprehension that adds layers', code: '[model.add(layers.Dense(n)) for n in (16,)]', ...ADDS_16, exact: false },
  { title: 'a generator expression that adds layers', code: 'list(model.add(layers.Dense(n)) for n in (16,))', ...ADDS_16, exact: false },
  { title: 'a lambda called later', code: 'f = lambda: model.add(layers.Dense(16))\nf()', ...ADDS_16, exact: true },
  { title: 'a lambda called at once', code: '(lambda: model.add(layers.Dense(16)))()', ...ADDS_16, exact: true },
  { title: 'a lambda never called', code: 'f = lambda: model.add(layers.Dense(16))', ...UNCHANGED, exact: false },
  { title: 'a lambda handed to map()', code: 'list(map(lambda n: model.add(layers.Dense(n)), [16]))', ...ADDS_16, exact: false },
  { title: 'a conditional expression on a run-time value', code: 'model.add(layers.Dense(16)) if flag else None', ...ADDS_16, exact: false },
  { title: 'a conditional expression on a constant', code: 'model.add(layers.Dense(16)) if True else None', ...ADDS_16, exact: true },
  { title: 'and / or on a run-time value', code: 'flag and model.add(layers.Dense(16))', ...ADDS_16, exact: false },
  { title: 'an f-string field', code: 'print(f"{model.add(layers.Dense(16))}")', ...ADDS_16, exact: true },
  { title: 'a walrus', code: '(m := model).add(layers.Dense(16))', ...ADDS_16, exact: true },
  { title: 'an assert', code: 'assert model.add(layers.Dense(16)) is None', ...ADDS_16, exact: true },
  { title: 'an annotated assignment', code: 'x: object = model.add(layers.Dense(16))', ...ADDS_16, exact: true },
  { title: 'a set literal', code: '{model.add(layers.Dense(16)), 1}', ...ADDS_16, exact: true },
  { title: 'a starred list item', code: 'items = [*extra, model.add(layers.Dense(16))]', ...ADDS_16, exact: true },
  { title: 'a dict value after **', code: 'd = {**extra, "k": model.add(layers.Dense(16))}', ...ADDS_16, exact: true },
  { title: 'a decorator', code: '@register(model.add(layers.Dense(16)))\ndef h():\n    pass', ...ADDS_16, exact: true },
  { title: 'a class body', code: 'class C:\n    model.add(layers.Dense(16))', ...ADDS_16, exact: true },
  { title: 'a method never called', code: 'class C:\n    def grow(self):\n        model.add(layers.Dense(16))', ...UNCHANGED, exact: false },
  { title: 'a function given the model', code: 'def grow(m):\n    m.add(layers.Dense(16))\ngrow(model)', ...ADDS_16, exact: true },
  { title: 'a function never called', code: 'def grow():\n    model.add(layers.Dense(16))', ...UNCHANGED, exact: false },
  { title: 'a function given the model, called in a loop', code: 'def grow(m):\n    m.add(layers.Dense(16))\nfor _ in range(2):\n    grow(model)', ...ADDS_TWO_16, exact: false },
  { title: 'a function called under an if on a run-time value', code: 'def grow():\n    model.add(layers.Dense(16))\nif flag:\n    grow()', ...ADDS_16, exact: false },
  { title: 'a function that calls one that adds, called in a while loop', code: 'def grow():\n    model.add(layers.Dense(16))\ndef outer():\n    grow()\nn = 2\nwhile n:\n    outer()\n    n -= 1', ...ADDS_TWO_16, exact: false },
  { title: 'a function handed to other code', code: 'def grow():\n    model.add(layers.Dense(16))\ncallbacks.append(grow)\nrun(grow)', ...ADDS_16, exact: false },
  { title: 'global in a function', code: 'def rebuild():\n    global model\n    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(16)])\nrebuild()', last: t(34), total: t(80 + 34), exact: true },
  { title: 'nonlocal in a nested function', code: 'def outer():\n    m = None\n    def inner():\n        nonlocal m\n        m = model\n    inner()\n    m.add(layers.Dense(16))\nouter()', ...ADDS_16, exact: true },
  { title: 'global at module level', code: 'global other\nother = model\nother.add(layers.Dense(16))', ...ADDS_16, exact: true },
  { title: 'del of an alias', code: 'alias = model\ndel alias', ...UNCHANGED, exact: true },
  { title: 'del of an item reached from the model', code: 'del model.layers[0]', ...UNCHANGED, exact: false },
  { title: 'a raise caught by try', code: 'try:\n    model.add(layers.Dense(16))\n    raise ValueError()\n    model.add(layers.Dense(3))\nexcept ValueError:\n    pass', ...ADDS_16, exact: true },
  { title: 'a with block', code: 'with contextlib.nullcontext():\n    model.add(layers.Dense(16))', ...ADDS_16, exact: true },
  { title: 'a match statement', code: 'match 1:\n    case 1:\n        model.add(layers.Dense(16))', ...ADDS_16, exact: false },
  { title: 'a match capture pattern', code: 'match model:\n    case m:\n        m.add(layers.Dense(16))', ...ADDS_16, exact: false },
  { title: 'a for loop', code: 'for _ in range(1):\n    model.add(layers.Dense(16))', ...ADDS_16, exact: false },
  { title: 'a while loop that never runs', code: 'while False:\n    model.add(layers.Dense(16))', ...UNCHANGED, exact: false },
  { title: 'an if on a false constant', code: 'if False:\n    model.add(layers.Dense(16))', ...UNCHANGED, exact: true },
  { title: 'pass and a loop that only continues', code: 'pass\nfor _ in []:\n    continue', ...UNCHANGED, exact: false },
  { title: 'a type alias', code: 'type Width = int\nmodel.add(layers.Dense(16))', ...ADDS_16, exact: true, python312: true },
  { title: 'a line continuation', code: 'model.add(\\\n    layers.Dense(16))', ...ADDS_16, exact: true },
  { title: 'a list changed in place', code: 'extra = []\nextra.append(layers.Dense(16))\nmodel.add(extra[0])', ...ADDS_16, exact: true },
  { title: 'a list item replaced', code: 'sizes = [5]\nsizes[0] = 16\nmodel.add(layers.Dense(sizes[0]))', ...ADDS_16, exact: true },
  { title: 'a list changed by an unknown method', code: 'sizes = [5]\nsizes.insert(0, 16)\nmodel.add(layers.Dense(sizes[0]))', ...ADDS_16, exact: false },
  { title: 'a dict changed in place', code: 'cfg = {"units": 5}\ncfg["units"] = 16\nmodel.add(layers.Dense(**cfg))', ...ADDS_16, exact: true },
  { title: 'a dict merged with an unknown one', code: 'cfg = {"units": 16, **defaults}\nmodel.add(layers.Dense(**cfg))', ...ADDS_16, exact: false },
  { title: 'a unit count computed by a function HyperLab does not know', code: 'model.add(layers.Dense(get_units()))', ...ADDS_16, exact: false },
  { title: 'the layers list of the model (a copy in Keras)', code: 'model.layers.append(layers.Dense(16))', ...UNCHANGED, exact: true },
  { title: 'a method reached with getattr', code: 'getattr(model, "add")(layers.Dense(16))', ...ADDS_16, exact: false },
  { title: 'a bound method kept in a variable', code: 'grow = model.add\ngrow(layers.Dense(16))', ...ADDS_16, exact: false },
  { title: 'a method called through the class', code: 'keras.Sequential.add(model, layers.Dense(16))', ...ADDS_16, exact: false },
  { title: 'exec of a string', code: 'exec("model.add(layers.Dense(16))")', ...ADDS_16, exact: false },
  { title: 'globals()', code: 'globals()["model"].add(layers.Dense(16))', ...ADDS_16, exact: false },
  { title: 'model.pop() then add', code: 'model.pop()\nmodel.add(layers.Dense(16))', last: t(34), total: t(80 + 34), exact: true },
  { title: 'trainable set on every layer in a loop', code: 'for l in model.layers:\n    l.trainable = False', last: t(18), total: t(18, 40), exact: false },
  { title: 'trainable set through a map()', code: 'list(map(lambda l: setattr(l, "trainable", False), model.layers))', last: t(18), total: t(18, 40), exact: false },
  { title: 'trainable set with setattr on a layer reached from the model', code: 'setattr(model.layers[0], "trainable", False)', last: t(18), total: t(18, 40), exact: false },
  // Keras freezes the layers the model has now; the Dense(2) added after is trainable, but the model's totals
  // (its trainable_weights) count nothing as trainable while model.trainable is False.
  { title: 'trainable set on the whole model', code: 'model.trainable = False', last: t(18), total: t(0, 58), exact: true },
  { title: 'units set on a layer before it is used', code: 'd = layers.Dense(5)\nd.units = 16\nmodel.add(d)', ...ADDS_16, exact: false },
];

/**
 * What the names the cases use without defining stand for, when the cases run for real (the Keras tier):
 * a true flag, empty dicts, a decorator factory, a function that calls its argument, 16 units.
 */
export const PRELUDE = [
  'flag = True', 'extra = {}', 'defaults = {}', 'callbacks = []', 'def register(x):\n    return lambda f: f',
  'def run(f):\n    f()', 'def get_units():\n    return 16',
].join('\n');

/** The program of a case, as the test analyses it (`prelude` for running it in Keras). */
export function caseProgram(code: string, prelude = ''): string {
  return `import contextlib\nimport keras\nfrom keras import layers\n${prelude}${prelude ? '\n' : ''}model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8)])\n${code}\nmodel.add(layers.Dense(2))\n`;
}
