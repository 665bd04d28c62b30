// Demo seeding: deterministic posts (synthetic clinical images + French captions) and the 20 demo applicants.
#include "demo_seed.hpp"

#include "password.hpp"

#include "medpics/demo/applicants.hpp"
#include "medpics/demo/generator.hpp"
#include "medpics/util/log.hpp"
#include "medpics/util/task_pool.hpp"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <mutex>

namespace medpics::platform {
using nlohmann::json;
using synth::ImageKind;

const std::vector<DemoUser>& demoUsers() {
  static const std::vector<DemoUser> users{{"u1", "modo", "Camille Moderatrice", "moderator"},
                                           {"u2", "verif", "Hugo Verificateur", "verifier"},
                                           {"u3", "admin", "Alex Administrateur", "admin,moderator,verifier"}};
  return users;
}

namespace {

struct PostTemplate {
  std::vector<ImageKind> images;
  const char* caption;  // {civ} {First} {Last} {date} {age} are replaced with the post's patient
};

// clang-format off
const std::vector<PostTemplate> kTemplates{
  {{ImageKind::RadiographDark}, "Fracture du radius distal chez {civ} {Last}, vu le {date}. Avis sur la réduction ?"},
  {{ImageKind::RadiographLight}, "Radiographie thoracique de face : opacité basale droite. Pneumopathie ou épanchement ?"},
  {{ImageKind::LabReport}, "Bilan de {First} {Last} ({age} ans) : anémie microcytaire, ferritine basse. Quelle exploration proposeriez-vous ?"},
  {{ImageKind::Ecg}, "ECG réalisé le {date} aux urgences chez un homme de 58 ans, douleur thoracique depuis 2 h. STEMI ?"},
  {{ImageKind::SkinFace}, "Lésion pigmentée de la joue évoluant depuis 6 mois. Mélanome ? Photo prise avec l'accord du patient."},
  {{ImageKind::SkinTattoo, ImageKind::SkinFace}, "Plaie de l'avant-bras à J5 de la suture, écoulement séreux. Signes d'infection ?"},
  {{ImageKind::Wristband}, "Erreur d'identitovigilance évitée de justesse : bracelet mal positionné chez {civ} {Last}. Retour d'expérience."},
  {{ImageKind::RadiographDark, ImageKind::RadiographLight}, "Entorse de cheville, clichés de face et de profil. Fracture de la malléole externe ?"},
  {{ImageKind::LabReport}, "Hyperkaliémie à 6,1 mmol/L découverte le {date} chez un patient dialysé. Conduite à tenir ?"},
  {{ImageKind::SkinFace}, "Érythème facial en vespertilio chez une patiente de 34 ans. Lupus ?"},
  {{ImageKind::Ecg}, "Tracé de {First} {Last}, {age} ans, palpitations : flutter ou fibrillation atriale ?"},
};
const std::vector<std::pair<const char*, const char*>> kAuthors{
  {"m1", "Dr Léa Martin"}, {"m2", "Dr Karim Haddad"}, {"m3", "Pr Anne-Sophie Roux"}, {"m4", "Dr Thomas Nguyen"},
  {"m5", "Hélène Garcia, IDE"}, {"m6", "Dr Jérôme Lefèvre"}, {"m7", "Inès Benali, interne"}, {"m8", "Dr Paul Chevalier"}};
// clang-format on

std::string titleCase(const std::string& upper) {
  std::string s = upper;
  bool first = true;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z' && !first) s[i] = static_cast<char>(c - 'A' + 'a');
    if (c == 0xC3 && i + 1 < s.size() && !first) {
      const unsigned char n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0x80 && n < 0xA0 && n != 0x97) s[i + 1] = static_cast<char>(n + 0x20);
    }
    first = (c == ' ' || c == '-');
    if (c == 0xC3) ++i;
  }
  return s;
}

std::string fill(std::string text, const synth::PatientIdentity& p) {
  const int age = 2025 - std::stoi(p.birthDate.substr(6));
  const std::vector<std::pair<std::string, std::string>> vars{{"{civ}", p.sex == 'F' ? "Mme" : "M."},
                                                              {"{First}", p.firstName},
                                                              {"{Last}", titleCase(p.lastName)},
                                                              {"{date}", p.examDate},
                                                              {"{age}", std::to_string(std::max(age, 1))}};
  for (const auto& [k, v] : vars)
    for (size_t pos; (pos = text.find(k)) != std::string::npos;) text.replace(pos, k.size(), v);
  return text;
}

struct Encoded {
  std::string bytes, contentType;
  int width = 0, height = 0;
};

Encoded encode(const cv::Mat& pixels, bool png) {
  std::vector<uchar> buf;
  if (png)
    cv::imencode(".png", pixels, buf, {cv::IMWRITE_PNG_COMPRESSION, 6});
  else
    cv::imencode(".jpg", pixels, buf, {cv::IMWRITE_JPEG_QUALITY, 90});
  return {std::string(buf.begin(), buf.end()), png ? "image/png" : "image/jpeg", pixels.cols, pixels.rows};
}

cv::Size sizeFor(ImageKind kind, size_t postIndex, const ServerOptions& options) {
  if (options.demoSmall && options.demoWidth > 0 && options.demoHeight > 0)
    return {options.demoWidth, options.demoHeight};
  if (options.demoSmall) return {800, 600};
  if (kind == ImageKind::SkinFace && postIndex % 22 == 9) return {4000, 3000};    // 12 MP phone photos
  if (kind == ImageKind::SkinTattoo && postIndex % 22 == 5) return {3264, 2448};  // 8 MP
  return {0, 0};
}

