// Live masking preview: for each image pixel, the topmost accepted region decides the style.
// solid: opaque black; mosaic: block mean + per-block noise (same hash as mask::mosaicNoise); blur: approximation (weak).
#version 330 core
in vec2 Frag_UV;
in vec4 Frag_Color;
uniform sampler2D Texture;       // the image (unit 0, bound by the ImGui backend)
uniform usampler2D RegionIndex;  // 0 = none, else 1 + region index (unit 1)
uniform isampler2D RegionTable;  // per region: style, block size, atlas x, atlas y (unit 2)
uniform sampler2D BlockMeans;    // mosaic block means atlas (unit 3)
uniform usampler2D CoarseIndex;  // topmost region per CoarseFactor² cell, for zoomed-out views (unit 4)
uniform int CoarseFactor;
uniform ivec2 ImageSize;
uniform uint Seed;
uniform int ShowOriginal;
out vec4 Out_Color;

uint hash32(uint x) {
  x ^= x >> 16u;
  x *= 0x7feb352du;
  x ^= x >> 15u;
  x *= 0x846ca68bu;
  x ^= x >> 16u;
  return x;
}

int noise(int bx, int by, int channel) {
  uint h = hash32(uint(bx) * 0x9E3779B1u ^ hash32(uint(by) * 0x85EBCA77u ^ hash32(uint(channel) + Seed)));
  return int(h % 49u) - 24;
}

void main() {
  ivec2 p = clamp(ivec2(floor(Frag_UV * vec2(ImageSize))), ivec2(0), ImageSize - 1);
  // Zoomed out (several texels per fragment) the mipmapped sample is used; from 1:1 up, the exact texel.
  vec2 footprint = fwidth(Frag_UV * vec2(ImageSize));
  float texelsPerFragment = max(footprint.x, footprint.y);
  vec4 original = texelsPerFragment > 1.5 ? texture(Texture, Frag_UV) : texelFetch(Texture, p, 0);
  uint index = texelsPerFragment >= float(CoarseFactor) ? texelFetch(CoarseIndex, p / CoarseFactor, 0).r
                                                        : texelFetch(RegionIndex, p, 0).r;
  if (ShowOriginal != 0 || index == 0u) {
    Out_Color = vec4(original.rgb, 1.0);
    return;
  }
  ivec4 entry = texelFetch(RegionTable, ivec2(int(index), 0), 0);
  if (entry.x == 0) {
    Out_Color = vec4(0.0, 0.0, 0.0, 1.0);
  } else if (entry.x == 1) {
    ivec2 block = p / entry.y;
    ivec3 mean = ivec3(round(texelFetch(BlockMeans, entry.zw + block, 0).rgb * 255.0));
    // The CPU image is BGR: channel 0 is blue, 2 is red.
    ivec3 rgb = clamp(mean + ivec3(noise(block.x, block.y, 2), noise(block.x, block.y, 1), noise(block.x, block.y, 0)), 0, 255);
    Out_Color = vec4(vec3(rgb) / 255.0, 1.0);
  } else {
    float sigma = float(entry.y);
    vec3 sum = vec3(0.0);
    float weight = 0.0;
    for (int dy = -4; dy <= 4; ++dy)
      for (int dx = -4; dx <= 4; ++dx) {
        ivec2 q = clamp(p + ivec2(dx, dy) * int(max(1.0, sigma * 0.5)), ivec2(0), ImageSize - 1);
        float w = exp(-float(dx * dx + dy * dy) / 8.0);
        sum += texelFetch(Texture, q, 0).rgb * w;
        weight += w;
      }
    Out_Color = vec4(sum / weight, 1.0);
  }
}
