// Picking and dragging entities on the video, without the DOM: what a pick answer selects, and where a dragged
// entity goes. A drag moves the entity in the plane facing the camera at the picked point's distance: the drag's
// fraction of the canvas times the view's size at that distance, along the camera's right and up directions (from
// the client's own camera entity when the mirror has it, else an unrotated camera with a 60 degree field of view).

const DEFAULT_FOV_DEGREES = 60;

/** The entity a pick answer selects, or null (nothing hit, or the answer is not OK). */
export function pickedEntity(answer) {
  return answer?.status === 'OK' && answer.pick ? answer.pick.entityId : null;
}

/** Rotates a vector by a unit quaternion. */
export function rotate(q, v) {
  // v' = v + 2w (u x v) + 2 u x (u x v), u = (q.x, q.y, q.z)
  const cx = q.y * v.z - q.z * v.y;
  const cy = q.z * v.x - q.x * v.z;
  const cz = q.x * v.y - q.y * v.x;
  return {
    x: v.x + 2 * (q.w * cx + q.y * cz - q.z * cy),
    y: v.y + 2 * (q.w * cy + q.z * cx - q.x * cz),
    z: v.z + 2 * (q.w * cz + q.x * cy - q.y * cx),
  };
}

/**
 * Where a dragged entity goes.
 *
 * @param {{x, y, z}} position the entity's position now
 * @param {{x, y}} from where the drag started, as fractions of the canvas
 * @param {{x, y}} to where it ended
 * @param {number} distance the pick's distance from the camera
 * @param {{rotation: {x, y, z, w}, fovDegrees: number}|null} camera the client's camera, if known
 * @param {number} aspect the canvas's width / height
 */
export function draggedPosition(position, from, to, distance, camera, aspect) {
  const fov = ((camera?.fovDegrees ?? DEFAULT_FOV_DEGREES) * Math.PI) / 180;
  const height = 2 * distance * Math.tan(fov / 2);
  const width = height * aspect;
  const rotation = camera?.rotation ?? { x: 0, y: 0, z: 0, w: 1 };
  const right = rotate(rotation, { x: 1, y: 0, z: 0 });
  const up = rotate(rotation, { x: 0, y: 1, z: 0 });
  const across = (to.x - from.x) * width;
  const upwards = -(to.y - from.y) * height; // canvas y grows downwards
  return {
    x: position.x + right.x * across + up.x * upwards,
    y: position.y + right.y * across + up.y * upwards,
    z: position.z + right.z * across + up.z * upwards,
  };
}

/** The client's own camera in the mirror (its presence entity), as {rotation, fovDegrees}, or null. */
export function ownCamera(entities, clientId) {
  for (const entity of entities) {
    const camera = entity.components?.camera;
    if (camera && camera.ownerClientId === clientId && entity.components.transform) {
      return { rotation: entity.components.transform.rotation, fovDegrees: camera.fovDegrees };
    }
  }
  return null;
}
