import type { Assignment } from './events.js'

/**
 * Why an article is in its event, in words: for `explain` and the API. `describe` names an event
 * by id as it stands now (its title; where it has been merged, the event it is part of), for an
 * article that founded its event and was close to another one.
 */
export function explainAssignment(a: Assignment, threshold: number, describe: (eventId: string) => string = (id) => id, copyOf?: string): string {
  const placed =
    a.digest
      ? 'it is a digest of unrelated items (its headline lists them): it stands alone'
      : a.reason === 'founded'
        ? `it founded this event: ${founding(a, threshold, describe)}`
        : a.reason === 'copy'
          ? a.copyPlacedFirst
            ? `the same report stored as its copy, ${a.copyPlacedFirst}, is dated earlier and so was placed first, and is in this event: the two are counted once`
            : 'it is a copy of an article already in this event'
          : `it scored ${a.score.toFixed(3)} against the event's members, over the ${threshold} needed to join (the score adds how alike the keywords are and how alike the headlines are, each up to 1${a.breadth !== undefined ? `; lowered as it rests on about ${a.breadth.toFixed(1)} words` : ''}); shared keywords: ${a.sharedTerms.join(' ')}${a.sharedEntities.length ? `; shared names: ${a.sharedEntities.join('、')}` : ''}`
  // A copy placed before the article the archive keeps as the original (dated earlier) stands for both.
  const stored = copyOf && a.reason !== 'copy' ? `; the archive keeps it as a copy of ${copyOf}, which is dated later: it was placed in its stead and the two are counted once` : ''
  // Only an event's first merge is recorded: it may have been merged again since.
  return a.mergedFrom
    ? `${placed}${stored}; its event ${a.mergedFrom} was later merged into the event now ${a.eventId} when ${a.mergedBy === a.articleId ? 'it' : a.mergedBy ? `report ${a.mergedBy}` : 'a report'}, close to both, showed they are alike`
    : `${placed}${stored}`
}

function founding(a: Assignment, threshold: number, describe: (eventId: string) => string): string {
  const n = a.nearest
  if (!n) return 'no event within the time window shared its strongest keywords or headline words'
  const words = n.sharedTerms.length ? `, sharing ${n.sharedTerms.join(' ')}` : ''
  if (n.undatedFull) return `the closest event, ${describe(n.eventId)}, scored ${n.score.toFixed(3)}${words}, but this article has no date and that event already held as many undated reports as it may (one more than its dated ones): where an undated report belongs is a guess from its words, and guesses may not outnumber the reports that date an event`
  if (n.otherSummits) return `the closest event, ${describe(n.eventId)}, scored ${n.score.toFixed(3)}${words}, but its reports name another summit (${n.otherSummits.join(', ')}) than this headline does: reports of different summits are different events however alike their words`
  return `the closest event, ${describe(n.eventId)}, scored ${n.score.toFixed(3)}${words}, under the threshold ${threshold}`
}
