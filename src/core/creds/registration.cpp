// Registration checklist: identifiers, directory, names, profession, proof documents, card validity, duplicates.
#include "medpics/creds/registration.hpp"

#include "medpics/creds/name_match.hpp"
#include "medpics/creds/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace medpics::creds {
namespace {

using namespace std::chrono;

std::string percent(double v) { return std::to_string(static_cast<int>(std::lround(v * 100))); }
Fact fact(std::string code) { return Fact{std::move(code), {}}; }

std::string isoDate(year_month_day d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return text;
}

CheckStatus byScore(double score) {
  return score >= kNameMatchPass    ? CheckStatus::Pass
         : score >= kNameMatchDoubt ? CheckStatus::Unknown
                                    : CheckStatus::Fail;
}

// The register an identifier belongs to and its bare value: idNat_PS 8+RPPS counts as RPPS, 0+ADELI as ADELI.
struct Canonical {
  std::string family;  // "RPPS", "ADELI", "INE", "Ordre"
  std::string value;
  bool operator==(const Canonical&) const = default;
};

std::optional<Canonical> canonical(const IdCheck& c) {
  if (c.normalized.empty()) return std::nullopt;
  switch (c.type) {
    case IdType::Rpps: return Canonical{"RPPS", c.normalized};
    case IdType::Adeli: return Canonical{"ADELI", c.normalized};
    case IdType::IdNatPs:
      if (c.normalized[0] == '8') return Canonical{"RPPS", c.normalized.substr(1)};
      if (c.normalized[0] == '0') return Canonical{"ADELI", c.normalized.substr(1)};
      return std::nullopt;
    case IdType::Ordre: return Canonical{"Ordre", c.normalized};
    default: return isIneType(c.type) ? std::optional<Canonical>(Canonical{"INE", c.normalized}) : std::nullopt;
  }
}

std::string describe(const Canonical& c) { return c.family + " " + c.value; }
// "RPPS 10001045367"-style lists: the register names are public, the numbers personal (one parameter).
std::string describeAll(const std::vector<Canonical>& list) {
  std::string out;
  for (const auto& c : list) out += (out.empty() ? "" : ", ") + describe(c);
  return out;
}

// Checks of the identifiers the applicant typed, in the order RPPS, ADELI, Ordre, INE.
std::vector<IdCheck> claimedIdentifiers(const RegistrationClaim& claim) {
  std::vector<IdCheck> out;
  const auto numeric = [](const std::string& value, IdType plain, std::size_t natLength) {
    const std::string n = normalizeIdentifier(value);
    return n.size() == natLength ? checkIdNatPs(value) : checkIdentifier(value, plain);
  };
  if (!claim.rpps.empty()) out.push_back(numeric(claim.rpps, IdType::Rpps, 12));
  if (!claim.adeli.empty()) out.push_back(numeric(claim.adeli, IdType::Adeli, 10));
  if (!claim.ordreNumber.empty()) out.push_back(checkOrdre(claim.ordreNumber));
  if (!claim.ine.empty()) out.push_back(checkIne(claim.ine));
  return out;
}

class Builder {
 public:
  Builder(const RegistrationClaim& claim, year_month_day today) : claim_(claim), today_(today) {}

  void add(const char* id, CheckStatus status, Facts facts, std::optional<double> score = std::nullopt) {
    items.push_back({id, status, std::move(facts), score});
  }
  void add(const char* id, CheckStatus status, Fact f, std::optional<double> score = std::nullopt) {
    add(id, status, Facts{std::move(f)}, score);
  }

  void identifiers(const std::vector<IdCheck>& ids) {
    if (ids.empty()) {
      if (student())
        add(check_id::kIdentifierFormat, CheckStatus::Unknown, fact("reg.no_identifier_student"));
      else
        add(check_id::kIdentifierFormat, CheckStatus::Fail, fact("reg.no_identifier"));
      return;
    }
    Facts evidence;
    bool anyInvalid = false, anyVerified = false;
    for (const auto& c : ids) {
      evidence.push_back(fact("reg.identifier").personal("value", c.normalized));
      evidence.insert(evidence.end(), c.facts.begin(), c.facts.end());
      anyInvalid |= !c.valid;
      anyVerified |= c.valid && (!c.manualCheck || isIneType(c.type));
    }
    add(check_id::kIdentifierFormat,
        anyInvalid    ? CheckStatus::Fail
        : anyVerified ? CheckStatus::Pass
                      : CheckStatus::Unknown,
        evidence);
    items.back().manualCheck = !anyInvalid && !anyVerified;
  }

