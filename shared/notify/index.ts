export { outboxNotifier, streamNotifier } from './local.js';
export { atomFeedNotifier } from './atom-feed.js';
export { renderAtomFeed, type DigestFeedEntry } from '../digest/index.js';
export { snsNotifier, toSnsSubject, capSnsMessage, SNS_MESSAGE_MAX_BYTES, type SnsNotifierOptions } from './sns.js';
export { sesNotifier } from './ses.js';
export type { DigestNotifier, OutgoingDigest } from './types.js';
export { assertFilterable, collectWatchEmails, filterPolicy, reconcileReaderSubscriptions, MAX_FILTER_VALUES, type ReaderReport } from './sns-readers.js';
