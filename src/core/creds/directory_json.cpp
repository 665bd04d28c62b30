// JSON form of a directory entry (CLI output, decision evidence).
#include "medpics/creds/directory.hpp"

namespace medpics::creds {

nlohmann::json toJson(const DirectoryPerson& person) {
  nlohmann::json activities = nlohmann::json::array();
  for (const auto& a : person.activities) {
    activities.push_back({{"profession_code", a.professionCode},
                          {"profession", a.professionLabel},
                          {"category_code", a.categoryCode},
                          {"category", a.categoryLabel},
                          {"skill_code", a.skillCode},
                          {"skill", a.skillLabel},
                          {"mode_code", a.modeCode},
                          {"mode", a.modeLabel},
                          {"site", a.siteName},
                          {"postcode", a.postcode},
                          {"city", a.city},
                          {"authority", a.authority}});
  }
  return {{"identifier", person.identifier},       {"id_type", person.idType},           {"idnat", person.idNat},
          {"civility_ex", person.civilityExLabel}, {"civility", person.civilityLabel},   {"last_name", person.lastName},
          {"first_name", person.firstName},        {"activities", std::move(activities)}};
}

}  // namespace medpics::creds
