/**
 * The entry point of HyperLab's teaching hovers: given a document's analysis, its text and the cursor
 * offset, finds what is under the cursor (hoverTarget.ts) and builds the Markdown for it with the matching
 * builder. Pure: `t` translates (vscode.l10n.t in the editor, an identity in tests), the result is a
 * Markdown string with the source range to highlight, or null when there is nothing to explain there.
 */
import { activationHover } from './activationHover';
import type { Span } from './callArguments';
import { earlyStoppingHover } from './earlyStoppingHover';
import type { Translate } from './hoverMarkdown';
import { type HoverInput, type HoverTarget, locate } from './hoverTarget';
import { initializerHover } from './initializerHover';
import { layerHover } from './layerHover';
import { lossHover } from './lossHover';
import { optimizerHover } from './optimizerHover';
import { dropoutHover, regularizerHover } from './regularizationHover';
import { compileHover, fitHover } from './trainingHover';

export type { HoverInput } from './hoverTarget';

export interface KerasHover {
  readonly markdown: string;
  /** Offsets [from, to) of the hovered source, for the hover's range. */
  readonly span: Span;
}

export function kerasHover(input: HoverInput, t: Translate): KerasHover | null {
  const located = locate(input);
  if (!located) return null;
  const markdown = build(located.target, input, t);
  return markdown === null ? null : { markdown, span: located.span };
}

function build(target: HoverTarget, input: HoverInput, t: Translate): string | null {
  switch (target.kind) {
    case 'layer': return layerHover(target, t);
    case 'activation': return activationHover(target, t);
    case 'initializer': return initializerHover(target, t);
    case 'regularizer': return regularizerHover(target, t);
    case 'dropout': return dropoutHover(target, t);
    case 'optimizer': return optimizerHover(target, t);
    case 'loss': return lossHover(target, t);
    case 'earlyStopping': return earlyStoppingHover(target, t);
    case 'fit': return fitHover({ ...target, analysis: input.analysis, text: input.text }, t);
    case 'compile': return compileHover(target, t);
  }
}
