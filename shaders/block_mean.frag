// Mosaic block means: one fragment per block of BlockSize² image pixels (grid aligned on the image, clipped),
// integer mean rounded half up — the same arithmetic as mask::burnIn on the CPU.
#version 330 core
uniform sampler2D Image;
uniform ivec2 ImageSize;
uniform int BlockSize;
uniform ivec2 SlotOrigin;  // where this block grid starts in the atlas (in texels)
out vec4 Out_Color;
void main() {
  ivec2 block = ivec2(gl_FragCoord.xy) - SlotOrigin;
  ivec2 start = block * BlockSize;
  ivec2 end = min(start + BlockSize, ImageSize);
  ivec3 sum = ivec3(0);
  for (int y = start.y; y < end.y; ++y)
    for (int x = start.x; x < end.x; ++x)
      sum += ivec3(round(texelFetch(Image, ivec2(x, y), 0).rgb * 255.0));
  int count = max(1, (end.x - start.x) * (end.y - start.y));
  ivec3 mean = (sum + count / 2) / count;
  Out_Color = vec4(vec3(mean) / 255.0, 1.0);
}
