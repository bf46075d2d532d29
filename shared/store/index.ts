export { dynamoArchive, createDynamoClient } from './dynamo-archive.js';
export { documentClient } from './document-client.js';
export { startEmbeddedDynamo, ensureTable, type EmbeddedDynamo } from './embedded.js';
export { hashKey, speakerKey, itemKeys } from './keys.js';
export { TABLE_KEYS, LOCAL_TABLE_NAME } from './table.js';
export { dynamoWatchConfig, STALE_PUSH_MS, type PushReport, type WatchConfigStore, type WatchesMeta } from './watch-config.js';
export { MAX_STORED_TEXT_BYTES, MAX_STORED_DIFF_BYTES, MAX_STORED_HTML_BYTES, MAX_STORED_DIGEST_TEXT_BYTES, DIFF_TOO_LARGE, capText } from './limits.js';
export type * from './types.js';
