// RPPS directory import from the desk: importExtract on a backend worker, progress read by the UI every frame.
#include "desk.hpp"
#include "format.hpp"
#include "i18n.hpp"
#include "panels.hpp"

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
    std::string error;
    std::optional<util::FileProblem> fileProblem;  // translated on the UI thread
  };
  const std::filesystem::path extract = job.extractPath, index = creds::defaultDirectoryPath();
  const std::string extractText = job.extractPath;
  auto progress = job.progress;
  desk.backend().compute<Outcome>(
      [extract, index, progress] {
        Outcome out;
        try {
          std::filesystem::create_directories(index.parent_path());
          out.report = creds::importExtract(extract, index, [progress](std::uint64_t done, std::uint64_t total, std::uint64_t rows) {
            progress->bytesDone = done;
            progress->bytesTotal = total;
            progress->rows = rows;
            return !progress->cancel.load();
          });
        } catch (const util::FileError& e) {
          out.error = e.what();
          out.fileProblem = e.problem;
        } catch (const std::exception& e) {
          out.error = e.what();
        }
        return out;
      },
      [&desk, extractText](Outcome& out) {
        DirectoryImportState& state = desk.directoryImport;
        if (out.fileProblem) out.error = fileProblemText(extractText, *out.fileProblem);
        state.running = false;
        state.failed = !out.error.empty() || out.report.cancelled;
        if (!out.error.empty()) {
          state.result = out.error;
          return desk.notify(true, tr("import.failed"), out.error);
        }
        if (out.report.cancelled) {
          state.result = tr("import.cancelled");
          return;
        }
        state.result = formatNumber(static_cast<double>(out.report.persons), 0, language()) + " " + tr("import.persons") +
                       " · " + formatNumber(static_cast<double>(out.report.rows), 0, language()) + " " + tr("import.rows");
        desk.notify(false, tr("import.done"), state.result);
      });
}

}  // namespace medpics::desk
