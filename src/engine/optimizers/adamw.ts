/**
 * Keras' AdamW (keras/src/optimizers/adamw.py at commit 2608304): Adam with weight_decay=0.004 by
 * default (L56), refusing weight_decay=None (L91-95). The decay itself is the base class's decoupled
 * w ← w − w·wd·lr before the Adam update (base_optimizer.py `_apply_weight_decay`), not an L2 term
 * in the gradient.
 */
import { msg } from '../../shared/message';
import { ConfigError } from '../configError';
import { Adam, ADAM_DEFAULTS, type AdamArgs } from './adam';

export type AdamWArgs = AdamArgs;

export const ADAMW_DEFAULTS = { ...ADAM_DEFAULTS, weight_decay: 0.004 } as const;

export class AdamW extends Adam {
  override readonly className: string = 'AdamW';

  constructor(args: Readonly<AdamWArgs> = {}, key = 'AdamW') {
    super(args, key, 'AdamW', { learning_rate: ADAMW_DEFAULTS.learning_rate, name: 'adamw', weight_decay: ADAMW_DEFAULTS.weight_decay });
    if (this.weightDecay === null) {
      throw new ConfigError(`${key}.weight_decay`, null, msg('a number >= 0: AdamW needs a weight decay (Keras: {0})', '"Argument `weight_decay` must be a float"'));
    }
  }
}
