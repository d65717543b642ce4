// The viewer page (/view?session=<id> or /view?scene=<id>, optional &role=viewer|editor): wires the session to the
// DOM of view.html.

import pinnedSchemas from 'scenelog:pinned-schemas';
import { supportedVideoCodecs } from './codecs.js';
import { bearerFor, forgetCredentials, takeCredentials } from './credentials.js';
import { askForCredentials, isUuid, loadConfig } from './page.js';
import { createBox, updateComponents } from './actions.js';
import { LivelinkCodec } from './protocol.js';
import { RestClient } from './rest.js';
import { ViewerSession } from './session.js';
import { byId } from './ui/dom.js';
import { EntityTree } from './ui/tree.js';
import { InputCapture } from './ui/input.js';
import { Inspector } from './ui/inspector.js';
import { PresenceList } from './ui/presence.js';
import { ResultLog } from './ui/results.js';
import { ConnectionStatus } from './ui/status.js';
import { VideoView } from './ui/video.js';
import { draggedPosition, ownCamera, pickedEntity } from './video/picking.js';

const NAME_KEY = 'scenelog.viewer.displayName';

async function main() {
  const status = new ConnectionStatus(byId('connection-state'), byId('latency'));
  const results = new ResultLog(byId('result-log'), byId('last-rejection'));
  const fail = (reason, message) => status.update({ state: 'disconnected', reason, message });

  const params = new URLSearchParams(window.location.search);
  const sessionParam = params.get('session');
  const sceneParam = params.get('scene');
  const roleParam = params.get('role');
  if (!isUuid(sessionParam) && !isUuid(sceneParam)) {
    fail('BAD_LINK', 'the link needs ?session=<session id> or ?scene=<scene id>');
    return;
  }
  if (roleParam !== null && roleParam !== 'viewer' && roleParam !== 'editor') {
    fail('BAD_LINK', `role must be viewer or editor, not "${roleParam}"`);
    return;
  }

  const config = await loadConfig();
  const rest = new RestClient(config.restBaseUrl);
  const nameField = byId('display-name');
  nameField.value = localStorage.getItem(NAME_KEY) ?? '';
  nameField.addEventListener('change', () => localStorage.setItem(NAME_KEY, nameField.value.trim()));

  let credentials = takeCredentials();
  let problem = '';
  let bearer;
  for (;;) {
    credentials ??= await askForCredentials(byId('signin'), problem);
    try {
      bearer = await bearerFor(credentials, rest);
      break;
    } catch (error) {
      if (error.status !== 401 && error.status !== 403) {
        fail(error.code ?? 'ERROR', error.message);
        return;
      }
      forgetCredentials();
      credentials = null;
      problem = `Refused: ${error.message}`;
    }
  }
  const freshBearer = async (refresh) => {
    if (refresh && credentials.apiKey) {
      bearer = await bearerFor(credentials, rest);
    }
    return bearer.token;
  };

  status.update({ state: 'connecting' });
  let sessionId = sessionParam;
  try {
    if (!isUuid(sessionId)) {
      sessionId = (await rest.findOrStartSession(bearer.token, sceneParam)).id;
      history.replaceState(history.state, '', `/view?session=${sessionId}${roleParam ? `&role=${roleParam}` : ''}`);
    }
  } catch (error) {
    fail(error.code ?? 'ERROR', error.message);
    return;
  }

  const videoCodecs = await supportedVideoCodecs();
  const transientToggle = byId('transient');
  let session;
  const inspector = new Inspector(byId('inspector'), (operations, origin) => act(operations, origin));
  let selected = null;
  const select = (entityId) => {
    selected = entityId;
    tree.select(entityId);
    inspector.show(entityId, session.mirror);
  };
  const tree = new EntityTree(byId('entity-tree'), select);
  const presence = new PresenceList(byId('presence-list'));
  const video = new VideoView(byId('video'), byId('video-status'), () => session?.connection(), videoCodecs);
  // Picking on the video: a click selects what is under it (the tree and inspector follow); an editor's drag that
  // starts on the selected entity moves it, as one transform update through the pipeline like any other edit.
  let grab = null;
  const pick = async (x, y) => {
    try {
      return await session.connection()?.queryPick(x, y) ?? null;
    } catch {
      return null; // the link dropped
    }
  };
  new InputCapture(byId('video'), () => session?.connection(), {
    click: async (x, y) => {
      const answer = await pick(x, y);
      const entityId = pickedEntity(answer);
      if (entityId !== null && session.mirror.entity(entityId)) {
        select(entityId);
      } else if (answer && answer.status !== 'OK') {
        results.note(`Cannot pick: ${answer.status} ${answer.message}`);
      }
    },
    grabs: async (x, y) => {
      grab = null;
      if (selected === null || byId('role').dataset.role === 'viewer') {
        return false;
      }
      const answer = await pick(x, y);
      if (pickedEntity(answer) !== selected) {
        return false;
      }
      grab = { entityId: selected, distance: answer.pick.distance };
      return true;
    },
    move: (from, to) => {
      const entity = grab && session.mirror.entity(grab.entityId);
      const transform = entity?.components?.transform;
      if (!transform) {
        return;
      }
      const canvas = byId('video');
      const camera = ownCamera(session.mirror.entities(), session.clientId);
      const position = draggedPosition(transform.position, from, to, grab.distance, camera,
        canvas.clientWidth / Math.max(1, canvas.clientHeight));
      act([updateComponents(grab.entityId, { transform: { ...transform, position } })], 'transform');
    },
  });

  const showError = (origin, text) => {
    if (origin === 'create') {
      byId('create-error').textContent = text;
    } else {
      inspector.showError(origin, text);
    }
  };
  const act = (operations, origin) => {
    showError(origin, '');
    const problemText = session.act(operations, origin, !transientToggle.checked);
    if (problemText) {
      showError(origin, problemText);
      results.note(problemText);
    }
  };

  const claimsRole = bearer.role;
  const role = roleParam ?? (claimsRole === 'editor' || claimsRole === 'admin' ? 'editor' : 'viewer');
  session = new ViewerSession({
    codec: new LivelinkCodec(pinnedSchemas),
    rest,
    bearer: freshBearer,
    sessionId,
    role,
    roleChosen: roleParam !== null,
    displayName: nameField.value.trim(),
    videoCodecs,
    livelinkUrl: config.livelinkUrl,
    ui: {
      connection: (change) => status.update(change),
      latency: (millis) => status.latency(millis),
      welcome: (welcome) => {
        presence.reset(welcome.clientId);
        showRole(welcome, transientToggle);
      },
      presence: (frame) => presence.update(frame),
      result: (result, entry) => {
        const text = results.add(result, entry);
        if (entry) {
          showError(entry.origin, text ?? '');
        }
        if (text) {
          inspector.refresh(); // a refused edit leaves the fields showing what was asked: show the state again
        }
      },
      note: (text) => results.note(text),
      videoStatus: (videoStatus) => video.showStatus(videoStatus),
      videoFrame: (frame) => video.frame(frame),
      clockOffset: (millis) => video.clockOffset(millis),
      configureVideo: () => video.configure(),
    },
  });
  session.mirror.subscribe((changed, mirror) => {
    tree.changed(changed, mirror);
    inspector.changed(changed, mirror);
    byId('scene-version').textContent = `v${mirror.version}`;
  });

  byId('create-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = byId('create-name').value.trim() || 'Box';
    act([createBox(crypto.randomUUID(), name, { x: 0, y: 0.5, z: 0 })], 'create');
  });
  window.addEventListener('pagehide', () => session.close());

  try {
    await session.start();
  } catch (error) {
    fail(error.code ?? 'JOIN_FAILED', error.message);
  }
}

/** Shows the role and session mode, and sets the persistence toggle to what the role may do. */
function showRole(welcome, transientToggle) {
  const viewer = welcome.role === 'VIEWER';
  const transientSession = welcome.sessionMode === 'TRANSIENT';
  byId('role').textContent = `${welcome.role.toLowerCase()} in a ${welcome.sessionMode.toLowerCase()} session`;
  byId('role').dataset.role = welcome.role.toLowerCase();
  if (transientToggle.dataset.initialised !== 'true') {
    transientToggle.checked = viewer || transientSession;
    transientToggle.dataset.initialised = 'true';
  }
  byId('persist-note').textContent = transientSession
    ? 'This session is transient: no change is saved to the scene.'
    : viewer
      ? 'As a viewer you may only make transient changes; they stay in this session. Untick to try saving anyway.'
      : 'Changes are saved to the scene unless "Transient" is ticked.';
}

main().catch((error) => {
  const state = document.getElementById('connection-state');
  if (state) {
    state.textContent = `disconnected: ERROR (${error.message})`;
    state.dataset.state = 'disconnected';
  }
  throw error;
});
