// Generated input corpora: well-formed samples (fuzzing seeds) and hostile ones (truncated, corrupt, bombs,
// odd encodings, hostile JSON) for the image loaders, the API answer parsers, the directory importer and the
// text classifier. Everything is built in memory by code; nothing is committed.
#pragma once
#include <string>
#include <vector>

namespace medpics::corpus {

// What the guarded image loader must do with a sample (other corpora use Any).
enum class Expect { Accept, Refuse, Any };

struct Sample {
  std::string name;  // file name, extension included (may be deliberately wrong)
  std::string bytes;
  Expect expect = Expect::Any;
};

// Small valid images: JPEG, PNG, WebP, TIFF, BMP; grey, 16-bit, palette, CMYK JPEG, APNG, EXIF-rotated, 1x100000.
std::vector<Sample> validImages();
// Images that must be refused (or accepted where noted) without crash, hang or unbounded memory.
std::vector<Sample> hostileImages();

// Well-formed answers of the platform API (one per route shape).
std::vector<Sample> apiAnswers();
// Hostile JSON: wrong types, missing fields, deep nesting, invalid UTF-8, huge numbers and strings.
std::vector<Sample> hostileJson();
// A JSON text nested `depth` levels deep ("[[[...]]]").
std::string deeplyNested(std::size_t depth);

// Annuaire Santé extracts (header + rows), well-formed, Latin-1, and broken.
std::vector<Sample> directoryExtracts();
// Text lines and captions with and without PHI (French and English), and hostile text (invalid UTF-8, huge).
std::vector<Sample> textLines();

// Writes every sample of `samples` into `dir` (created), named by Sample::name.
void writeAll(const std::vector<Sample>& samples, const std::string& dir);

}  // namespace medpics::corpus
