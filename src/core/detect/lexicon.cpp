// Built-in word lists (project-made): about 200 common French first names, 150 common French surnames,
// name triggers and benign clinical vocabulary; all stored folded (lower case, no accents).
#include "medpics/detect/lexicon.hpp"

#include <string>
#include <unordered_set>

namespace medpics::detect {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& firstNames() {
  static const WordSet set = {
      "jean",       "marie",      "pierre",    "michel",   "andre",     "philippe",  "rene",       "louis",
      "alain",      "jacques",    "bernard",   "marcel",   "daniel",    "roger",     "robert",     "paul",
      "claude",     "christian",  "henri",     "georges",  "nicolas",   "francois",  "patrick",    "gerard",
      "christophe", "joseph",     "julien",    "david",    "frederic",  "laurent",   "stephane",   "eric",
      "pascal",     "sebastien",  "thierry",   "olivier",  "thomas",    "antoine",   "alexandre",  "vincent",
      "maxime",     "guillaume",  "hugo",      "lucas",    "leo",       "gabriel",   "raphael",    "arthur",
      "louis",      "jules",      "adam",      "nathan",   "ethan",     "theo",      "noah",       "tom",
      "enzo",       "mathis",     "clement",   "romain",   "kevin",     "anthony",   "quentin",    "benjamin",
      "florian",    "jeremy",     "mickael",   "yann",     "yves",      "didier",    "dominique",  "serge",
      "gilles",     "bruno",      "francis",   "fabrice",  "cedric",    "arnaud",    "mathieu",    "matthieu",
      "jerome",     "sylvain",    "emmanuel",  "damien",   "xavier",    "gaston",    "lucien",     "maurice",
      "raymond",    "fernand",    "albert",    "emile",    "victor",    "martin",    "simon",      "samuel",
      "paul",       "baptiste",   "mohamed",   "ahmed",    "ali",       "karim",     "youssef",    "mehdi",
      "rayan",      "ibrahim",    "omar",      "sofiane",  "jeanne",    "francoise", "monique",    "catherine",
      "nathalie",   "isabelle",   "sylvie",    "anne",     "martine",   "christine", "jacqueline", "nicole",
      "sophie",     "valerie",    "sandrine",  "celine",   "stephanie", "veronique", "chantal",    "brigitte",
      "sandra",     "aurelie",    "julie",     "camille",  "laura",     "sarah",     "emma",       "lea",
      "chloe",      "manon",      "ines",      "jade",     "louise",    "alice",     "lina",       "rose",
      "anna",       "mila",       "ambre",     "julia",    "juliette",  "lucie",     "zoe",        "clara",
      "charlotte",  "lola",       "eva",       "margaux",  "pauline",   "marine",    "audrey",     "emilie",
      "elodie",     "caroline",   "helene",    "agnes",    "claire",    "laurence",  "corinne",    "patricia",
      "florence",   "dominique",  "annie",     "denise",   "madeleine", "simone",    "yvonne",     "suzanne",
      "germaine",   "marguerite", "odette",    "paulette", "colette",   "genevieve", "therese",    "josette",
      "ginette",    "danielle",   "michele",   "josiane",  "evelyne",   "beatrice",  "virginie",   "melanie",
      "amandine",   "marion",     "morgane",   "oceane",   "mathilde",  "agathe",    "fatima",     "aicha",
      "yasmine",    "nadia",      "samira",    "leila",    "amina",     "elise",     "elisa",      "noemie",
      "justine",    "margot",     "victoire",  "adele",    "capucine",  "apolline",  "romane",     "anais",
      "lisa",       "john",       "james",     "william",  "richard",   "charles",   "mary",       "patricia",
      "jennifer",   "linda",      "elizabeth", "susan",    "margaret",  "sarah",     "emily",      "michael",
      "robert",     "george",     "edward"};
  return set;
}

const WordSet& surnames() {
  static const WordSet set = {
      "martin",     "bernard",     "thomas",     "petit",     "robert",   "richard",   "durand",     "dubois",
      "moreau",     "laurent",     "simon",      "michel",    "lefebvre", "leroy",     "roux",       "david",
      "bertrand",   "morel",       "fournier",   "girard",    "bonnet",   "dupont",    "lambert",    "fontaine",
      "rousseau",   "vincent",     "muller",     "lefevre",   "faure",    "andre",     "mercier",    "blanc",
      "guerin",     "boyer",       "garnier",    "chevalier", "francois", "legrand",   "gauthier",   "garcia",
      "perrin",     "robin",       "clement",    "morin",     "nicolas",  "henry",     "roussel",    "mathieu",
      "gautier",    "masson",      "marchand",   "duval",     "denis",    "dumont",    "marie",      "lemaire",
      "noel",       "meyer",       "dufour",     "meunier",   "brun",     "blanchard", "giraud",     "joly",
      "riviere",    "lucas",       "brunet",     "gaillard",  "barbier",  "arnaud",    "martinez",   "gerard",
      "roche",      "renard",      "schmitt",    "roy",       "leroux",   "colin",     "vidal",      "caron",
      "picard",     "roger",       "fabre",      "aubert",    "lemoine",  "renaud",    "dumas",      "lacroix",
      "olivier",    "philippe",    "bourgeois",  "pierre",    "benoit",   "rey",       "leclerc",    "payet",
      "rolland",    "leclercq",    "guillaume",  "lecomte",   "lopez",    "jean",      "dupuy",      "guillot",
      "hubert",     "berger",      "carpentier", "sanchez",   "dupuis",   "moulin",    "louis",      "deschamps",
      "huet",       "vasseur",     "perez",      "boucher",   "fleury",   "royer",     "klein",      "jacquet",
      "adam",       "paris",       "poirier",    "marty",     "aubry",    "guyot",     "carre",      "charles",
      "renault",    "charpentier", "menard",     "maillard",  "baron",    "bertin",    "bailly",     "herve",
      "schneider",  "fernandez",   "le gall",    "collet",    "leger",    "bouvier",   "julien",     "prevost",
      "millet",     "perrot",      "daniel",     "le roux",   "cousin",   "germain",   "breton",     "besson",
      "langlois",   "remy",        "le goff",    "pelletier", "leveque",  "perrier",   "leblanc",    "barre",
      "lebrun",     "marchal",     "weber",      "mallet",    "hamon",    "boulanger", "jacob",      "monnier",
      "michaud",    "rodriguez",   "guichard",   "gillet",    "etienne",  "grondin",   "poulain",    "tessier",
      "chevallier", "collin",      "chauvin",    "da silva",  "bouchet",  "gay",       "lemaitre",   "benard",
      "marechal",   "humbert",     "reynaud",    "antoine",   "hoarau",   "perret",    "barthelemy", "cordier",
      "pichon",     "lejeune",     "gilbert",    "lamy",      "delaunay", "pasquier",  "carlier",    "laporte",
      "smith",      "johnson",     "williams",   "brown",     "jones",    "miller",    "davis",      "wilson",
      "anderson",   "taylor",      "moore",      "jackson",   "white",    "harris",    "clark",      "lewis",
      "walker",     "hall",        "allen",      "young",     "king",     "wright",    "scott",      "green"};
  return set;
}

const WordSet& triggers() {
  static const WordSet set = {
      "patient",    "patiente",   "nom",          "prenom",       "prenoms",   "name",    "surname",   "firstname",
      "lastname",   "m",          "mr",           "mrs",          "ms",        "miss",    "mme",       "mlle",
      "monsieur",   "madame",     "mademoiselle", "dr",           "docteur",   "doctor",  "pr",        "professeur",
      "prof",       "enfant",     "demandeur",    "prescripteur", "prescrit",  "medecin", "referent",  "epouse",
      "biologiste", "radiologue", "operateur",    "physician",    "referring", "nurse",   "infirmier", "infirmiere"};
  return set;
}

const WordSet& benignWords() {
  static const WordSet set = {
      // laterality, projections, positions
      "l", "r", "g", "d", "pa", "ap", "lat", "lateral", "laterale", "face", "profil", "oblique", "droit", "droite",
      "gauche", "right", "left", "erect", "supine", "debout", "couche", "decubitus", "prone", "axial", "coronal",
      "sagittal", "ax", "cor", "sag", "inspiration", "expiration", "cliche", "incidence",
      // modalities, acquisition parameters
      "ct", "mr", "mri", "irm", "tdm", "scanner", "rx", "us", "echo", "echographie", "radiographie", "radio", "thorax",
      "thoracique", "abdomen", "bassin", "crane", "rachis", "genou", "cheville", "poignet", "main", "pied", "epaule",
      "hanche", "coude", "chest", "knee", "hand", "foot", "spine", "skull", "pelvis", "kv", "kvp", "mas", "ma", "ms",
      "mm", "cm", "m", "km", "wl", "ww", "w", "c", "profondeur", "slice", "coupe", "ep", "thk", "fov", "mat", "tr",
      "te", "ti", "t1", "t2", "flair", "dwi", "adc", "stir", "gado", "img", "im", "se", "series", "serie", "image",
      "zoom", "scale", "echelle", "x", "hz", "mhz", "khz", "db", "gain", "depth", "fps", "b", "mode", "doppler", "pw",
      "cw",
      // ECG
      "ecg", "ekg", "hr", "fc", "bpm", "pr", "qrs", "qt", "qtc", "qtcb", "p", "t", "axe", "axis", "rythme", "rhythm",
      "sinusal", "sinus", "normal", "normale", "mm/s", "mm/mv", "mv", "filtre", "filter", "i", "ii", "iii", "avr",
      "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6", "rv5", "sv1", "sec", "speed", "vitesse", "amplitude", "limb",
      "chest", "leads", "derivations", "standard",
      // lab report
      "resultat", "resultats", "result", "results", "valeur", "valeurs", "reference", "references", "normales",
      "usuelles", "unite", "unites", "units", "unit", "anteriorite", "anteriorites", "bilan", "biochimie",
      "hematologie", "numeration", "formule", "sanguine", "sanguin", "plasma", "serum", "sang", "urine", "urines",
      "hemoglobine", "hematies", "erythrocytes", "leucocytes", "plaquettes", "hematocrite", "vgm", "tcmh", "ccmh",
      "neutrophiles", "lymphocytes", "monocytes", "eosinophiles", "basophiles", "polynucleaires", "glycemie", "glucose",
      "creatinine", "uree", "sodium", "potassium", "chlore", "chlorure", "chlorures", "bicarbonates", "calcium",
      "magnesium", "phosphore", "crp", "tsh", "t3", "t4", "alat", "asat", "gamma", "ggt", "pal", "ldh", "ck", "cpk",
      "troponine", "cholesterol", "triglycerides", "hdl", "ldl", "ferritine", "fer", "transferrine", "albumine",
      "proteines", "bilirubine", "totale", "conjuguee", "libre", "inr", "tp", "tca", "fibrinogene", "hba1c", "vitamine",
      "psa", "dfg", "ckd-epi", "mdrd", "ionogramme", "nfs", "hemogramme", "hemoglobin", "platelets", "white", "red",
      "cells", "count", "creatinine", "haemoglobin", "g/dl", "g/l", "mg/l", "mg/dl", "mmol/l", "umol/l", "µmol/l",
      "ui/l", "u/l", "mui/l", "%", "fl", "pg", "giga/l", "tera/l", "g/l.", "10^9/l", "10^12/l", "ml/min",
      "ml/min/1.73m2", "sec.", "s", "mmhg", "kg", "g", "mg", "µg", "ug", "dl", "mmol", "umol", "µmol", "nmol", "pmol",
      "ui", "mui", "iu", "meq", "giga", "tera", "ng", "mm3", "sec", "mn", "ng/ml", "pg/ml", "meq/l", "ml", "l", "cc",
      "min",
      // function and report words
      "de", "du", "des", "la", "le", "les", "et", "a", "au", "aux", "en", "sur", "pour", "par", "avec", "sans", "un",
      "une", "the", "of", "and", "to", "in", "on", "at", "for", "with", "by", "or", "ou", "page", "compte", "rendu",
      "examen", "exam", "report", "rapport", "conclusion", "indication", "technique", "resultats", "interpretation",
      "commentaire", "comment", "mesure", "mesures", "measure", "taille", "size", "poids", "weight", "tension",
      "temperature", "positif", "negatif", "positive", "negative", "absence", "presence", "anomalie", "pas", "no",
      "non", "oui", "yes", "bas", "haut", "high", "low", "lo", "hi", "n", "h", "*", "-", "+", "/", "sup", "inf",
      // more analytes, lab report and calibration words
      "analyse", "analyses", "ref", "refs", "valide", "validee", "biologiste", "responsable", "biologie", "medicale",
      "medical", "usuelle", "anterieur", "anterieurs", "precedent", "acide", "urique", "uricemie", "lipase", "amylase",
      "bnp", "nt-probnp", "probnp", "procalcitonine", "pct", "d-dimeres", "dimeres", "vs", "ft3", "ft4", "t4l", "t3l",
      "b12", "b9", "folates", "zinc", "cuivre", "lactates", "ph", "pco2", "po2", "sao2", "spo2", "hco3", "debit",
      "filtration", "glomerulaire", "estime", "hb", "ht", "gb", "gr", "plq", "pnn", "pne", "pnb", "natremie",
      "kaliemie", "calcemie", "proteine", "reactive", "glyquee", "hemoglobine glyquee", "cholesterol", "total",
      "ferritinemie", "vitamine d", "25-oh", "oh", "tsh us", "tshus", "tp", "inr", "ratio", "temps", "cephaline",
      "activee", "quick", "prothrombine", "fibrine", "reticulocytes", "ionise", "corrige", "calcium", "phosphatases",
      "alcalines", "transaminases", "gamma-gt", "gamma-glutamyl", "transferase", "creatinine", "clairance", "cockcroft",
      "microalbuminurie", "proteinurie", "glycosurie", "ecbu", "hematurie", "leucocyturie", "culture", "sterile",
      "positive", "negative", "absents", "absentes", "rares", "nombreux", "traces", "normal", "anormal", "mv", "mm/mv",
      "mm/s", "hz", "filtre", "calibration", "etalonnage", "gain", "vitesse", "derivation", "derivations",
      "precordiales", "peripheriques", "scale", "echelle", "marker", "repere", "cm", "mm", "sonde", "probe", "freq",
      "frequence", "puissance", "power", "mi", "tis", "tib", "tic", "gn", "pers", "compound", "harm", "harmonique",
      "thi", "res", "focus", "fr", "cf", "bmode", "b-mode", "m-mode", "pd", "cfm", "vitesse", "prix", "tarif", "total",
      "ttc", "ht", "eur", "euros", "euro", "tva", "acte", "actes", "cotation", "\xE2\x82\xAC", "$",
      // fasting, organs and exam regions printed on ultrasound and radiograph overlays, report headings
      "jeun", "a jeun", "thyroide", "foie", "hepatique", "vesicule", "biliaire", "rate", "pancreas", "rein", "reins",
      "renal", "renale", "vessie", "prostate", "uterus", "ovaire", "ovaires", "pelvien", "pelvienne", "sein", "seins",
      "mammaire", "carotide", "carotides", "cardiaque", "coeur", "aorte", "obstetrique", "foetus", "foetal",
      "testicule", "scrotum", "parties", "molles", "cervical", "cervicale", "lombaire", "dorsal", "dorsale",
      "pulmonaire", "poumon", "poumons", "laboratoire", "analyses", "medicales", "prelevement", "hospitalisation",
      "operatoire", "consultation",
      // the micro sign read as a letter ("Hmol/L" for "µmol/L")
      "hmol", "pmol/l", "ymol", "hg/l", "umol/l"};
  return set;
}

const WordSet& abbreviations() {
  static const WordSet set = {
      "stemi", "nstemi", "hta",  "htap",    "irm",   "avc",    "ait",  "bpco",     "idm",   "sca",   "acfa",  "fa",
      "tvp",   "ep",     "oap",  "ira",     "irc",   "irct",   "dt1",  "dt2",      "dnid",  "did",   "ett",   "eto",
      "eeg",   "emg",    "tep",  "tep-tdm", "ains",  "avk",    "aod",  "hbpm",     "vih",   "vhb",   "vhc",   "covid",
      "sars",  "bav",    "bbd",  "bbg",     "hvg",   "hvd",    "tv",   "fv",       "esv",   "esa",   "iec",   "ara2",
      "bb",    "ecg",    "ecbu", "nfs",     "vs",    "crp",    "pct",  "bnp",      "tsh",   "ldh",   "cpk",   "asat",
      "alat",  "ggt",    "rx",   "tdm",     "pet",   "spect",  "dmla", "glaucome", "ivg",   "ivd",   "ic",    "icc",
      "sdra",  "pid",    "mici", "rgo",     "ulh",   "aeg",    "sep",  "sla",      "lupus", "rcp",   "urg",   "sau",
      "samu",  "smur",   "rea",  "usic",    "usc",   "bloc",   "hdj",  "mpr",      "ssr",   "ehpad", "ald",   "cmu",
      "ame",   "aah",    "mdph", "atcd",    "ttt",   "rdv",    "cr",   "crh",      "cro",   "bio",   "hbsag", "ag",
      "ac",    "igg",    "igm",  "ige",     "pcr",   "rt-pcr", "adn",  "arn",      "hpv",   "ist",   "mst",   "tbc",
      "bk",    "ogd",    "fogd", "ctscan",  "angio", "coro",   "atl",  "pac",      "kt",    "sng",   "sad",   "vvp",
      "vvc",   "picc",   "o2",   "mmhg",    "pas",   "pad",    "pam",  "fr",       "sat",   "gcs",   "en",    "imc",
      "bmi",   "ta",     "fc",   "ipp"};
  return set;
}

const WordSet& particles() {
  static const WordSet set = {"le",    "la",     "de",  "du",  "des", "da",  "di", "del",  "della", "van", "von",
                              "der",   "den",    "ben", "bin", "ibn", "el",  "al", "abou", "abu",   "mac", "mc",
                              "saint", "sainte", "st",  "ste", "dos", "das", "do", "d",    "l",     "ter", "ten"};
  return set;
}

// French and English function words (articles, prepositions, conjunctions), elided forms included.
const WordSet& functionWords() {
  static const WordSet set = {"le",  "la",  "les", "de", "du", "des", "d",    "l",    "et",   "a",  "au", "aux",
                              "un",  "une", "par", "en", "ou", "sur", "pour", "avec", "sans", "it", "is", "of",
                              "the", "and", "to",  "in", "on", "or",  "at",   "for",  "with", "by"};
  return set;
}

// Titles written before a name ("M.", "Mme", "Dr"): part of the name they open.
const WordSet& titles() {
  static const WordSet set = {"m",      "mr",           "mrs", "ms",      "miss",   "mme", "mlle",       "monsieur",
                              "madame", "mademoiselle", "dr",  "docteur", "doctor", "pr",  "professeur", "prof"};
  return set;
}

// The labels of text_trim's leading-label rule and of the classifier's vocabulary lines.
const WordSet& fieldLabels() {
  static const WordSet set = {
      "nom",     "prenom", "prenoms",   "patient", "patiente",  "ne",          "nee",          "date",    "naissance",
      "dossier", "numero", "examen",    "exam",    "preleve",   "prelevement", "prescripteur", "medecin", "sexe",
      "age",     "tel",    "telephone", "adresse", "ddn",       "dob",         "sejour",       "venue",   "name",
      "birth",   "sex",    "sortie",    "entree",  "admission", "study",       "acquisition"};
  return set;
}

// Units of two letters, written after their value ("90 ms", "78 kV", "12 mg").
const WordSet& shortUnits() {
  static const WordSet set = {"kv", "ma", "ms", "mm", "cm", "km", "hz", "db", "mv", "fl", "pg", "kg", "mg",
                              "ug", "dl", "ml", "cc", "ui", "iu", "ng", "mn", "nm", "um", "gy", "sv", "bq"};
  return set;
}

bool contains(const WordSet& set, std::string_view word) { return set.count(word) != 0; }

}  // namespace

