'use strict';

// Mints a Scenelog token (a JWT signed with HS256) from the platform's token key, as
// `scenelog simulate --token-key-file` does. This is the local-machine path: whoever can read the
// key can mint any token. Deployments hand simulations a token (or, later, an API key) instead.

const crypto = require('node:crypto');
const fs = require('node:fs');

function base64url(bytes) {
  return Buffer.from(bytes).toString('base64url');
}

// The key file holds the key as base64 (written by `scenelog up` to <data-dir>/secrets/token.key).
function readKey(file) {
  const text = fs.readFileSync(file, 'utf8').trim();
  const key = Buffer.from(text, /[-_]/.test(text) ? 'base64url' : 'base64');
  if (key.length < 32) {
    throw new Error(`The token key in ${file} has ${key.length} bytes; Scenelog keys have at least 32.`);
  }
  return key;
}

// claims: { subject, role: 'viewer' | 'editor' | 'admin', scene?, session? }; ttlSeconds > 0.
function mint(key, claims, ttlSeconds) {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: 'scenelog', sub: claims.subject, role: claims.role };
  if (claims.scene) payload.scene = claims.scene;
  if (claims.session) payload.session = claims.session;
  payload.iat = now;
  payload.exp = now + Math.ceil(ttlSeconds);
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  const signature = crypto.createHmac('sha256', key).update(signingInput, 'ascii').digest();
  return `${signingInput}.${base64url(signature)}`;
}

module.exports = { readKey, mint };
