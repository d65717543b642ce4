// Rotations for people: the inspector edits Euler angles in degrees (applied in X, then Y, then Z order about the
// fixed axes, i.e. q = qz * qy * qx), the scene stores unit quaternions {x, y, z, w}.

const DEG = Math.PI / 180;

/** The unit quaternion of Euler angles in degrees. */
export function quatFromEulerDegrees({ x, y, z }) {
  const [cx, sx] = [Math.cos((x * DEG) / 2), Math.sin((x * DEG) / 2)];
  const [cy, sy] = [Math.cos((y * DEG) / 2), Math.sin((y * DEG) / 2)];
  const [cz, sz] = [Math.cos((z * DEG) / 2), Math.sin((z * DEG) / 2)];
  return {
    x: sx * cy * cz - cx * sy * sz,
    y: cx * sy * cz + sx * cy * sz,
    z: cx * cy * sz - sx * sy * cz,
    w: cx * cy * cz + sx * sy * sz,
  };
}

/** Euler angles in degrees of a quaternion (normalised first); y is kept within [-90, 90]. */
export function eulerDegreesFromQuat(q) {
  const length = Math.hypot(q.x, q.y, q.z, q.w) || 1;
  const [x, y, z, w] = [q.x / length, q.y / length, q.z / length, q.w / length];
  const sinY = Math.max(-1, Math.min(1, 2 * (w * y - z * x)));
  return {
    x: Math.atan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y)) / DEG,
    y: Math.asin(sinY) / DEG,
    z: Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z)) / DEG,
  };
}

/** Colour channels 0..1 as "#rrggbb". */
export function hexFromColor({ r, g, b }) {
  const hex = (v) => Math.round(Math.max(0, Math.min(1, v)) * 255).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** "#rrggbb" as colour channels 0..1, with the alpha given. */
export function colorFromHex(text, a = 1) {
  const value = Number.parseInt(text.slice(1), 16);
  return { r: ((value >> 16) & 255) / 255, g: ((value >> 8) & 255) / 255, b: (value & 255) / 255, a };
}