std::string foldAccents(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      continue;
    }
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[++i]) | 0x20;    // upper (0x80-0x9E) -> lower (0xA0-0xBE)
      static const char* table = "aaaaaaeceeeeiiiidnooooo/ouuuuyby";  // 0xA0..0xBF
      out += (d >= 0xA0 && d <= 0xBF) ? table[d - 0xA0] : '?';
      if (d == 0xA6) out += 'e';  // æ -> ae
      continue;
    }
    if (c == 0xC5 && i + 1 < s.size()) {  // Œ œ
      unsigned char d = static_cast<unsigned char>(s[++i]);
      if (d == 0x92 || d == 0x93)
        out += "oe";
      else
        out += '?';
      continue;
    }
    out += char(c);  // other multibyte sequences kept as they are
  }
  return out;
}

bool isCommonFirstName(std::string_view w) { return contains(firstNames(), w); }
bool isCommonSurname(std::string_view w) { return contains(surnames(), w); }
bool isNameTrigger(std::string_view w) { return contains(triggers(), w); }
// (a plural of a vocabulary word of four letters or more is vocabulary too: "Compte rendu d'hospitalisations")
bool isBenignWord(std::string_view w) {
  if (contains(benignWords(), w)) return true;
  return w.size() >= 5 && (w.back() == 's' || w.back() == 'x') && contains(benignWords(), w.substr(0, w.size() - 1));
}
const std::vector<std::string>& longBenignWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const auto& w : benignWords())
      if (w.size() >= 7 && w.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos)
        out.emplace_back(w);
    return out;
  }();
  return words;
}

