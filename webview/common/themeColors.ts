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
  readonly tooltipBackground: string;
  readonly tooltipForeground: string;
  /** Whether the theme is light (light or light high contrast): Playground's fixed colours then need dark outlines. */
  readonly light: boolean;
}

/** VS Code marks the body with the theme's kind: vscode-light, vscode-dark, vscode-high-contrast(-light). */
export function isLightTheme(): boolean {
  const c = document.body.classList;
  return c.contains('vscode-light') || c.contains('vscode-high-contrast-light');
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
    tooltipBackground: cssVar('--vscode-editorHoverWidget-background', cssVar('--vscode-editor-background', '#252526')),
    tooltipForeground: cssVar('--vscode-editorHoverWidget-foreground', cssVar('--vscode-foreground', '#cccccc')),
    light: isLightTheme(),
  };
}

/**
 * Calls `onChange` when VS Code switches theme: it swaps the body's vscode-* classes and rewrites the
 * --vscode-* variables in <html>'s style (a switch between two dark themes changes only the latter).
 */
export function onThemeChange(onChange: () => void): void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}
