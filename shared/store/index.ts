export { dynamoArchive, createDynamoClient } from './dynamo-archive.js';
export { startEmbeddedDynamo, ensureTable, type EmbeddedDynamo } from './embedded.js';
export { hashKey, speakerKey, itemKeys } from './keys.js';
export { TABLE_KEYS, LOCAL_TABLE_NAME } from './table.js';
export type * from './types.js';
