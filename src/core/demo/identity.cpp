// Fictitious patients and identifiers: name lists, dates, IPP, NIR (valid key), RPPS (Luhn), hospitals.
#include "medpics/demo/identity.hpp"

#include "medpics/util/check_digits.hpp"

#include <cctype>
#include <cstdio>
#include <vector>

namespace medpics::synth {
namespace {

const std::vector<std::string> kFemale{"Sophie",  "Camille",   "Léa",      "Chloé",  "Inès",
                                       "Manon",   "Hélène",    "Zoé",      "Élodie", "Anaïs",
                                       "Margaux", "Françoise", "Nathalie", "Céline", "Maëlle"};
const std::vector<std::string> kMale{"Jean", "Pierre", "Lucas", "Hugo",     "Mathéo", "Jérôme", "François", "Thomas",
                                     "Noël", "Gaël",   "Loïc",  "Stéphane", "André",  "Benoît", "Théo"};
const std::vector<std::string> kLast{"MARTIN",   "BERNARD", "DUBOIS",   "THOMAS",    "ROBERT",  "RICHARD",  "PETIT",
                                     "DURAND",   "LEROY",   "MOREAU",   "SIMON",     "LAURENT", "LEFÈVRE",  "MICHEL",
                                     "GARCIA",   "DAVID",   "BERTRAND", "ROUX",      "VINCENT", "FOURNIER", "MOREL",
                                     "GIRARD",   "ANDRÉ",   "MERCIER",  "DUPONT",    "LAMBERT", "BONNET",   "FRANÇOIS",
                                     "MARTINEZ", "LEGRAND", "GAUTHIER", "CHEVALIER", "BOYER",   "NGUYEN",   "BENOÎT"};
struct Place {
  const char* hospital;
  const char* city;
  const char* dept;
  const char* phone;
};
const std::vector<Place> kPlaces{{"CHU de Bordeaux", "33000 Bordeaux", "33", "05 56 79 56 79"},
                                 {"Hôpital Pitié-Salpêtrière", "75013 Paris", "75", "01 42 16 00 00"},
                                 {"CHU de Lyon Sud", "69495 Pierre-Bénite", "69", "04 78 86 41 00"},
                                 {"CHU de Nantes", "44093 Nantes", "44", "02 40 08 33 33"},
                                 {"CHRU de Strasbourg", "67091 Strasbourg", "67", "03 88 11 67 68"},
                                 {"CHU de Toulouse Purpan", "31059 Toulouse", "31", "05 61 77 22 33"},
                                 {"Hôpital Nord, Marseille", "13015 Marseille", "13", "04 91 96 80 00"},
                                 {"CHU de Lille", "59037 Lille", "59", "03 20 44 59 62"}};
const std::vector<std::string> kWards{"Service de radiologie", "Urgences adultes",       "Dermatologie",
                                      "Cardiologie, unité 3B", "Chirurgie orthopédique", "Médecine interne"};

std::string twoDigits(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

std::string date(Rng& rng, int yearLo, int yearHi) {
  return twoDigits(rng.uniform(1, 28)) + "/" + twoDigits(rng.uniform(1, 12)) + "/" +
         std::to_string(rng.uniform(yearLo, yearHi));
}

std::string digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + rng.uniform(0, 9)));
  return s;
}

}  // namespace

std::string randomFirstName(Rng& rng, char sex) { return rng.pick(sex == 'F' ? kFemale : kMale); }
std::string randomLastName(Rng& rng) { return rng.pick(kLast); }

std::string randomRpps(Rng& rng) {
  const std::string body = "10" + digits(rng, 8);
  return body + util::luhnKey(body);
}

