#version 450
// Opaque meshes: world-space position and normal for shading. Frame and Item blocks must match FrameUniforms and
// FrameRecorder (push constants).

struct Light {
    vec4 positionKind;    // xyz position, w kind (0 directional, 1 point, 2 spot)
    vec4 directionRange;  // xyz direction the light travels, w range (0 = unlimited)
    vec4 colorIntensity;  // rgb linear colour, w intensity
    vec4 cone;            // x cos(inner), y cos(outer)
};

layout(set = 0, binding = 0) uniform Frame {
    mat4 view;
    mat4 projection;
    vec4 cameraPosition;
    vec4 ambient;
    ivec4 counts;         // x lights
    Light lights[8];
} frame;

layout(push_constant) uniform Item {
    mat4 model;
    vec4 baseColor;
    vec4 material;        // x metallic, y roughness, z has texture
} item;

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;

layout(location = 0) out vec3 worldPosition;
layout(location = 1) out vec3 worldNormal;
layout(location = 2) out vec2 uv;

void main() {
    vec4 world = item.model * vec4(inPosition, 1.0);
    // The cofactor matrix is the inverse transpose up to a scale, without an inverse per vertex; the determinant's
    // sign keeps normals outward under mirroring transforms.
    mat3 m = mat3(item.model);
    mat3 cofactor = mat3(cross(m[1], m[2]), cross(m[2], m[0]), cross(m[0], m[1]));
    float handedness = dot(m[0], cross(m[1], m[2])) < 0.0 ? -1.0 : 1.0;
    worldPosition = world.xyz;
    worldNormal = cofactor * inNormal * handedness;
    uv = inUv;
    gl_Position = frame.projection * frame.view * world;
}
