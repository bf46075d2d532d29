import type { StoredStatement } from '../stances/index.js';

/** What a step of a speaker's history did, in a reader's words. */
export const TimelineStep = {
  FirstStated: 'first stated',
  Restated: 'restated',
  Changed: 'changed',
  Withdrawn: 'withdrawn',
} as const;
export type TimelineStep = (typeof TimelineStep)[keyof typeof TimelineStep];

export interface TimelineEntry {
  step: TimelineStep;
  date?: string;
  kind: StoredStatement['kind'];
  text: string;
  outlet?: string;
  url: string;
  /** For a restatement or a change: what it restates or changes. */
  earlier?: { text: string; date?: string };
}

export interface SpeakerTimeline {
  speaker: string;
  entries: TimelineEntry[];
}

/**
 * Turns a watch's ledger into each speaker's story, oldest first: when a position or condition was
 * first stated, restated, changed or withdrawn, and where. Speakers are ordered by their first entry.
 */
export function buildTimeline(statements: StoredStatement[]): SpeakerTimeline[] {
  const ordered = [...statements].sort(
    (a, b) =>
      (a.publishedAt ?? a.foundAt).localeCompare(b.publishedAt ?? b.foundAt) || (a.paragraphIndex ?? 0) - (b.paragraphIndex ?? 0),
  );
  const bySpeaker = new Map<string, TimelineEntry[]>();
  for (const statement of ordered) {
    const speaker = statement.speaker ?? 'Unattributed';
    const entries = bySpeaker.get(speaker) ?? [];
    entries.push(toEntry(statement));
    bySpeaker.set(speaker, entries);
  }
  return [...bySpeaker].map(([speaker, entries]) => ({ speaker, entries }));
}

function toEntry(statement: StoredStatement): TimelineEntry {
  return {
    step: stepOf(statement),
    date: statement.publishedAt?.slice(0, 10),
    kind: statement.kind,
    text: statement.text,
    outlet: statement.outlet,
    url: statement.url,
    earlier: statement.status === 'new' || !statement.closest ? undefined : { text: statement.closest.text, date: statement.closest.publishedAt?.slice(0, 10) },
  };
}

function stepOf(statement: StoredStatement): TimelineStep {
  if (statement.status === 'repeat') return TimelineStep.Restated;
  if (statement.status === 'changed') return statement.withdrawn ? TimelineStep.Withdrawn : TimelineStep.Changed;
  return statement.withdrawn ? TimelineStep.Withdrawn : TimelineStep.FirstStated;
}

/** The timeline as plain text for a terminal. */
export function formatTimeline(watchName: string, timeline: SpeakerTimeline[]): string {
  if (timeline.length === 0) return `${watchName}: no statements archived yet.\n`;
  const lines = [watchName, ''];
  for (const { speaker, entries } of timeline) {
    lines.push(speaker);
    for (const entry of entries) {
      lines.push(`  ${entry.date ?? '????-??-??'}  ${entry.step} (${entry.kind}): ${entry.text}`);
      if (entry.earlier) lines.push(`              after ${entry.earlier.date ?? 'an earlier date'}: ${entry.earlier.text}`);
      lines.push(`              ${[entry.outlet, entry.url].filter(Boolean).join(' · ')}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
