// Checks the UI tier makes of HyperLab's webviews as a person with a screen reader, a keyboard or a theme
// would meet them: Chromium's accessibility tree (CDP Accessibility.getFullAXTree) of a webview frame, the
// contrast of every text of ours computed from the rendered colours (WCAG 2 relative luminance), the
// workbench's colour theme switched the way a person does it, and the panel resized to a given width.

/**
 * The accessibility nodes of `frame` (a webview's inner frame), as Chromium computes them: the frame's own
 * CDP session when it is out of process, else the page's tree of that frame — found by its root's name,
 * the document's title, since a webview's frame URL is not the one CDP lists.
 */
export async function axNodes(page, frame) {
  try {
    const own = await page.context().newCDPSession(frame);
    const { nodes } = await own.send('Accessibility.getFullAXTree');
    await own.detach().catch(() => {});
    return nodes;
  } catch { /* an in-process frame: ask the page's session */ }
  const title = await frame.evaluate(() => document.title);
  const marker = await frame.evaluate(() => document.body.dataset.view);
  const session = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    const ids = [];
    const collect = (t) => { ids.push(t.frame.id); (t.childFrames ?? []).forEach(collect); };
    collect(frameTree);
    for (const frameId of ids) {
      const { nodes } = await session.send('Accessibility.getFullAXTree', { frameId }).catch(() => ({ nodes: [] }));
      const root = nodes.find((n) => n.role?.value === 'RootWebArea');
      if (root && (root.name?.value ?? '') === title) return nodes;
    }
    throw new Error(`no accessibility tree for the ${marker} webview ("${title}") among ${ids.length} frames`);
  } finally {
    await session.detach().catch(() => {});
  }
}

const CONTROLS = ['textbox', 'combobox', 'button', 'checkbox', 'slider', 'spinbutton', 'listbox', 'radio', 'switch', 'link', 'tab'];
const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;

/** Controls (inputs, buttons, dropdowns, ...) with an accessible name, and those without. */
export function controls(nodes) {
  const all = nodes.filter((n) => !n.ignored && CONTROLS.includes(n.role?.value)).map((n) => ({
    role: n.role.value, name: (n.name?.value ?? '').trim(), expanded: prop(n, 'expanded'), disabled: prop(n, 'disabled') === true, focusable: prop(n, 'focusable') === true,
  }));
  return { all, unnamed: all.filter((c) => c.name === '') };
}

/** Runs in the webview: every text of ours (not inside vscode-elements' own components) with its contrast ratio over what is behind it. */
function measureContrast() {
  const parse = (c) => {
    let m = /^rgba?\(([^)]+)\)/.exec(c);
    if (m) {
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p[3] ?? 1];
    }
    m = /^color\(srgb ([^)]+)\)/.exec(c);
    if (m) {
      const p = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p[3] ?? 1];
    }
    return null;
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3]));
  const lum = (rgb) => {
    const f = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const behind = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.unshift(e);
    let bg = [255, 255, 255];
    for (const e of chain) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) bg = over(c, bg);
    }
    return bg;
  };
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('vscode-button, vscode-checkbox, vscode-single-select, vscode-textfield, vscode-option, option, script, style, .sr-only, canvas')) continue;
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (!text) continue;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (rect.width === 0 || rect.height === 0 || style.visibility !== 'visible' || el.closest('[hidden], [disabled], [aria-disabled="true"]')) continue;
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = behind(el);
    found.push({ text: text.slice(0, 40), ratio: Math.round(ratio(over(fg, bg), bg) * 100) / 100, color: style.color, tag: el.tagName.toLowerCase() });
  }
  return found;
}

/** Texts of ours in `frame` under `min` (WCAG AA: 4.5:1), and how many texts were measured. */
export async function contrastFailures(frame, min = 4.5) {
  const all = await frame.evaluate(measureContrast);
  return { measured: all.length, failures: all.filter((t) => t.ratio < min) };
}

/**
 * "Preferences: Color Theme", the theme's name, Enter — as a person switches theme. The command is
 * clicked by its own row: the palette ranks "Browse Color Themes in Marketplace" first for that text.
 */
export async function setColorTheme(page, name) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('Preferences: Color Theme', { delay: 10 });
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme,"]').first().click();
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Dark Modern"]').first().waitFor();
  await page.keyboard.type(name, { delay: 10 });
  await page.locator(`.quick-input-list .monaco-list-row[aria-label^="${name}"]`).first().click();
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
}

/** Resizes the browser so that `frame` (a webview in the editor area) is `width` CSS pixels wide; returns the width it got. */
export async function resizePanelTo(page, frame, width) {
  const viewport = page.viewportSize();
  const inner = await frame.evaluate(() => window.innerWidth);
  await page.setViewportSize({ width: viewport.width + (width - inner), height: viewport.height });
  const deadline = Date.now() + 10000;
  for (;;) {
    const now = await frame.evaluate(() => window.innerWidth);
    if (Math.abs(now - width) <= 8 || Date.now() > deadline) return now;
    await page.waitForTimeout(100);
  }
}
