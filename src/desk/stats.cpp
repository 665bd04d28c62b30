// Queue age and decision-rate arithmetic.
#include "stats.hpp"

#include "format.hpp"

#include <algorithm>

namespace medpics::desk {

QueueAge queueAge(const std::vector<std::string>& createdAt, std::int64_t now) {
  std::vector<double> ages;
  for (const auto& text : createdAt)
    if (const auto t = parseUtc(text)) ages.push_back(std::max<double>(0, double(now - *t) / 60.0));
  QueueAge out;
  out.count = static_cast<int>(ages.size());
  if (ages.empty()) return out;
  std::sort(ages.begin(), ages.end());
  out.oldestMinutes = ages.back();
  const size_t n = ages.size();
  out.medianMinutes = n % 2 ? ages[n / 2] : (ages[n / 2 - 1] + ages[n / 2]) / 2;
  return out;
}

double decisionsPerHour(const std::array<float, 24>& perHour, int currentHour) {
  int first = -1;
  double total = 0;
  for (int h = 0; h <= std::clamp(currentHour, 0, 23); ++h) {
    if (perHour[static_cast<size_t>(h)] > 0 && first < 0) first = h;
    total += perHour[static_cast<size_t>(h)];
  }
  if (first < 0) return 0;
  return total / (currentHour - first + 1);
}

}  // namespace medpics::desk
