/**
 * The sidebar's settings as what Apply to Code writes (src/keras/applyToCode.ts): the hidden layers, the
 * optimizer with the arguments the sidebar shows for it, epochs and batch size. Pure (no 'vscode'), for
 * the command, Train Model's defaults and the unit tests.
 */
import type { TargetValues } from '../../keras/applyToCode';
import { type HyperparamSettings, OPTIMIZER_ARGS } from '../../shared/hyperparams';

export function targetValuesOf(s: HyperparamSettings): TargetValues {
  const optimizer: Record<string, number | boolean | string> = { class_name: s.optimizer, learning_rate: s.learning_rate };
  for (const arg of OPTIMIZER_ARGS[s.optimizer]) optimizer[arg] = s[arg];
  return {
    layers: s.layers.map((l) => (l.type === 'Dense' ? { class_name: 'Dense', units: l.units, activation: l.activation } : { class_name: 'Dropout', rate: l.rate })),
    optimizer: optimizer as TargetValues['optimizer'],
    epochs: s.epochs,
    batch_size: s.batch_size,
  };
}