PatientIdentity randomPatient(Rng& rng) {
  PatientIdentity p;
  p.sex = rng.chance(0.5) ? 'F' : 'M';
  p.firstName = randomFirstName(rng, p.sex);
  p.lastName = randomLastName(rng);
  const int year = rng.uniform(1935, 2015);
  const int month = rng.uniform(1, 12);
  p.birthDate = twoDigits(rng.uniform(1, 28)) + "/" + twoDigits(month) + "/" + std::to_string(year);
  p.examDate = date(rng, 2023, 2026);
  p.ipp = std::to_string(rng.uniform(1, 9)) + digits(rng, 9);
  const Place& place = rng.pick(kPlaces);
  p.hospital = place.hospital;
  p.city = place.city;
  p.phone = place.phone;
  p.ward = rng.pick(kWards);
  std::string first13 = std::string(1, p.sex == 'M' ? '1' : '2') + twoDigits(year % 100) + twoDigits(month) +
                        place.dept + digits(rng, 3) + digits(rng, 3);
  p.nir = first13 + twoDigits(util::nirKey(first13));
  return p;
}

namespace {
const std::vector<std::string> kHardLast{
    "SAINT-MARTIN", "LE GALL",          "BEN AHMED", "DE LA FONTAINE", "N'DIAYE",    "LEFÈVRE-DUPRÉ", "DA SILVA",
    "VAN DER BERG", "EL KHOURY",        "PRÉVOST",   "MARTIN-LÉVÊQUE", "D'ALMEIDA",  "GUÉRIN",        "LE BRIS",
    "DUMONT-ROCHÉ", "DE SAINT-EXUPÉRY", "BÉNARD",    "ÉTIENNE",        "LOUIS-JEAN", "NGUYEN VAN"};
const std::vector<std::string> kHardFirst{"Laëtitia",      "Cédric",   "Jean-Baptiste", "Marie-Hélène", "Anne-Sophie",
                                          "Brigitte",      "Zoë",      "Émilie",        "Maëlys",       "Loïc",
                                          "Jean-François", "Aurélien", "Inès",          "Noémie",       "Hervé",
                                          "Yann",          "Gaëlle",   "Béatrice",      "Pierre-Yves",  "Aïcha"};

// Maps one UTF-8 letter of the Latin-1 range between cases (0xC3 0x80-0x9E <-> 0xC3 0xA0-0xBE), ASCII too.
std::string mapCase(const std::string& s, bool upper, bool title) {
  std::string out;
  bool wordStart = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool up = title ? wordStart : upper;
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (up && d >= 0xA0 && d <= 0xBE && d != 0xB7) d = static_cast<unsigned char>(d - 0x20);
      if (!up && d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(d));
      ++i;
      wordStart = false;
      continue;
    }
    if (std::isalpha(c)) {
      out.push_back(static_cast<char>(up ? std::toupper(c) : std::tolower(c)));
      wordStart = false;
    } else {
      out.push_back(static_cast<char>(c));
      wordStart = c == ' ' || c == '-' || c == '\'' || c == '^';
    }
  }
  return out;
}
}  // namespace

std::string upperName(const std::string& s) { return mapCase(s, true, false); }
std::string titleName(const std::string& s) { return mapCase(s, false, true); }

PatientIdentity randomHardPatient(Rng& rng) {
  PatientIdentity p = randomPatient(rng);
  if (rng.chance(0.5)) p.lastName = rng.pick(kHardLast);
  if (rng.chance(0.5)) p.firstName = rng.pick(kHardFirst);
  const double form = rng.real();
  if (form < 0.3)
    p.display = p.lastName + " " + p.firstName;
  else if (form < 0.55)
    p.display = upperName(p.lastName) + "^" + upperName(p.firstName);  // DICOM patient name
  else if (form < 0.8)
    p.display = titleName(p.lastName) + ", " + p.firstName;
  else
    p.display = p.firstName + " " + p.lastName;
  return p;
}

Rng::Rng(uint64_t seed) : state_(seed ^ 0x9E3779B97F4A7C15ull) {}

uint64_t Rng::next() {  // splitmix64
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

int Rng::uniform(int lo, int hi) {
  if (hi <= lo) return lo;
  return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
}

double Rng::real(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53; }

}  // namespace medpics::synth
