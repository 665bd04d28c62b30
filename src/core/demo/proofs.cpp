// Registration proofs: RPPS-card-like, Ordre-certificate-like and student-card-like images of an applicant.
#include "generators.hpp"

#include <opencv2/imgproc.hpp>

namespace medpics::synth::detail {

namespace {
const char* title(const std::string& profession) { return profession == "Médecin" ? "Dr " : ""; }

const char* ordreOf(const std::string& code) {
  if (code == "40") return "Conseil national de l'Ordre des chirurgiens-dentistes";
  if (code == "50") return "Conseil national de l'Ordre des sages-femmes";
  if (code == "21") return "Conseil national de l'Ordre des pharmaciens";
  if (code == "60") return "Conseil national de l'Ordre des infirmiers";
  if (code == "70") return "Conseil national de l'Ordre des masseurs-kinésithérapeutes";
  return "Conseil national de l'Ordre des médecins";
}

// A card background: rounded-looking coloured gradient with a photo placeholder.
void cardBase(Canvas& c, Rng& rng, cv::Size size, cv::Vec3b top, cv::Vec3b bottom) {
  c.img = cv::Mat(size, CV_8UC3);
  for (int y = 0; y < size.height; ++y) {
    const float t = float(y) / size.height;
    const cv::Vec3b col(uchar(top[0] * (1 - t) + bottom[0] * t), uchar(top[1] * (1 - t) + bottom[1] * t),
                        uchar(top[2] * (1 - t) + bottom[2] * t));
    c.img.row(y).setTo(cv::Scalar(col[0], col[1], col[2]));
  }
  // Photo placeholder: a grey silhouette.
  const cv::Rect photo(size.width * 72 / 100, size.height * 30 / 100, size.width * 22 / 100, size.height * 50 / 100);
  cv::rectangle(c.img, photo, cv::Scalar(215, 215, 215), cv::FILLED);
  cv::circle(c.img, {photo.x + photo.width / 2, photo.y + photo.height * 2 / 5}, photo.width / 4,
             cv::Scalar(150, 150, 150), cv::FILLED, cv::LINE_AA);
  cv::ellipse(c.img, {photo.x + photo.width / 2, photo.y + photo.height}, {photo.width * 2 / 5, photo.height * 2 / 5},
              0, 180, 360, cv::Scalar(150, 150, 150), cv::FILLED, cv::LINE_AA);
  addNoise(c.img, rng, 2.0);
}

void rppsCard(Canvas& c, Rng& rng, const DemoApplicant& a) {
  const cv::Size size(1280, 806);
  cardBase(c, rng, size, {200, 235, 210}, {120, 200, 150});
  const cv::Scalar ink(40, 40, 20);
  const int th = 34, m = 60;
  c.text("CARTE DE PROFESSIONNEL DE SANTÉ", {m, m + th}, th + 6, ink, "benign", false, Font::SansBold);
  c.text("République Française - Agence du Numérique en Santé", {m, m + 2 * th + 20}, th * 2 / 3, ink, "benign", false);
  // EMV-like chip.
  cv::rectangle(c.img, {m, 260, 130, 100}, cv::Scalar(80, 190, 220), cv::FILLED, cv::LINE_AA);
  cv::rectangle(c.img, {m, 260, 130, 100}, cv::Scalar(40, 120, 160), 2, cv::LINE_AA);
  int y = 430;
  c.text(title(a.profession) + a.documentFirstName + " " + a.documentLastName, {m, y}, th + 4, ink, "name", true,
         Font::SansBold);
  y += 62;
  c.text(a.profession, {m, y}, th, ink, "benign", false);
  y += 62;
  c.field("N° RPPS", a.documentIdentifier, {m, y}, th, ink, "id", Font::Mono);
  y += 62;
  if (!a.documentExpiry.empty()) c.field("Fin de validité", a.documentExpiry, {m, y}, th * 4 / 5, ink, "date");
}

void ordreCertificate(Canvas& c, Rng& rng, const DemoApplicant& a) {
  const cv::Size size(1240, 1754);
  c.img = cv::Mat(size, CV_8UC3, cv::Scalar(250, 250, 250));
  const cv::Scalar ink(25, 25, 25);
  const int th = 30, m = 120, line = 54;
  int y = 200;
  c.text(ordreOf(a.professionCode), {m, y}, th + 4, ink, "benign", false, Font::SerifBold);
  y += line * 3;
  c.text("ATTESTATION D'INSCRIPTION AU TABLEAU", {m, y}, th + 6, ink, "benign", false, Font::SerifBold);
  y += line * 2;
  c.text("Le Conseil départemental certifie que", {m, y}, th, ink, "benign", false, Font::Serif);
  y += line * 3 / 2;
  c.text((a.professionCode == "10" ? "Docteur " : std::string()) + a.documentFirstName + " " + a.documentLastName,
         {m + 60, y}, th + 4, ink, "name", true, Font::SerifBold);
  y += line * 3 / 2;
  c.field("né(e) le", a.birthDate, {m, y}, th, ink, "date", Font::Serif);
  y += line;
  c.text("est inscrit(e) au Tableau de l'Ordre en qualité de " + a.profession, {m, y}, th, ink, "benign", false,
         Font::Serif);
  y += line;
  c.field(a.rpps.empty() ? "sous le numéro ordinal" : "sous le numéro RPPS", a.documentIdentifier, {m, y}, th, ink,
          "id", Font::Serif);
  y += line;
  if (!a.specialty.empty()) {
    c.text("Qualification : " + a.specialty, {m, y}, th, ink, "benign", false, Font::Serif);
    y += line;
  }
  y += line * 2;
  c.field("Fait le", "0" + std::to_string(rng.uniform(1, 9)) + "/0" + std::to_string(rng.uniform(1, 9)) + "/2025",
          {m, y}, th, ink, "date", Font::Serif);
  y += line * 2;
  c.text("Le Président du Conseil départemental", {size.width / 2, y}, th, ink, "benign", false, Font::Serif);
  cv::ellipse(c.img, {size.width / 2 + 200, y + 140}, {130, 80}, 0, 0, 360, cv::Scalar(160, 60, 40), 4, cv::LINE_AA);
  // Scanned slightly askew.
  rotate(c, rng.real(-1.5, 1.5), cv::Scalar(235, 235, 235));
  addNoise(c.img, rng, 3.0);
}

void studentCard(Canvas& c, Rng& rng, const DemoApplicant& a) {
  const cv::Size size(1280, 806);
  cardBase(c, rng, size, {250, 240, 230}, {210, 170, 120});
  const cv::Scalar ink(30, 30, 30);
  const int th = 32, m = 60, line = 58;
  int y = m + th;
  c.text(a.university, {m, y}, th + 6, ink, "address", true, Font::SansBold);
  y += line;
  c.text("CARTE D'ÉTUDIANT - UFR des sciences de santé", {m, y}, th * 3 / 4, ink, "benign", false);
  y += line;
  c.field("Année universitaire", a.academicYear, {m, y}, th, ink, "date");
  y += line * 2;
  c.text(a.documentLastName, {m, y}, th + 6, ink, "name", true, Font::SansBold);
  y += line;
  c.text(a.documentFirstName, {m, y}, th + 2, ink, "name", true);
  y += line;
  c.field("N° étudiant", std::to_string(rng.uniform(21000000, 22999999)), {m, y}, th, ink, "id");
  y += line;
  c.field("INE", a.documentIdentifier, {m, y}, th, ink, "id", Font::Mono);
  y += line;
  c.field("Valable jusqu'au", a.documentExpiry, {m, y}, th, ink, "date");
}
}  // namespace

SynthImage proof(Rng& rng, const DemoApplicant& a) {
  Canvas c;
  ImageKind kind = ImageKind::RppsCard;
  if (a.documentKind == "ordre_certificate") {
    kind = ImageKind::OrdreCertificate;
    ordreCertificate(c, rng, a);
  } else if (a.documentKind == "student_card") {
    kind = ImageKind::StudentCard;
    studentCard(c, rng, a);
  } else {
    rppsCard(c, rng, a);
  }
  if (a.blurred) {
    cv::GaussianBlur(c.img, c.img, {0, 0}, 9.0);
    addNoise(c.img, rng, 6.0);
  }
  jpegRoundTrip(c.img, 88);
  return finish(kind, std::move(c));
}

}  // namespace medpics::synth::detail