  void profession(const std::string& code) {
    if (claim_.profession.empty() && claim_.professionCode.empty()) {
      add(check_id::kHealthProfession, CheckStatus::Unknown, fact("reg.no_profession"));
    } else if (code.empty()) {
      add(check_id::kHealthProfession, CheckStatus::Fail,
          fact("reg.not_health_profession")
              .personal("claimed",
                        claim_.profession + (claim_.professionCode.empty() ? "" : " (" + claim_.professionCode + ")")));
    } else {
      add(check_id::kHealthProfession, CheckStatus::Pass,
          fact("reg.profession").with("label", std::string(healthProfessionLabel(code))).with("code", code));
    }
  }

  void directory(const Directory* dir, const std::vector<IdCheck>& ids, const std::string& code) {
    std::optional<Canonical> key;
    for (const auto& c : ids) {
      const auto k = canonical(c);
      if (c.valid && k && (k->family == "RPPS" || k->family == "ADELI")) {
        key = k;
        break;
      }
    }
    if (!key) {
      if (student()) return;
      const auto ordre =
          std::find_if(ids.begin(), ids.end(), [](const IdCheck& c) { return c.type == IdType::Ordre && c.valid; });
      if (ordre == ids.end()) {
        add(check_id::kDirectoryPresence, CheckStatus::Unknown, fact("reg.no_number_to_look_up"));
      } else {
        add(check_id::kDirectoryPresence, CheckStatus::Unknown,
            fact("reg.verify_ordre_by_hand").personal("value", ordre->normalized));
        items.back().manualCheck = true;
      }
      return;
    }
    if (!dir) {
      add(check_id::kDirectoryPresence, CheckStatus::Unknown, fact("reg.directory_not_imported"));
      return;
    }
    const auto person = dir->findByIdentifier(key->value);
    if (!person) {
      const auto info = dir->info();
      add(check_id::kDirectoryPresence, CheckStatus::Fail,
          fact("reg.not_in_directory")
              .with("register", key->family)
              .personal("value", key->value)
              .with("source", info.source)
              .with("imported", info.importedAt));
      return;
    }
    const DirectoryActivity& first = person->activities.front();
    Facts found{fact("reg.in_directory")
                    .with("register", key->family)
                    .personal("value", key->value)
                    .personal("name", (person->civilityExLabel.empty() ? "" : person->civilityExLabel + " ") +
                                          person->displayName())
                    .with("profession", first.professionLabel)
                    .with("code", first.professionCode)
                    .with("category", first.categoryCode)};
    if (!first.skillLabel.empty()) found.push_back(fact("reg.directory_skill").with("skill", first.skillLabel));
    if (!first.city.empty()) found.push_back(fact("reg.directory_city").personal("city", first.city));
    add(check_id::kDirectoryPresence, CheckStatus::Pass, std::move(found));

    const NameMatch names =
        matchNames(claim_.firstName, claim_.lastName, claim_.birthName, person->firstName, person->lastName);
    Facts compared{
        fact("reg.names_compared").personal("claimed", claimedName()).personal("reference", person->displayName())};
    compared.insert(compared.end(), names.facts.begin(), names.facts.end());
    add(check_id::kNameMatch, byScore(names.score), std::move(compared), names.score);

    std::string listed;
    bool professionFound = false, categoryStudent = false;
    for (const auto& a : person->activities) {
      if (listed.find("(" + a.professionCode + ")") == std::string::npos) {
        listed += (listed.empty() ? "" : ", ") + a.professionLabel + " (" + a.professionCode + ")";
      }
      professionFound |= a.professionCode == code;
      categoryStudent |= a.categoryCode == "E";
    }
    if (code.empty()) {
      add(check_id::kProfessionMatch, CheckStatus::Unknown, fact("reg.profession_not_claimed").with("listed", listed));
    } else {
      add(check_id::kProfessionMatch, professionFound ? CheckStatus::Pass : CheckStatus::Fail,
          fact("reg.profession_compared")
              .with("label", std::string(healthProfessionLabel(code)))
              .with("code", code)
              .with("listed", listed));
    }
    add(check_id::kCategoryMatch, categoryStudent == student() ? CheckStatus::Pass : CheckStatus::Fail,
        fact("reg.category_compared")
            .with("claimed", student() ? "student" : "professional")
            .with("category", categoryStudent ? "E" : first.categoryCode)
            .with("label", categoryStudent ? "Étudiant" : first.categoryLabel));
  }

