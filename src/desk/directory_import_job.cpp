// RPPS directory import from the desk: importExtract as a named task (progress, cancel), rows read by the UI.
#include "desk.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "window_data.hpp"

#include "medpics/creds/directory.hpp"
#include "medpics/util/file.hpp"

#include <optional>

namespace medpics::desk {

void startDirectoryImport(Desk& desk) {
  DirectoryImportState& job = desk.directoryImport;
  if (job.running || job.extractPath.empty()) return;
  job.running = true;
  job.failed = false;
  job.result.clear();
  job.progress = std::make_shared<DirectoryImportState::Progress>();
  struct Outcome {
    creds::ImportReport report;
    std::optional<util::FileProblem> fileProblem;  // translated on the UI thread
  };
  const std::filesystem::path extract = job.extractPath, index = creds::defaultDirectoryPath();
  const std::string extractText = job.extractPath;
  auto progress = job.progress;
  job.task = desk.backend().compute<Outcome>(
      {"directory import"},
      [extract, index, progress](Task& task) {  // an exception here reaches the completion as its error
        Outcome out;
        try {
          std::filesystem::create_directories(index.parent_path());
          out.report = creds::importExtract(
              extract, index, [progress, &task](std::uint64_t done, std::uint64_t total, std::uint64_t rows) {
                progress->bytesDone = done;
                progress->bytesTotal = total;
                progress->rows = rows;
                if (total > 0) task.setProgress(static_cast<double>(done) / static_cast<double>(total));
                return !task.cancelled();
              });
        } catch (const util::FileError& e) {
          out.fileProblem = e.problem;  // a special or oversized file: a clear, translated message
        }
        return out;
      },
      [&desk, extractText](api::Result<Outcome>& result) {
        DirectoryImportState& state = desk.directoryImport;
        state.running = false;
        state.task = 0;
        state.failed = !result || result->report.cancelled || result->fileProblem;
        if (!result || result->fileProblem) {
          state.result = result ? fileProblemText(extractText, *result->fileProblem) : result.error().message;
          return desk.notify(true, tr("import.failed"), state.result);
        }
        const Outcome& out = result.value();
        if (out.report.cancelled) {
          state.result = tr("import.cancelled");
          return;
        }
        state.result = formatNumber(static_cast<double>(out.report.persons), 0, language()) + " " +
                       tr("import.persons") + " · " +
                       formatNumber(static_cast<double>(out.report.rows), 0, language()) + " " + tr("import.rows");
        desk.notify(false, tr("import.done"), state.result);
      });
}

void cancelDirectoryImport(Desk& desk) {
  if (desk.directoryImport.task) desk.backend().tasks().cancel(desk.directoryImport.task);
}

}  // namespace medpics::desk