bool isClinicalAbbreviation(std::string_view w) { return contains(abbreviations(), w); }
bool isNameParticle(std::string_view w) { return contains(particles(), w); }
bool isFunctionWord(std::string_view w) { return contains(functionWords(), w); }
bool isTitle(std::string_view w) { return contains(titles(), w); }
bool isFieldLabel(std::string_view w) { return contains(fieldLabels(), w); }
bool isShortUnit(std::string_view w) { return contains(shortUnits(), w) || w == "\xC2\xB5g"; }

bool isDrugForm(std::string_view w) {
  static const WordSet set = {"creme",        "pommade", "gel",      "lotion",     "collyre",    "sirop",
                              "comprime",     "gelule",  "sachet",   "patch",      "solution",   "ampoule",
                              "suppositoire", "spray",   "emulsion", "suspension", "injectable", "gouttes"};
  return contains(set, w);
}

bool isDoseUnit(std::string_view w) {
  static const WordSet set = {"mg", "g", "ug", "mcg", "ml", "ui", "mui", "gouttes", "cp", "gelules", "sachets"};
  return contains(set, w) || w == "\xC2\xB5g";
}

std::vector<std::string> foldedWords(std::string_view utf8) {
  std::vector<std::string> words;
  std::string word;
  for (char c : foldAccents(utf8)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool isEcgLeadVariant(std::string_view raw) {
  if (raw == "I" || raw == "II" || raw == "III" || raw == "Il" || raw == "ll" || raw == "lI" || raw == "IIl")
    return true;
  if (raw.size() == 3 && (raw[0] == 'a' || raw[0] == 'A') && (raw[1] == 'V' || raw[1] == 'v'))
    return raw[2] == 'R' || raw[2] == 'L' || raw[2] == 'F' || raw[2] == 'r' || raw[2] == 'l' || raw[2] == 'f';
  // the V of aVR read as two glyphs ("aver", "avcl")
  if (raw.size() == 4 && (raw[0] == 'a' || raw[0] == 'A') && (raw[1] == 'V' || raw[1] == 'v') &&
      (raw[2] == 'e' || raw[2] == 'c' || raw[2] == 'E'))
    return raw[3] == 'R' || raw[3] == 'L' || raw[3] == 'F' || raw[3] == 'r' || raw[3] == 'l' || raw[3] == 'f';
  if (raw.size() == 2) {
    const char a = raw[0], b = raw[1];
    const bool v = a == 'V' || a == 'v' || a == 'M' || a == 'W' || a == 'N' || a == 'Y';
    const bool k = (b >= '1' && b <= '6') || b == 'I' || b == 'l' || b == '|' || (b == 'i' && a == 'v');
    return v && k && !(a == 'N' && (b == 'I' || b == 'l'));  // "NI" could start a word
  }
  return false;
}

}  // namespace medpics::detect
