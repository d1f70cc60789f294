import type { Assignment } from './events.js'

/** Why an article is in its event, in words: for `explain` and the API. */
export function explainAssignment(a: Assignment, threshold: number): string {
  const placed =
    a.digest
      ? 'it is a digest of unrelated items (its headline lists them): it stands alone'
      : a.reason === 'founded'
        ? 'it founded this event: no earlier event within the time window was similar enough'
        : a.reason === 'copy'
          ? 'it is a copy of an article already in this event'
          : `average similarity ${a.score.toFixed(3)} to the event's members (threshold ${threshold}${a.breadth !== undefined ? `; lowered as it rests on about ${a.breadth.toFixed(1)} words` : ''}); shared keywords: ${a.sharedTerms.join(' ')}${a.sharedEntities.length ? `; shared names: ${a.sharedEntities.join('、')}` : ''}`
  return a.mergedFrom ? `${placed}; its event ${a.mergedFrom} was later merged into ${a.eventId} when a report close to both showed they are alike` : placed
}
