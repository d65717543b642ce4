// The start page (/): lists the scenes the credentials may see and opens one in the viewer (find or start its
// session), or one of its live sessions.

import { bearerFor, forgetCredentials, takeCredentials } from './credentials.js';
import { askForCredentials, loadConfig } from './page.js';
import { RestClient } from './rest.js';
import { byId, el } from './ui/dom.js';

async function main() {
  const config = await loadConfig();
  const rest = new RestClient(config.restBaseUrl);
  const message = byId('scenes-message');
  let credentials = takeCredentials();
  let problem = '';
  for (;;) {
    credentials ??= await askForCredentials(byId('signin'), problem);
    try {
      const bearer = await bearerFor(credentials, rest);
      await listScenes(rest, bearer.token, null);
      byId('sign-out').hidden = false;
      return;
    } catch (error) {
      if (error.status !== 401 && error.status !== 403) {
        message.textContent = `Cannot list the scenes: ${error.message}`;
        return;
      }
      forgetCredentials();
      credentials = null;
      problem = `Refused: ${error.message}`;
    }
  }

  async function listScenes(restClient, token, cursor) {
    const page = await restClient.listScenes(token, cursor);
    const list = byId('scene-list');
    if (cursor === null) {
      list.replaceChildren();
    }
    list.append(...page.items.map(sceneRow));
    message.textContent = list.childElementCount === 0 ? 'No scenes yet.' : '';
    const more = byId('more-scenes');
    more.hidden = page.nextCursor === null;
    more.onclick = () => listScenes(restClient, token, page.nextCursor)
      .catch((error) => { message.textContent = `Cannot list more scenes: ${error.message}`; });
  }
}

function sceneRow(scene) {
  return el('li', { 'data-testid': 'scene-row', dataset: { sceneId: scene.id } },
    el('a', { href: `/view?scene=${encodeURIComponent(scene.id)}`, 'data-testid': 'open-scene' }, scene.name),
    el('span', { class: 'meta' }, ` version ${scene.version}, ${scene.entityCount} entities`),
    scene.sessions.length > 0 ? el('ul', { class: 'sessions' }, scene.sessions.map((session) => el('li', {},
      el('a', { href: `/view?session=${encodeURIComponent(session.id)}`, 'data-testid': 'open-session' },
        `${session.mode} session, ${session.status}, ${session.clients} client(s)`)))) : null);
}

byId('sign-out').addEventListener('click', () => {
  forgetCredentials();
  window.location.reload();
});

main().catch((error) => {
  byId('scenes-message').textContent = `The page failed: ${error.message}`;
  throw error;
});
