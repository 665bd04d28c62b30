// Conversion of the demo applicants (synth) into directory persons for the demo's RPPS extract.
#include "medpics/demo/demo_directory.hpp"

#include "medpics/demo/applicants.hpp"

#include <algorithm>
#include <cctype>

namespace medpics::creds {

std::vector<DirectoryPerson> demoDirectoryPersons() {
  std::vector<DirectoryPerson> persons;
  for (const auto& a : synth::demoApplicants()) {
    if (!a.inDirectory || a.rpps.empty()) continue;
    DirectoryPerson p;
    p.idType = "8";
    p.identifier = a.rpps;
    p.idNat = "8" + a.rpps;
    p.civilityExCode = a.category == "student" ? "" : "DR";
    p.civilityExLabel = a.category == "student" ? "" : "Docteur";
    p.lastName = a.documentLastName.empty() ? a.lastName : a.documentLastName;
    std::transform(p.lastName.begin(), p.lastName.end(), p.lastName.begin(), [](unsigned char c) {
      return c < 0x80 ? static_cast<char>(std::toupper(c)) : static_cast<char>(c);
    });
    p.firstName = a.documentFirstName.empty() ? a.firstName : a.documentFirstName;
    DirectoryActivity activity;
    activity.professionCode = a.professionCode;
    activity.professionLabel = a.profession;
    activity.categoryCode = a.directoryCategory.empty() ? "C" : a.directoryCategory;
    activity.categoryLabel = activity.categoryCode == "E" ? "Étudiant" : "Civil";
    if (!a.specialtyCode.empty()) {
      activity.skillTypeCode = "S";
      activity.skillCode = a.specialtyCode;
      activity.skillLabel = a.specialty;
    }
    activity.modeCode = "S";
    activity.modeLabel = "Salarié";
    activity.authority = "CNOM/CNOM/CNOM";
    p.activities.push_back(activity);
    persons.push_back(std::move(p));
  }
  return persons;
}

}  // namespace medpics::creds
