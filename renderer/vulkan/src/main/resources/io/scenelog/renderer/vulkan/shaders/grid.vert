#version 450
// The ground grid: a large quad at y = 0 around the camera, made here from the vertex index (no vertex buffer).

layout(set = 0, binding = 0) uniform Frame {
    mat4 view;
    mat4 projection;
    vec4 cameraPosition;
} frame;

layout(location = 0) out vec3 worldPosition;

const float EXTENT = 500.0;
const vec2 CORNERS[6] = vec2[](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(1.0, 1.0),
                               vec2(-1.0, -1.0), vec2(1.0, 1.0), vec2(-1.0, 1.0));

void main() {
    vec2 xz = CORNERS[gl_VertexIndex] * EXTENT + frame.cameraPosition.xz;
    worldPosition = vec3(xz.x, 0.0, xz.y);
    gl_Position = frame.projection * frame.view * vec4(worldPosition, 1.0);
}
