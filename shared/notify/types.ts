/** A rendered digest ready to deliver. */
export interface OutgoingDigest {
  watchId: string;
  watchName: string;
  digestKey: string;
  subject: string;
  text: string;
  html: string;
  /** Addresses of the watch's own audience (config `digest.email`). */
  recipients: string[];
  /** A topic that overrides the default one for this watch. */
  topicArn?: string;
}

/** One way out for digests; returns where it delivered (for the run report). */
export interface DigestNotifier {
  /** Stable name ('sns', 'ses', 'outbox', …): a retried digest skips the ways out that already took it. */
  readonly name: string;
  deliver(digest: OutgoingDigest): Promise<string[]>;
}
