/**
 * Quick fixes for HyperLab's diagnostics where the fix is clear: a Dropout rate written as a percentage
 * (50 → 0.5), and the lecture's loss/activation pairings (use sigmoid or softmax on the output layer,
 * the matching crossentropy, or drop from_logits=True after a probability activation). Each fix is one
 * WorkspaceEdit on exactly the value it changes.
 */
import * as vscode from 'vscode';
import type { LayerCall, ModelSummary, PyValue, SourceSpan } from '../../keras/kerasModel';
import { type DocumentAnalyses, spanRange } from './documentAnalyses';
import { DIAGNOSTIC_SOURCE } from './kerasDiagnostics';

const contains = (span: SourceSpan, offset: number) => span.from <= offset && offset <= span.to;

function fix(title: string, document: vscode.TextDocument, diagnostic: vscode.Diagnostic, span: SourceSpan, text: string): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, spanRange(document, span), text);
  action.diagnostics = [diagnostic];
  return action;
}

/** The same quote style as the string being replaced. */
function quoted(original: string, value: string): string {
  const q = original.trim().startsWith("'") ? "'" : '"';
  return `${q}${value}${q}`;
}

function dropoutFixes(document: vscode.TextDocument, d: vscode.Diagnostic, call: LayerCall): vscode.CodeAction[] {
  const rate = call.kwargs['rate'] ?? call.args[0];
  if (rate?.kind !== 'number' || !rate.span || !(rate.value > 1 && rate.value <= 100)) return [];
  const fraction = String(rate.value / 100);
  return [fix(vscode.l10n.t('Use rate {0} ({1}% of the units dropped)', fraction, rate.value), document, d, rate.span, fraction)];
}

function outputCall(model: ModelSummary): LayerCall | null {
  const node = model.graph.nodes.find((n) => n.id === model.graph.outputs[0]);
  return node && !node.isInput ? node.call : null;
}

function pairingFixes(document: vscode.TextDocument, d: vscode.Diagnostic, model: ModelSummary): vscode.CodeAction[] {
  const compile = model.graph.compile;
  const out = outputCall(model);
  if (!compile || !out) return [];
  const loss: PyValue | undefined = compile.kwargs['loss'] ?? compile.args[1];
  const activation: PyValue | undefined = out.kwargs['activation'];
  const units = model.layers.find((l) => l.node.call === out)?.outcome.outputShape?.at(-1) ?? null;
  const text = (s: SourceSpan) => document.getText(spanRange(document, s));
  const actions: vscode.CodeAction[] = [];
  if (loss?.kind === 'call' && loss.kwargs['from_logits']?.kind === 'bool' && loss.kwargs['from_logits'].span) {
    actions.push(fix(vscode.l10n.t('Set from_logits=False (the output already applies its activation)'), document, d, loss.kwargs['from_logits'].span, 'False'));
  }
  if (loss?.kind === 'string' && loss.span && activation?.kind === 'string') {
    const want = activation.value === 'softmax' ? (units === 1 ? null : 'categorical_crossentropy') : activation.value === 'sigmoid' && units === 1 ? 'binary_crossentropy' : null;
    if (want && want !== loss.value) actions.push(fix(vscode.l10n.t('Use loss {0}', want), document, d, loss.span, quoted(text(loss.span), want)));
  }
  if (activation?.kind === 'string' && activation.span && loss?.kind === 'string') {
    const want = /categorical/.test(loss.value) && units !== 1 ? 'softmax' : /binary/.test(loss.value) && units === 1 ? 'sigmoid' : null;
    if (want && want !== activation.value) actions.push(fix(vscode.l10n.t('Use activation {0} on the output layer', want), document, d, activation.span, quoted(text(activation.span), want)));
  }
  return actions;
}

export class KerasQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analyses: DocumentAnalyses) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.analyses.get(document);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const offset = document.offsetAt(d.range.start);
      if (d.code === 'dropout-rate') {
        const call = analysis.models.flatMap((m) => m.graph.nodes.map((n) => n.call)).find((c) => contains(c.span, offset));
        if (call) actions.push(...dropoutFixes(document, d, call));
      } else if (d.code === 'loss-activation-mismatch') {
        const model = analysis.models.find((m) => m.graph.compile && contains(m.graph.compile.span, offset));
        if (model) actions.push(...pairingFixes(document, d, model));
      }
    }
    return actions;
  }
}