json applicantJson(const synth::DemoApplicant& a) {
  auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"first_name", a.firstName},
          {"last_name", a.lastName},
          {"birth_name", opt(a.birthName)},
          {"email", a.email},
          {"profession", a.profession},
          {"profession_code", a.professionCode},
          {"category", a.category},
          {"rpps", opt(a.rpps)},
          {"adeli", opt(a.adeli)},
          {"ordre_number", opt(a.ordreNumber)},
          {"ine", opt(a.ine)},
          {"university", opt(a.university)},
          {"academic_year", opt(a.academicYear)}};
}

}  // namespace

void seedIfNew(Store& store, const ServerOptions& options) {
  Db& db = store.db();
  {
    Stmt q(db, "SELECT value FROM meta WHERE key = 'seeded'");
    if (q.step()) return;
  }
  const auto started = std::chrono::steady_clock::now();
  const int64_t now = nowSeconds();

  // Generate and encode every image first (two worker threads), then write everything in one transaction.
  const size_t postCount = options.demo ? (options.demoPosts > 0 ? size_t(options.demoPosts)
                                           : options.demoSmall   ? 8
                                                                 : 44)
                                        : 0;
  const auto applicants = synth::demoApplicants();
  const size_t registrationCount = options.demo ? (options.demoSmall ? 6 : applicants.size()) : 0;
  std::vector<synth::PatientIdentity> patients;
  std::vector<std::vector<Encoded>> postImages(postCount);
  std::vector<Encoded> proofs(registrationCount);
  for (size_t i = 0; i < postCount; ++i) {
    synth::Rng rng(7000 + i);
    patients.push_back(synth::randomPatient(rng));
    postImages[i].resize(kTemplates[i % kTemplates.size()].images.size());
  }
  {
    util::TaskPool pool(2);
    for (size_t i = 0; i < postCount; ++i) {
      const auto& t = kTemplates[i % kTemplates.size()];
      for (size_t k = 0; k < t.images.size(); ++k)
        pool.submit([&, i, k] {
          synth::GenerateOptions o;
          o.patient = patients[i];
          const cv::Size size = sizeFor(t.images[k], i, options);
          o.width = size.width;
          o.height = size.height;
          postImages[i][k] = encode(synth::generate(t.images[k], 100 * i + k + 1, o).pixels, false);
        });
    }
    for (size_t r = 0; r < registrationCount; ++r)
      pool.submit([&, r] {
        cv::Mat pixels = synth::proofDocument(applicants[r], 500 + r).pixels;
        proofs[r] = encode(pixels, applicants[r].documentKind == "rpps_card");
      });
  }

  Transaction tx(db);
  for (const auto& u : demoUsers()) {
    Stmt q(db, "INSERT OR IGNORE INTO users(id, username, display_name, roles, password_hash) VALUES(?,?,?,?,?)");
    q.bindAll(u.id, u.username, u.displayName, u.roles,
              hashPassword(std::string(u.username) + "-demo", options.kdfIterations))
        .run();
  }
  int imageNo = 0;
  for (size_t i = 0; i < postCount; ++i) {
    const auto& t = kTemplates[i % kTemplates.size()];
    const auto& author = kAuthors[i % kAuthors.size()];
    const std::string id = "p" + std::to_string(i + 1);
    Stmt q(db,
           "INSERT INTO posts(id, status, kind, created_at, author_id, author_name, caption) "
           "VALUES(?, 'pending', ?, ?, ?, ?, ?)");
    q.bindAll(id, synth::postKind(t.images[0]), now - int64_t(postCount - i) * 1020, author.first, author.second,
              fill(t.caption, patients[i]))
        .run();
    for (size_t k = 0; k < postImages[i].size(); ++k) {
      const Encoded& e = postImages[i][k];
      Stmt im(db,
              "INSERT INTO images(id, post_id, position, width, height, bytes, content_type, sha256) "
              "VALUES(?,?,?,?,?,?,?,?)");
      im.bindAll("i" + std::to_string(++imageNo), id, static_cast<int>(k), e.width, e.height,
                 static_cast<int64_t>(e.bytes.size()), e.contentType, store.putBlob(e.bytes))
          .run();
    }
  }
  for (size_t r = 0; r < registrationCount; ++r) {
    const auto& a = applicants[r];
    const std::string id = "r" + std::to_string(r + 1);
    Stmt q(db, "INSERT INTO registrations(id, status, submitted_at, applicant) VALUES(?, 'pending', ?, ?)");
    q.bindAll(id, now - int64_t(registrationCount - r) * 3300, applicantJson(a).dump()).run();
    const Encoded& e = proofs[r];
    Stmt doc(db,
             "INSERT INTO documents(id, registration_id, position, kind, width, height, bytes, content_type, sha256) "
             "VALUES(?,?,?,?,?,?,?,?,?)");
    doc.bindAll("doc" + std::to_string(r + 1), id, 0, a.documentKind, e.width, e.height,
                static_cast<int64_t>(e.bytes.size()), e.contentType, store.putBlob(e.bytes))
        .run();
  }
  Stmt mark(db, "INSERT INTO meta(key, value) VALUES('seeded', ?)");
  mark.bindAll(options.demo ? (options.demoSmall ? "demo-small" : "demo") : "users").run();
  tx.commit();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  log::info("platform: seeded " + std::to_string(postCount) + " posts, " + std::to_string(registrationCount) +
            " registrations in " + std::to_string(seconds) + " s");
}

}  // namespace medpics::platform
