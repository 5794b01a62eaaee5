/**
 * The messages of the analysis (diagnostics and layer problems): HyperLab's translatable message type,
 * which lives in src/shared/message.ts so the engine and the worker use the same one. Each is its English
 * text with {0}, {1}... holes plus the values that fill them; the editor renders them with vscode.l10n.t,
 * the CLI and the tests in English. Templates are single-quoted literals passed straight to `msg(...)`:
 * the localization test finds them there and checks that each has its Spanish translation.
 */
export { type Message, type MessageArg, type Quantity, type Translate, fillPlaceholders, formatQuantity, msg, quantity, renderMessage, said } from '../shared/message';
