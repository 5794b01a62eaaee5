/**
 * Chart colours from the active VS Code theme (`--vscode-*` CSS variables on <html>), read at draw time
 * so light, dark and high-contrast themes all work; VS Code updates the variables on a theme switch.
 */

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export interface ChartTheme {
  readonly foreground: string;
  readonly grid: string;
  readonly train: string;
  readonly validation: string;
  readonly fontFamily: string;
  /** The previous run's curves: the foreground colour, faint. */
  readonly ghost: string;
  /** The per-batch loss trace: the training colour, faint. */
  readonly trace: string;
  /** The EarlyStopping patience band. */
  readonly band: string;
}

export function chartTheme(): ChartTheme {
  return {
    foreground: cssVar('--vscode-foreground', '#cccccc'),
    grid: cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)'),
    train: cssVar('--vscode-charts-blue', '#3794ff'),
    validation: cssVar('--vscode-charts-orange', '#d18616'),
    fontFamily: cssVar('--vscode-font-family', 'sans-serif'),
    ghost: cssVar('--vscode-disabledForeground', 'rgba(128,128,128,0.6)'),
    trace: `color-mix(in srgb, ${cssVar('--vscode-charts-blue', '#3794ff')} 18%, transparent)`,
    band: cssVar('--vscode-editor-selectionHighlightBackground', 'rgba(128,128,128,0.15)'),
  };
}

/** Calls `onChange` when VS Code switches theme (it swaps the body's vscode-* classes). */
export function onThemeChange(onChange: () => void): void {
  new MutationObserver(onChange).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
