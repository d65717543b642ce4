#version 450
// Metallic-roughness shading: Lambert diffuse plus GGX specular (Smith-Schlick visibility, Schlick Fresnel), lights
// in glTF KHR_lights_punctual units, plus a constant ambient term. The attachment is sRGB: output is linear.

struct Light {
    vec4 positionKind;
    vec4 directionRange;
    vec4 colorIntensity;
    vec4 cone;
};

layout(set = 0, binding = 0) uniform Frame {
    mat4 view;
    mat4 projection;
    vec4 cameraPosition;
    vec4 ambient;
    ivec4 counts;
    Light lights[8];
} frame;

layout(set = 1, binding = 0) uniform sampler2D baseColorTexture;

layout(push_constant) uniform Item {
    mat4 model;
    vec4 baseColor;
    vec4 material;
} item;

layout(location = 0) in vec3 worldPosition;
layout(location = 1) in vec3 worldNormal;
layout(location = 2) in vec2 uv;

layout(location = 0) out vec4 outColor;

const float PI = 3.14159265359;

float distributionGgx(float nDotH, float alpha) {
    float alpha2 = alpha * alpha;
    float d = nDotH * nDotH * (alpha2 - 1.0) + 1.0;
    return alpha2 / (PI * d * d);
}

float visibilitySmithSchlick(float nDotV, float nDotL, float alpha) {
    float k = alpha * 0.5;
    float gv = nDotV / (nDotV * (1.0 - k) + k);
    float gl = nDotL / (nDotL * (1.0 - k) + k);
    return gv * gl / max(4.0 * nDotV * nDotL, 1e-4);
}

vec3 fresnelSchlick(float vDotH, vec3 f0) {
    return f0 + (1.0 - f0) * pow(1.0 - vDotH, 5.0);
}

// The direction towards the light and its attenuation at this point.
vec4 incoming(Light light) {
    int kind = int(light.positionKind.w + 0.5);
    if (kind == 0) {
        return vec4(-normalize(light.directionRange.xyz), 1.0);
    }
    vec3 toLight = light.positionKind.xyz - worldPosition;
    float distance2 = max(dot(toLight, toLight), 1e-4);
    vec3 l = toLight * inversesqrt(distance2);
    float attenuation = 1.0 / distance2;
    float range = light.directionRange.w;
    if (range > 0.0) {
        // glTF's recommended smooth window to zero at the range.
        float ratio = distance2 / (range * range);
        float window = clamp(1.0 - ratio * ratio, 0.0, 1.0);
        attenuation *= window * window;
    }
    if (kind == 2) {
        float cosAngle = dot(normalize(light.directionRange.xyz), -l);
        attenuation *= smoothstep(light.cone.y, light.cone.x, cosAngle);
    }
    return vec4(l, attenuation);
}

void main() {
    vec4 base = item.baseColor;
    if (item.material.z > 0.5) {
        base *= texture(baseColorTexture, uv);
    }
    float metallic = item.material.x;
    float alpha = max(item.material.y * item.material.y, 0.002);
    vec3 n = normalize(worldNormal);
    vec3 v = normalize(frame.cameraPosition.xyz - worldPosition);
    float nDotV = max(dot(n, v), 1e-4);
    vec3 f0 = mix(vec3(0.04), base.rgb, metallic);
    vec3 diffuseColor = base.rgb * (1.0 - metallic);

    vec3 color = frame.ambient.rgb * mix(base.rgb, f0, metallic * 0.5);
    for (int i = 0; i < frame.counts.x; i++) {
        Light light = frame.lights[i];
        vec4 li = incoming(light);
        vec3 l = li.xyz;
        float nDotL = dot(n, l);
        if (nDotL <= 0.0 || li.w <= 0.0) {
            continue;
        }
        vec3 h = normalize(l + v);
        float nDotH = max(dot(n, h), 0.0);
        float vDotH = max(dot(v, h), 0.0);
        vec3 fresnel = fresnelSchlick(vDotH, f0);
        vec3 specular = fresnel * distributionGgx(nDotH, alpha) * visibilitySmithSchlick(nDotV, nDotL, alpha);
        vec3 diffuse = (1.0 - fresnel) * diffuseColor / PI;
        vec3 radiance = light.colorIntensity.rgb * light.colorIntensity.w * li.w;
        color += (diffuse + specular) * radiance * nDotL;
    }
    outColor = vec4(color, 1.0);
}
