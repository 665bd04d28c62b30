// TaskManager: the task list, scope epochs (stale completions dropped here and only here) and cancellation.
#include "task_manager.hpp"

namespace medpics::desk {

std::shared_ptr<TaskManager::Entry> TaskManager::add(TaskSpec spec) {
  const int epoch = epochs_[static_cast<std::size_t>(spec.scope)];
  std::lock_guard lock(mutex_);
  auto entry = std::make_shared<Entry>(nextId_++, spec.scope, epoch, std::move(spec.name));
  entries_.push_back(entry);
  return entry;
}

bool TaskManager::finish(const Entry& entry) {
  {
    std::lock_guard lock(mutex_);
    entries_.remove_if([&](const auto& e) { return e.get() == &entry; });
  }
  return entry.epoch == epochs_[static_cast<std::size_t>(entry.scope)];
}

void TaskManager::invalidate(TaskScope scope) {
  ++epochs_[static_cast<std::size_t>(scope)];
  std::lock_guard lock(mutex_);
  for (const auto& e : entries_)
    if (e->scope == scope) e->task.cancelToken().cancel();
}

void TaskManager::cancel(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  for (const auto& e : entries_)
    if (e->id == id) e->task.cancelToken().cancel();
}

bool TaskManager::active(const std::string& name) const {
  std::lock_guard lock(mutex_);
  for (const auto& e : entries_)
    if (e->task.name() == name && e->epoch == epochs_[static_cast<std::size_t>(e->scope)]) return true;
  return false;
}

std::vector<TaskManager::Info> TaskManager::tasks() const {
  std::vector<Info> list;
  std::lock_guard lock(mutex_);
  for (const auto& e : entries_)
    list.push_back({e->id, e->task.name(), e->scope, e->task.progress(), e->running.load(), e->task.cancelled()});
  return list;
}

std::size_t TaskManager::busy() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace medpics::desk
