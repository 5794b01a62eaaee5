/**
 * A weighted running mean, Keras' `keras.metrics.Mean` (keras/src/metrics/reduction_metrics.py):
 * total += value·weight, count += weight, result = total/count (0 while count is 0, as divide_no_nan).
 * The training loop uses it for the 'loss' entry: Keras' JAX trainer updates its loss tracker with the
 * batch's mean loss weighted by the batch size (keras/src/backend/jax/trainer.py
 * `_update_metrics_variables`), so the epoch's loss is the per-sample mean over the epoch.
 */

export class Mean {
  private total = 0;
  private count = 0;

  reset(): void {
    this.total = 0;
    this.count = 0;
  }

  update(value: number, weight = 1): void {
    this.total += value * weight;
    this.count += weight;
  }

  result(): number {
    return this.count === 0 ? 0 : this.total / this.count;
  }
}
