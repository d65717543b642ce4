#version 450
// Grid lines every metre and every ten metres, anti-aliased with screen-space derivatives, the x axis red and the
// z axis blue, fading out with distance (and where lines get denser than the pixels) so the horizon stays calm.

layout(set = 0, binding = 0) uniform Frame {
    mat4 view;
    mat4 projection;
    vec4 cameraPosition;
} frame;

layout(location = 0) in vec3 worldPosition;
layout(location = 0) out vec4 outColor;

// 1 on a line of this spacing, 0 between lines; 0 where the cells shrink below a few pixels.
float lines(vec2 p, float spacing) {
    vec2 cell = p / spacing;
    vec2 width = fwidth(cell);
    vec2 distance = abs(fract(cell - 0.5) - 0.5) / max(width, 1e-6);
    float line = 1.0 - min(min(distance.x, distance.y), 1.0);
    return line * (1.0 - smoothstep(0.15, 0.35, max(width.x, width.y)));
}

float axis(float coordinate) {
    float width = fwidth(coordinate);
    return 1.0 - min(abs(coordinate) / max(width * 1.5, 1e-6), 1.0);
}

void main() {
    vec2 p = worldPosition.xz;
    float minor = lines(p, 1.0);
    float major = lines(p, 10.0);
    float height = max(abs(frame.cameraPosition.y), 1.0);
    float fade = 1.0 - smoothstep(15.0 * height, 60.0 * height, length(worldPosition - frame.cameraPosition.xyz));
    vec3 color = vec3(0.22);
    float alpha = max(minor * 0.45, major * 0.8);
    float xAxis = axis(p.y);
    float zAxis = axis(p.x);
    color = mix(color, vec3(0.85, 0.15, 0.15), xAxis);
    color = mix(color, vec3(0.15, 0.3, 0.9), zAxis * (1.0 - xAxis));
    alpha = max(alpha, max(xAxis, zAxis) * 0.9) * fade;
    if (alpha < 0.004) {
        discard;
    }
    outColor = vec4(color, alpha);
}
