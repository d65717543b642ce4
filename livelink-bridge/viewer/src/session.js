// One person's presence in one session: joins through REST, keeps a Livelink connection to the bridge, loads the
// scene into the mirror and keeps it current, and turns the UI's edits into actions. It touches no DOM: the view
// hands it a `ui` of callbacks (see view.js), so the flow reads in one place.

import { ActionBook } from './actions.js';
import { ConnectionState, LivelinkConnection, REJOIN_DISCONNECTS, backoffMillis } from './connection.js';
import { SceneMirror } from './mirror.js';
import { Channel, FrameError } from './protocol.js';

const STATE_QUERY_ATTEMPTS = 5;
const REJOIN_ATTEMPTS = 5;

export class ViewerSession {
  /**
   * @param {object} options
   * @param {import('./protocol.js').LivelinkCodec} options.codec
   * @param {import('./rest.js').RestClient} options.rest
   * @param {(refresh: boolean) => Promise<string>} options.bearer a bearer token for REST calls (refresh: the last
   *   one was refused, mint another if possible)
   * @param {string} options.sessionId
   * @param {string} options.role the role to join as ('editor' or 'viewer')
   * @param {boolean} options.roleChosen whether the link named the role (else an editor join refused falls back to
   *   viewer)
   * @param {string} options.displayName
   * @param {string[]} options.videoCodecs
   * @param {string} options.livelinkUrl the Livelink URL of the bridge that served the page (its configuration).
   *   The page connects there rather than to the join answer's livelinkUrl: in one deployment the two agree, and
   *   where they differ (an edge configured before its bridge picked a port) the bridge's own URL is the one the
   *   page's Content-Security-Policy allows
   * @param {object} options.ui the view's callbacks
   */
  constructor(options) {
    Object.assign(this, options);
    this.mirror = new SceneMirror({ sessionId: options.sessionId });
    this.link = null;
    this.book = null;
    this.rejoins = 0;
  }

  /** Joins the session and connects; rejects with the RestError when the join is refused. */
  async start() {
    await this.join();
  }

  /** The current connection (or null), for the video and input parts. */
  connection() {
    return this.link;
  }

  async join() {
    const joined = await this.joinWithRole();
    this.link?.close('joined again');
    this.clientId = joined.clientId;
    const link = new LivelinkConnection({
      url: this.livelinkUrl || joined.livelinkUrl,
      token: joined.token,
      codec: this.codec,
      resumeFrom: () => this.mirror.resumeFromVersion(),
      displayName: this.displayName,
      videoCodecs: this.videoCodecs,
      env: this.env,
    });
    this.link = link;
    link.on('state', (change) => this.stateChanged(link, change));
    link.on('welcome', (welcome) => this.welcomed(link, welcome));
    link.on('event', (event) => this.mirror.apply(event));
    link.on('heartbeat', (sceneVersion) => this.mirror.acknowledge(sceneVersion));
    link.on('action-result', (result) => this.resulted(result));
    link.on('presence', (presence) => this.ui.presence(presence));
    link.on('latency', (millis) => this.ui.latency(millis));
    link.on('clock-offset', (millis) => this.ui.clockOffset?.(millis));
    link.on('video', (frame) => this.ui.videoFrame(frame));
    link.on('control', (command) => {
      if (command.type === 'VideoStatus') {
        this.ui.videoStatus(command.value);
      }
    });
    link.on('error', (error) => this.ui.note(`The bridge sent a frame this page cannot read: ${error.message}`));
    link.start();
  }

  async joinWithRole() {
    const joinAs = async (role, refresh = false) => this.rest.joinSession(await this.bearer(refresh), this.sessionId,
      role);
    try {
      return await this.joinOnce(joinAs, this.role);
    } catch (error) {
      if (error.status === 403 && !this.roleChosen && this.role === 'editor') {
        this.role = 'viewer'; // the token may view but not edit: join as what it allows
        return this.joinOnce(joinAs, this.role);
      }
      throw error;
    }
  }

  async joinOnce(joinAs, role) {
    try {
      return await joinAs(role);
    } catch (error) {
      if (error.status === 401) {
        return joinAs(role, true); // the bearer expired: mint a new one from the API key, if there is one
      }
      throw error;
    }
  }

  welcomed(link, welcome) {
    if (link !== this.link) {
      return;
    }
    this.rejoins = 0;
    if (this.book?.identity.clientId !== welcome.clientId) {
      const dropped = this.book?.unanswered().length ?? 0;
      if (dropped > 0) {
        this.ui.note(`${dropped} change(s) sent before joining again got no answer and were not sent again.`);
      }
      this.book = new ActionBook({ sceneId: welcome.sceneId, sessionId: welcome.sessionId,
        clientId: welcome.clientId });
    }
    this.ui.welcome(welcome);
    if (welcome.resume !== 'RESUMED') {
      // FRESH, RESET, or an outcome newer than this page (to be treated as RESET): load the whole state again
      this.mirror.beginLoad();
      this.loadState(link, 1);
    }
    for (const action of this.book.unanswered()) {
      link.send(Channel.ACTION, action); // same actionId and clientSeq: a decided one is answered DUPLICATE
    }
    this.ui.configureVideo();
  }

  async loadState(link, attempt) {
    let answer;
    try {
      answer = await link.queryEntities([]);
    } catch {
      return; // the link dropped; the next Welcome loads again
    }
    if (answer.status === 'OK') {
      this.mirror.load(answer.sceneVersion, answer.entities);
    } else if (answer.status === 'UNAVAILABLE' && attempt < STATE_QUERY_ATTEMPTS && link === this.link) {
      this.ui.note(`The scene state is not available yet (${answer.message}); asking again.`);
      setTimeout(() => this.loadState(link, attempt + 1), backoffMillis(attempt));
    } else {
      this.ui.note(`Cannot load the scene: ${answer.status} ${answer.message}`);
    }
  }

  /**
   * Sends an edit as one action.
   *
   * @param {object[]} operations
   * @param {string} origin the UI control that asked (a rejection is shown next to it)
   * @param {boolean} persist
   * @returns {string|null} why it was not sent, or null
   */
  act(operations, origin, persist) {
    if (!this.link?.live || this.book === null) {
      return 'Not connected: the change was not sent.';
    }
    const action = this.book.create(operations, { persist, origin });
    try {
      this.link.send(Channel.ACTION, action);
    } catch (error) {
      this.book.settle(action);
      if (error instanceof FrameError) {
        return `The change cannot be sent: ${error.message}`;
      }
      throw error;
    }
    return null;
  }

  resulted(result) {
    const entry = this.book?.settle(result);
    this.ui.result(result, entry);
  }

  stateChanged(link, change) {
    if (link !== this.link) {
      return;
    }
    this.ui.connection(change);
    if (change.state === ConnectionState.DISCONNECTED && REJOIN_DISCONNECTS.has(change.reason)) {
      this.rejoinLater(change);
    }
  }

  /** TOKEN_EXPIRED, ROLE_CHANGED: join again through REST (a new client and token), then resume. */
  rejoinLater(change) {
    if (this.rejoins >= REJOIN_ATTEMPTS) {
      return;
    }
    this.rejoins += 1;
    const wait = backoffMillis(this.rejoins);
    this.ui.connection({ state: ConnectionState.RECONNECTING, reason: change.reason,
      message: 'joining the session again', retryInMillis: wait });
    setTimeout(() => this.join().catch((error) => this.ui.connection({
      state: ConnectionState.DISCONNECTED, reason: error.code ?? 'JOIN_FAILED', message: error.message,
    })), wait);
  }

  close() {
    this.link?.close('page closed');
  }
}
