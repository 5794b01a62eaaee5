/**
 * How much of a user's value an error message repeats: at most ECHO_LIMIT characters, the rest replaced by
 * an ellipsis and the full length, so a 50 MB string in an experiment file, a CSV cell or a Python literal
 * becomes a one-line message instead of a 50 MB one. Every message that quotes input (engine, analysis,
 * CLI, editor) goes through `echo`. Pure; shared by the engine, the analysis, the host and the webviews.
 */

export const ECHO_LIMIT = 80;

/** For whole error messages read back from a file (a run's or a trial's failure reason): long enough for ours. */
export const REASON_LIMIT = 500;

/** `text` whole when it is short, else its first characters, '…' and the length ('"aaaa…" (50,000,002 characters)'). */
export function echo(text: string, limit = ECHO_LIMIT): string {
  if (text.length <= limit) return text;
  let cut = limit - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // do not split a surrogate pair
  return `${text.slice(0, cut)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/**
 * A file path for a message: whole when short, else its end (the file name is the useful part), so a
 * 200,000-character path from an experiment file is shown as '…/data/train.csv (200,000 characters)'.
 */
export function echoPath(file: string, limit = ECHO_LIMIT): string {
  if (file.length <= limit) return file;
  let cut = file.length - (limit - 1);
  const first = file.charCodeAt(cut);
  if (first >= 0xdc00 && first <= 0xdfff) cut++; // do not split a surrogate pair
  return `…${file.slice(cut)} (${file.length.toLocaleString('en-US')} characters)`;
}
