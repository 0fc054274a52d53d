/**
 * A decision time as ISO 8601 text, as Date#toISOString writes it. The decisions of a batch (and
 * of a busy millisecond) share their time: the text is made once for them, not once per use.
 */
export function isoTime(date: Date): string {
  const ms = date.getTime();
  if (ms !== lastMs) {
    lastText = date.toISOString();
    lastMs = ms;
  }
  return lastText;
}

let lastMs = NaN;
let lastText = '';
