/** Input to extraction: raw bytes (any charset) or an already-decoded string. */
export interface PageInput {
  /** Where the page came from; relative canonical links resolve against it. */
  url: string;
  body: Buffer | string;
  /** The HTTP Content-Type header, when there was one (its charset wins over <meta>). */
  contentType?: string;
}

/** A normalized article. `text` is `paragraphs.join('\n\n')`. */
export interface ExtractedArticle {
  url: string;
  canonicalUrl: string;
  title: string;
  byline?: string;
  /** ISO 8601, when the page says. */
  publishedAt?: string;
  siteName?: string;
  language?: string;
  text: string;
  paragraphs: string[];
  /** Set (and `paragraphs` empty) when the page holds no article: a value, not an exception. */
  noArticleReason?: string;
}
