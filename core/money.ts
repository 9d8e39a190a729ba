/**
 * Money helpers. Balances are held in pounds as entered, and rounded to whole
 * pence with {@link roundPence} only where a figure is reported, so rounding
 * happens once, at the point of output, never in the middle of a sum.
 */

/** Rounds to 2 decimal places, halves away from zero, as Excel's ROUND(x, 2) does (weeks owed, slopes). */
export function round2dp(value: number): number {
  const hundredths = Math.abs(value) * 100;
  // The tiny epsilon undoes binary representation error (1.005 is stored as 1.00499…).
  const rounded = Math.floor(hundredths + 0.5 + 1e-9) / 100;
  return value < 0 ? -rounded : rounded;
}

/** Rounds pounds to the nearest penny, halves away from zero (as Excel's ROUND does). */
export function roundPence(pounds: number): number {
  return round2dp(pounds);
}

/**
 * Converts pounds to integer pence, rounding half away from zero: round2dp's rule counted
 * in whole pence, without its division back to pounds (the same integer, sign and -0;
 * a test holds it to Math.round(roundPence(pounds) * 100)). It runs once per transaction
 * on every import, so the division and second rounding were worth saving.
 */
export function toPence(pounds: number): number {
  const hundredths = Math.floor(Math.abs(pounds) * 100 + 0.5 + 1e-9);
  return pounds < 0 ? -hundredths : hundredths;
}

/** Converts integer pence back to pounds. */
export function fromPence(pence: number): number {
  return pence / 100;
}

/** "£2,073.97": to the penny with thousands separated, as a printed letter or report shows money in text. */
export function formatPounds(pounds: number): string {
  return `${pounds < 0 ? "-" : ""}£${Math.abs(pounds).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ",")}`;
}

/**
 * {@link formatPounds} of `pence / 100` for whole pence, by integer arithmetic: the same
 * text, without Number#toFixed (a call into the runtime per amount, most of the time
 * spent wording 3,000 arrangements' reasons).
 */
export function formatPence(pence: number): string {
  if (!Number.isSafeInteger(pence)) return formatPounds(pence / 100);
  const abs = pence < 0 ? -pence : pence;
  const pounds = Math.floor(abs / 100);
  const p = abs - pounds * 100;
  return `${pence < 0 ? "-" : ""}£${pounds < 1000 ? pounds : groupThousands(pounds)}.${p < 10 ? "0" : ""}${p}`;
}

/** Whole pounds with commas between thousands: 1234567 → "1,234,567". */
function groupThousands(n: number): string {
  let text = "";
  for (; n >= 1000; n = Math.floor(n / 1000)) {
    const group = n % 1000;
    text = `,${group < 10 ? "00" : group < 100 ? "0" : ""}${group}${text}`;
  }
  return `${n}${text}`;
}
