// Common French given names and surnames (written for this project; Latin-1-representable, accents included).
#include "french_names.hpp"

namespace medpics::creds::names {

const std::vector<std::string_view>& surnames() {
  static const std::vector<std::string_view> list = {
      "Martin",     "Bernard",     "Thomas",     "Petit",     "Robert",   "Richard",   "Durand",      "Dubois",
      "Moreau",     "Laurent",     "Simon",      "Michel",    "Lefèvre",  "Leroy",     "Roux",        "David",
      "Bertrand",   "Morel",       "Fournier",   "Girard",    "Bonnet",   "Dupont",    "Lambert",     "Fontaine",
      "Rousseau",   "Vincent",     "Müller",     "Lefebvre",  "Faure",    "André",     "Mercier",     "Blanc",
      "Guérin",     "Boyer",       "Garnier",    "Chevalier", "François", "Legrand",   "Gauthier",    "Garcia",
      "Perrin",     "Robin",       "Clément",    "Morin",     "Nicolas",  "Henry",     "Roussel",     "Mathieu",
      "Gautier",    "Masson",      "Marchand",   "Duval",     "Denis",    "Dumont",    "Marie",       "Lemaire",
      "Noël",       "Meyer",       "Dufour",     "Meunier",   "Brun",     "Blanchard", "Giraud",      "Joly",
      "Rivière",    "Lucas",       "Brunet",     "Gaillard",  "Barbier",  "Arnaud",    "Martinez",    "Gérard",
      "Roche",      "Renard",      "Schmitt",    "Roy",       "Leroux",   "Colin",     "Vidal",       "Caron",
      "Picard",     "Roger",       "Fabre",      "Aubert",    "Lemoine",  "Renaud",    "Dumas",       "Lacroix",
      "Olivier",    "Philippe",    "Bourgeois",  "Pierre",    "Benoît",   "Rey",       "Leclerc",     "Payet",
      "Rolland",    "Leclercq",    "Guillaume",  "Lecomte",   "Lopez",    "Jean",      "Dupuy",       "Guillot",
      "Hubert",     "Berger",      "Carpentier", "Sanchez",   "Dupuis",   "Moulin",    "Louis",       "Deschamps",
      "Huet",       "Vasseur",     "Perez",      "Boucher",   "Fleury",   "Royer",     "Klein",       "Jacquet",
      "Adam",       "Paris",       "Poirier",    "Marty",     "Aubry",    "Guyot",     "Carré",       "Charles",
      "Renault",    "Charpentier", "Ménard",     "Maillard",  "Baron",    "Bertin",    "Bailly",      "Hervé",
      "Schneider",  "Fernandez",   "Le Gall",    "Collet",    "Léger",    "Bouvier",   "Julien",      "Prévost",
      "Millet",     "Perrot",      "Daniel",     "Le Roux",   "Cousin",   "Germain",   "Breton",      "Besson",
      "Langlois",   "Rémy",        "Le Goff",    "Pelletier", "Lévêque",  "Perrier",   "Leblanc",     "Barré",
      "Lebrun",     "Marchal",     "Weber",      "Mallet",    "Hamon",    "Boulanger", "Jacob",       "Monnier",
      "Michaud",    "Rodriguez",   "Guichard",   "Gillet",    "Étienne",  "Grondin",   "Poulain",     "Tessier",
      "Chevallier", "Collin",      "Chauvin",    "Da Silva",  "Bouchet",  "Gay",       "Lemaître",    "Bénard",
      "Maréchal",   "Humbert",     "Reynaud",    "Antoine",   "Hoarau",   "Perret",    "Barthélemy",  "Cordier",
      "Pichon",     "Lejeune",     "Gilbert",    "Lamy",      "Delaunay", "Pasquier",  "Carlier",     "Laporte",
      "N'Diaye",    "Diallo",      "Nguyen",     "Benali",    "Haddad",   "Ferreira",  "De Oliveira", "Saint-Martin",
      "Kerbrat",    "Bihan"};
  return list;
}

const std::vector<std::string_view>& femaleGivenNames() {
  static const std::vector<std::string_view> list = {
      "Marie",        "Nathalie",   "Isabelle", "Sylvie",    "Catherine",    "Françoise",   "Valérie",
      "Christine",    "Sandrine",   "Sophie",   "Céline",    "Stéphanie",    "Véronique",   "Hélène",
      "Anne",         "Julie",      "Aurélie",  "Émilie",    "Camille",      "Laura",       "Sarah",
      "Manon",        "Léa",        "Chloé",    "Emma",      "Inès",         "Clémence",    "Pauline",
      "Mathilde",     "Charlotte",  "Lucie",    "Élodie",    "Anaïs",        "Marion",      "Audrey",
      "Caroline",     "Laetitia",   "Virginie", "Agnès",     "Brigitte",     "Martine",     "Monique",
      "Nicole",       "Danielle",   "Josiane",  "Geneviève", "Dominique",    "Claire",      "Juliette",
      "Zoé",          "Maëlle",     "Océane",   "Noémie",    "Justine",      "Margaux",     "Alice",
      "Louise",       "Jeanne",     "Amélie",   "Béatrice",  "Marie-Claire", "Anne-Sophie", "Marie-Christine",
      "Marie-Hélène", "Anne-Marie", "Fatima",   "Yasmina",   "Amina",        "Nadia",       "Leïla",
      "Solène",       "Gaëlle",     "Morgane",  "Cécile",    "Florence",     "Annabelle",   "Ophélie",
      "Maïwenn",      "Bérénice",   "Héloïse"};
  return list;
}

const std::vector<std::string_view>& maleGivenNames() {
  static const std::vector<std::string_view> list = {
      "Jean",          "Pierre",      "Michel",        "Philippe",     "Alain",       "Nicolas",   "Christophe",
      "Patrick",       "Laurent",     "Frédéric",      "Stéphane",     "Éric",        "Julien",    "David",
      "Sébastien",     "Thomas",      "Olivier",       "Guillaume",    "Antoine",     "Maxime",    "Alexandre",
      "Romain",        "Vincent",     "François",      "Jérôme",       "Benoît",      "Hugo",      "Lucas",
      "Louis",         "Gabriel",     "Arthur",        "Jules",        "Raphaël",     "Léo",       "Mathis",
      "Nathan",        "Théo",        "Paul",          "Adrien",       "Clément",     "Quentin",   "Damien",
      "Cédric",        "Fabrice",     "Thierry",       "Gérard",       "Bernard",     "Daniel",    "Henri",
      "André",         "Jacques",     "René",          "Yves",         "Gaël",        "Loïc",      "Anthony",
      "Kévin",         "Mickaël",     "Joël",          "Noël",         "Jean-Pierre", "Jean-Marc", "Jean-Luc",
      "Jean-François", "Pierre-Yves", "Jean-Baptiste", "Marc-Antoine", "Karim",       "Mehdi",     "Yanis",
      "Mohamed",       "Rayan",       "Bastien",       "Florian",      "Aurélien",    "Baptiste",  "Timothée",
      "Grégoire",      "Yann",        "Erwan"};
  return list;
}

}  // namespace medpics::creds::names
