/**
 * Whether a Keras history key improves downwards (losses, errors) or upwards (accuracies), as Keras'
 * EarlyStopping and ModelCheckpoint decide in 'auto' mode (keras/src/callbacks/monitor_callback.py:
 * a metric's own direction, 'loss' down, else by name); null when the name does not say (then the
 * caller must be told a mode, or has no "best").
 */
export function metricDirection(key: string): 'up' | 'down' | null {
  const name = key.replace(/^val_/, '');
  if (name === 'loss') return 'down';
  if (/accuracy$|^acc$/.test(name)) return 'up';
  if (/^(mae|mse|mean_absolute_error|mean_squared_error|huber|mape)$/.test(name)) return 'down';
  return null;
}
