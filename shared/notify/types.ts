// The notifier port is the pipeline's (it sends digests); the adapters here implement it.
export type { DigestNotifier, OutgoingDigest } from '../pipeline/ports.js';