  // Returns false when no document is readable (the document checks then stop).
  bool readable(const std::vector<ProofDocument>& documents, const std::vector<bool>& usable) {
    const auto count = std::count(usable.begin(), usable.end(), true);
    double lowest = 101;
    for (const auto& d : documents) {
      if (d.ocrConfidence >= 0) lowest = std::min(lowest, d.ocrConfidence);
    }
    Facts evidence;
    if (documents.empty()) {
      evidence.push_back(fact("reg.no_document"));
    } else if (count == 0) {
      evidence.push_back(fact("reg.nothing_readable").with("total", std::to_string(documents.size())));
    } else {
      evidence.push_back(
          fact("reg.readable").with("count", std::to_string(count)).with("total", std::to_string(documents.size())));
    }
    if (!documents.empty() && lowest <= 100)
      evidence.push_back(
          fact("reg.lowest_ocr_confidence").with("confidence", std::to_string(static_cast<int>(lowest))));
    add(check_id::kDocumentReadable, count == 0 ? CheckStatus::Fail : CheckStatus::Pass, std::move(evidence));
    return count > 0;
  }

  void documentIdentifiers(const std::vector<IdCheck>& ids, const std::vector<ProofFacts>& facts) {
    std::vector<Canonical> claimed, read;
    for (const auto& c : ids) {
      if (auto k = canonical(c)) claimed.push_back(*k);
    }
    for (const auto& f : facts) {
      for (const auto& found : f.identifiers) {
        if (auto k = canonical(found.check)) read.push_back(*k);
      }
    }
    const std::string readText = describeAll(read);
    if (claimed.empty()) {
      if (!read.empty())
        add(check_id::kDocumentIdentifier, CheckStatus::Unknown,
            fact("reg.document_shows_unclaimed").personal("read", readText));
      return;
    }
    for (const auto& c : claimed) {
      if (std::find(read.begin(), read.end(), c) != read.end()) {
        add(check_id::kDocumentIdentifier, CheckStatus::Pass,
            fact("reg.document_shows_claimed").with("register", c.family).personal("value", c.value));
        return;
      }
    }
    const Fact differs =
        fact("reg.document_shows_other").personal("read", readText).personal("claimed", describe(claimed.front()));
    const bool sameRegister = std::any_of(read.begin(), read.end(), [&](const Canonical& r) {
      return std::any_of(claimed.begin(), claimed.end(), [&](const Canonical& c) { return c.family == r.family; });
    });
    if (sameRegister) {
      add(check_id::kDocumentIdentifier, CheckStatus::Fail, differs);
    } else {
      add(check_id::kDocumentIdentifier, CheckStatus::Unknown,
          read.empty() ? fact("reg.document_no_identifier") : differs);
    }
  }

  void documentName(const std::string& text, const std::vector<ProofFacts>& facts) {
    const double last =
        std::max(nameInText(claim_.lastName, text), claim_.birthName.empty() ? 0 : nameInText(claim_.birthName, text));
    const double first = nameInText(claim_.firstName, text);
    double score = combineNameScores(last, first);
    Facts evidence{fact("reg.names_in_text").with("last", percent(last)).with("first", percent(first))};
    for (const auto& f : facts) {
      if (f.lastName.empty() || f.firstName.empty()) continue;
      const NameMatch labelled =
          matchNames(claim_.firstName, claim_.lastName, claim_.birthName, f.firstName, f.lastName);
      if (labelled.score > score) {
        score = labelled.score;
        evidence = {fact("reg.document_reads_name").personal("read", f.firstName + " " + f.lastName)};
        evidence.insert(evidence.end(), labelled.facts.begin(), labelled.facts.end());
      }
    }
    evidence.insert(evidence.begin(), fact("reg.claimed_name").personal("claimed", claimedName()));
    add(check_id::kDocumentName, byScore(score), std::move(evidence), score);
  }

