export const StatementKind = {
  Condition: 'condition',
  Demand: 'demand',
  Offer: 'offer',
  Refusal: 'refusal',
  Position: 'position',
  Concern: 'concern',
  /** Something the speaker is reported as saying that takes no stance by its wording; kept for the record, not alerted. */
  Claim: 'claim',
} as const;
export type StatementKind = (typeof StatementKind)[keyof typeof StatementKind];

export const StanceStatus = { New: 'new', Changed: 'changed', Repeat: 'repeat' } as const;
export type StanceStatus = (typeof StanceStatus)[keyof typeof StanceStatus];

/** A sentence (or quote) in which a speaker states a position, demand, offer, refusal or condition. */
export interface Statement {
  /** Full name of the speaker as first named in the article ("Vladimir Putin"); null when unattributed. */
  speaker: string | null;
  /** Title or role when the article gives one ("Russian President"). */
  role?: string;
  kind: StatementKind;
  polarity: 'positive' | 'negative';
  /** The sentence or quoted passage as written. */
  text: string;
  /** Normalized short form used for comparison: lemmas of content words, domain synonyms folded, sorted. */
  claim: string;
  /** Index of the paragraph the statement came from. */
  paragraphIndex: number;
  /** Where `text` starts and ends in the article text (`paragraphs.join('\n\n')`), end exclusive. */
  start?: number;
  end?: number;
  /** Set when the statement gives up an earlier condition or demand ("no longer insists on …"). */
  withdrawn?: boolean;
  /**
   * The same voice's earlier statements in the same article (the speaker's, or whom they speak for; a watch adds their
   * side's after these), oldest first within each (text and claim as in the ledger). A lede and the quote behind it restate each other; `compareWithLedger` finds
   * these among its ledger entries by text.
   */
  earlierInArticle?: EarlierInArticle[];
  /** Opens with a restatement marker ("that is to say", "in other words"): it says again what the speaker just said. */
  restates?: boolean;
  /** The writer says the speaker holds to a stance already taken ("she again ruled out …", "he still warns …"). */
  reaffirms?: boolean;
  /** The writer says in so many words that the speaker says it again ("repeated that …", "reiterated her demand"). */
  reiterates?: boolean;
  /** The writer recalls a stance taken before ("has said …", "said in April that …", "In the past, …"). */
  recalls?: boolean;
  /**
   * Whom the speaker speaks for, when the article names them a spokesperson ("Tove Pellin, a spokeswoman for Gov.
   * Sanne Orlo"): a watch that follows the principal takes the statement and judges it with the principal's.
   */
  speaksFor?: string;
  /** The speaker's own words, in quotation marks (not the writer's report of them). */
  quotation?: boolean;
  /**
   * The text of the same speaker's report just before in the same paragraph (or in the lede, for the second
   * paragraph's quotation), when this is a quotation that gives the words behind it ("Orlo said the cap would stay. “We will not go above 25,” she said."): one point, told twice.
   */
  backs?: string;
}

/** An earlier statement of the watch, as kept in the ledger. */
/** An earlier statement of the same voice in the same article, as `Statement.earlierInArticle` names it. */
export interface EarlierInArticle {
  text: string;
  claim: string;
  paragraphIndex: number;
  /** It quotes the speaker's words; a quotation behind it is another quotation, not the words behind a report. */
  quotation?: true;
}

export interface LedgerEntry {
  id: string;
  speaker: string | null;
  kind: StatementKind;
  text: string;
  claim: string;
  publishedAt?: string;
  url: string;
  outlet?: string;
  /** The statement's polarity; when absent it is read from the claim (`not`) and the kind (a refusal is negative). */
  polarity?: 'positive' | 'negative';
  /** The archive key of the statement's article, where its claim can be read again. */
  urlKey?: string;
  /**
   * The normalisation that wrote `claim`: the claim version and the watch's synonyms (see claim-refresh.ts in
   * shared/pipeline); absent on statements stored before it was recorded.
   */
  claimNorm?: string;
}

export interface NoveltyVerdict {
  status: StanceStatus;
  /** The closest earlier statement, when there is one worth showing. */
  closest?: LedgerEntry;
  /** Similarity of the claims, 0..1. */
  similarity: number;
}
