// The log of action results, newest first, and the last rejection: reason code, the pipeline's message and, for the
// reasons a person can act on, what to do.

import { el } from './dom.js';

const MAX_LOG_ENTRIES = 50;

const ADVICE = Object.freeze({
  FORBIDDEN_PERSIST: 'Viewers may only make transient changes: tick "Transient" to change this session only.',
  VERSION_CONFLICT: 'Someone changed the entity first; look at its new state and try again.',
  UNKNOWN_ENTITY: 'The entity no longer exists.',
  RATE_LIMITED: 'Too many changes at once; wait a moment.',
  UNAUTHORIZED: 'Your token does not allow this; join again.',
});

/** The text shown for a rejected (or duplicate) result: "REASON: message advice". */
export function rejectionText(result) {
  const reason = result.reason ?? 'UNKNOWN';
  const advice = ADVICE[reason] ? ` ${ADVICE[reason]}` : '';
  const original = reason === 'DUPLICATE' && result.originalStatus
    ? ` (first outcome: ${result.originalStatus}${result.originalReason ? ` ${result.originalReason}` : ''})` : '';
  const message = (result.message || 'no detail').replace(/[.\s]*$/, '');
  return `${reason}: ${message}${original}.${advice}`;
}

export class ResultLog {
  constructor(logElement, lastRejectionElement) {
    this.log = logElement;
    this.lastRejection = lastRejectionElement;
  }

  /**
   * @param {object} result the ActionResult
   * @param {{origin: string}|undefined} entry the action it answers, if this page sent it
   * @returns {string|null} the rejection text, or null when accepted
   */
  add(result, entry) {
    const accepted = result.status === 'ACCEPTED'
      || (result.reason === 'DUPLICATE' && result.originalStatus === 'ACCEPTED');
    const text = accepted ? `accepted at version ${result.sceneVersion}` : rejectionText(result);
    const origin = entry?.origin ?? 'unknown';
    this.log.prepend(el('li', {
      class: accepted ? 'accepted' : 'rejected',
      'data-testid': 'result-row',
      dataset: { status: result.status, reason: result.reason ?? '', origin, clientSeq: String(result.clientSeq) },
    }, `#${result.clientSeq} ${origin}: ${text}`));
    while (this.log.childElementCount > MAX_LOG_ENTRIES) {
      this.log.lastElementChild.remove();
    }
    if (accepted) {
      return null;
    }
    this.lastRejection.textContent = text;
    this.lastRejection.dataset.reason = result.reason ?? '';
    this.lastRejection.hidden = false;
    return text;
  }

  /** A note from the page itself (an action it could not send, a rejoin). */
  note(text) {
    this.log.prepend(el('li', { class: 'note', 'data-testid': 'result-note' }, text));
  }
}
