// Statistics arithmetic of the desk (pure, unit-tested): queue age and decision rate.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace medpics::desk {

struct QueueAge {
  int count = 0;             // items with a readable time
  double oldestMinutes = 0;  // age of the oldest item
  double medianMinutes = 0;
};
// Ages of queue items from their RFC 3339 creation times (unreadable times are skipped).
QueueAge queueAge(const std::vector<std::string>& createdAt, std::int64_t now);

// Decisions per hour over the working part of the day: from the first hour with a decision to the current hour
// (inclusive); 0 when there is none. perHour: counts per local hour, currentHour: 0–23.
double decisionsPerHour(const std::array<float, 24>& perHour, int currentHour);

}  // namespace medpics::desk
