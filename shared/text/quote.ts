/** Opening quotation marks a statement may start with: one that opens with its own quote is not quoted again. */
const OPENING_QUOTE = /^(["“„«]|'')/;

/**
 * The statement in quotation marks, unless it is already a quotation as written (“…,” Putin said): a reader should
 * not see ““.
 *
 * @example
 * asQuote('Putin said talks must wait'); // → '“Putin said talks must wait”'
 * asQuote('“Talks must wait,” Putin said'); // → '“Talks must wait,” Putin said'
 */
export function asQuote(text: string): string {
  return OPENING_QUOTE.test(text) ? text : `“${text}”`;
}
