/**
 * The hover over an activation name (the string of `activation="relu"`, or of `Activation("relu")`): its
 * formula, output range, and the lecture's points for and against, with the layer it belongs to. Pure
 * Markdown; the facts are in activationFacts.ts.
 */
import type { LayerSummary } from '../kerasModel';
import { activationFacts } from './activationFacts';
import { type Translate, escapeMarkdown, formulaBlock, inlineCode, sections } from './hoverMarkdown';

export interface ActivationHoverInput {
  readonly name: string;
  /** The layer whose activation this is, when known. */
  readonly layer: LayerSummary | null;
  /** The argument it is given to: 'activation' or 'recurrent_activation'. */
  readonly argName: string;
}

export function activationHover(input: ActivationHoverInput, t: Translate): string {
  const facts = activationFacts(input.name, t);
  const where = input.layer ? ` · ${t('{0} of {1}', escapeMarkdown(input.argName), `${inlineCode(input.layer.node.name)} (${escapeMarkdown(input.layer.node.call.className)})`)}` : '';
  const title = `**${escapeMarkdown(input.name)}** · ${t('activation function')}${where}`;
  if (!facts) {
    return sections([title, t('HyperLab has no notes on this activation. Keras 3 accepts relu, linear, sigmoid, tanh, softmax and others such as leaky_relu, elu, selu, gelu, silu (swish), softplus; names are lower case.')]);
  }
  const body: string[] = [...(facts.lead ? [facts.lead] : []), formulaBlock(facts.formula), `**${t('Range')}**: ${inlineCode(facts.range)}`];
  if (facts.pros.length > 0) body.push(`**${t('For')}**\n\n${facts.pros.map((p) => `- ${p}`).join('\n')}`);
  if (facts.cons.length > 0) body.push(`**${t('Against')}**\n\n${facts.cons.map((c) => `- ${c}`).join('\n')}`);
  body.push(...facts.notes);
  return sections([title, body.join('\n\n'), `_${t('The activation function is a hyperparameter of the model architecture: you choose it before training.')}_`]);
}