  void studentCard(const std::vector<ProofDocument>& documents, const std::vector<ProofFacts>& facts,
                   const std::vector<bool>& usable) {
    const ProofFacts* card = nullptr;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      if (usable[i] && (documents[i].kind == DocumentKind::StudentCard || !card)) card = &facts[i];
    }
    if (!card) return;
    if (!claim_.university.empty()) {
      if (card->university.empty()) {
        add(check_id::kDocumentUniversity, CheckStatus::Unknown,
            fact("reg.card_no_university").with("claimed", claim_.university));
      } else {
        const double score = universityScore(claim_.university, card->university);
        add(check_id::kDocumentUniversity, score >= kNameMatchPass ? CheckStatus::Pass : CheckStatus::Fail,
            fact("reg.card_university").personal("read", card->university).with("claimed", claim_.university));
      }
    }
    const std::string claimedYear = academicYearOf(claim_.academicYear);
    if (!claim_.academicYear.empty()) {
      if (card->academicYear.empty()) {
        add(check_id::kDocumentAcademicYear, CheckStatus::Unknown, fact("reg.card_no_academic_year"));
      } else {
        add(check_id::kDocumentAcademicYear, card->academicYear == claimedYear ? CheckStatus::Pass : CheckStatus::Fail,
            fact("reg.card_academic_year").with("read", card->academicYear).with("claimed", claim_.academicYear));
      }
    }
    if (card->expiry) {
      const bool valid = today_ <= card->expiry->date;
      add(check_id::kCardNotExpired, valid ? CheckStatus::Pass : CheckStatus::Fail,
          fact(valid ? "reg.card_valid_until" : "reg.card_expired_on")
              .with("date", isoDate(card->expiry->date))
              .personal("read", card->expiry->text)
              .with("today", isoDate(today_)));
      return;
    }
    const std::string year = card->academicYear.empty() ? claimedYear : card->academicYear;
    if (year.empty()) {
      add(check_id::kCardNotExpired, CheckStatus::Unknown, fact("reg.card_no_validity"));
      return;
    }
    const year_month_day end{std::chrono::year{std::stoi(year.substr(5))}, August, 31d};
    add(check_id::kCardNotExpired, today_ <= end ? CheckStatus::Pass : CheckStatus::Fail,
        fact("reg.card_year_ends").with("year", year).with("date", isoDate(end)).with("today", isoDate(today_)));
  }

  void unique(const std::vector<IdCheck>& ids, const std::vector<AccountIdentifier>& others) {
    std::vector<Canonical> claimed;
    for (const auto& c : ids) {
      if (auto k = canonical(c)) claimed.push_back(*k);
    }
    if (claimed.empty()) return;
    Facts conflicts;
    for (const auto& other : others) {
      const auto k = canonical(checkIdentifier(other.identifier));
      const std::string bare = normalizeIdentifier(other.identifier);
      for (const auto& c : claimed) {
        if ((k && *k == c) || bare == c.value)
          conflicts.push_back(fact("reg.identifier_used_by")
                                  .with("register", c.family)
                                  .personal("value", c.value)
                                  .with("account", other.accountId));
      }
    }
    if (conflicts.empty())
      add(check_id::kUniqueIdentifier, CheckStatus::Pass,
          fact("reg.no_other_account").personal("list", describeAll(claimed)));
    else
      add(check_id::kUniqueIdentifier, CheckStatus::Fail, std::move(conflicts));
  }

  bool student() const { return claim_.category == ApplicantCategory::Student; }

  std::vector<CheckItem> items;
  static constexpr std::size_t kMinLetters = 15;

 private:
  std::string claimedName() const {
    return claim_.firstName + " " + claim_.lastName + (claim_.birthName.empty() ? "" : " (" + claim_.birthName + ")");
  }

  static std::string academicYearOf(const std::string& text) {
    return text.empty() ? "" : extractProofFacts(text).academicYear;
  }

  // Words of the claimed university (without "université", "de", ...) found on the card's line.
  static double universityScore(const std::string& claimed, const std::string& read) {
    static const std::vector<std::string> generic = {"universite", "university", "de", "d",       "du", "des",
                                                     "la",         "le",         "l",  "faculte", "ufr"};
    std::string a, b;
    for (const auto& w : nameTokens(claimed)) {
      if (std::find(generic.begin(), generic.end(), w) == generic.end()) a += (a.empty() ? "" : " ") + w;
    }
    for (const auto& w : nameTokens(read)) {
      if (std::find(generic.begin(), generic.end(), w) == generic.end()) b += (b.empty() ? "" : " ") + w;
    }
    return namePartScore(a, b);
  }

  const RegistrationClaim& claim_;
  year_month_day today_;
};

}  // namespace

std::string_view checkStatusName(CheckStatus status) {
  switch (status) {
    case CheckStatus::Pass: return "pass";
    case CheckStatus::Fail: return "fail";
    case CheckStatus::Unknown: break;
  }
  return "unknown";
}

std::string_view suggestedActionName(SuggestedAction action) {
  switch (action) {
    case SuggestedAction::Approve: return "approve";
    case SuggestedAction::Reject: return "reject";
    case SuggestedAction::RequestInfo: break;
  }
  return "request_info";
}

const CheckItem* Checklist::find(std::string_view id) const {
  for (const auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

Checklist checkRegistration(const RegistrationClaim& claim, const std::vector<ProofDocument>& documents,
                            const Directory* directory, const std::vector<AccountIdentifier>& otherAccounts,
                            std::chrono::year_month_day today) {
  Builder b(claim, today);
  const auto ids = claimedIdentifiers(claim);
  const std::string code = healthProfessionCode(claim.professionCode, claim.profession);
  b.identifiers(ids);
  b.profession(code);
  b.directory(directory, ids, code);
  // Only documents with enough text read with enough confidence are used.
  std::vector<ProofFacts> facts;
  std::vector<bool> usable;
  std::string allText;
  for (const auto& d : documents) {
    facts.push_back(extractProofFacts(d.ocrText));
    usable.push_back(facts.back().letters >= Builder::kMinLetters &&
                     (d.ocrConfidence < 0 || d.ocrConfidence >= kMinOcrConfidence));
    if (!usable.back())
      facts.back() = ProofFacts{};
    else
      allText += d.ocrText + "\n";
  }
  if (b.readable(documents, usable)) {
    b.documentIdentifiers(ids, facts);
    b.documentName(allText, facts);
    const bool hasCard = std::any_of(documents.begin(), documents.end(),
                                     [](const ProofDocument& d) { return d.kind == DocumentKind::StudentCard; });
    if (b.student() || hasCard) b.studentCard(documents, facts, usable);
  }
  b.unique(ids, otherAccounts);
  Checklist list{std::move(b.items), {}};
  list.suggestion = suggestDecision(list.items);
  return list;
}

Suggestion suggestDecision(const std::vector<CheckItem>& items) {
  struct Rule {
    const char* check;
    SuggestedAction action;
    const char* reason;
  };
  // In order of precedence: a failed check of the list leads to its action and reason code.
  constexpr Rule rules[] = {
      {check_id::kIdentifierFormat, SuggestedAction::Reject, "invalid_identifier"},
      {check_id::kHealthProfession, SuggestedAction::Reject, "not_health_professional"},
      {check_id::kDirectoryPresence, SuggestedAction::Reject, "not_in_directory"},
      {check_id::kNameMatch, SuggestedAction::Reject, "name_mismatch"},
      {check_id::kDocumentName, SuggestedAction::Reject, "name_mismatch"},
      {check_id::kDocumentReadable, SuggestedAction::RequestInfo, "unreadable_document"},
      {check_id::kCardNotExpired, SuggestedAction::RequestInfo, "expired_card"},
  };
  for (const auto& rule : rules) {
    for (const auto& item : items) {
      if (item.id == rule.check && item.status == CheckStatus::Fail) return {rule.action, rule.reason, {item.id}};
    }
  }
  std::vector<std::string> doubts, manual;
  for (const auto& item : items) {
    if (item.status != CheckStatus::Pass) (item.manualCheck ? manual : doubts).push_back(item.id);
  }
  if (!doubts.empty()) return {SuggestedAction::RequestInfo, "", doubts};
  if (!manual.empty()) return {SuggestedAction::Approve, "", manual, true};
  return {SuggestedAction::Approve, "", {}};
}

nlohmann::json publicFactsJson(const Facts& facts) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : facts) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& p : f.params)
      if (!p.personal) params[p.name] = p.value;
    out.push_back({{"code", f.code}, {"params", std::move(params)}});
  }
  return out;
}

nlohmann::json checklistToJson(const Checklist& checklist) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : checklist.items) {
    nlohmann::json j = {
        {"check", item.id}, {"status", checkStatusName(item.status)}, {"facts", publicFactsJson(item.facts)}};
    if (item.score) j["score"] = std::round(*item.score * 100) / 100;
    if (item.manualCheck) j["manual_check"] = true;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace medpics::creds
