#include "indexer/stopwords.hpp"

#include <string>
#include <unordered_set>

namespace indexer {

bool is_stopword(std::string_view folded) {
  // The Snowball Dutch list (BSD), folded, plus chat filler that carries no topic ("hoi", "graag").
  static const std::unordered_set<std::string_view> words = {
      "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is",
      "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou",
      "of", "wat", "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot",
      "je", "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft", "hebben", "deze",
      "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat", "iets", "worden", "toch",
      "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun", "dus",
      "alles", "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen",
      "kunnen", "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand",
      "geweest", "andere", "we", "wij", "onze", "jullie", "jij", "jou", "jouw", "hallo", "hoi",
      "graag", "beste", "vraag", "vragen", "weet", "weten", "willen", "wilt", "zou", "zouden",
      "kunt", "welke", "waar", "waarmee", "wat", "even", "eigenlijk", "gewoon", "misschien",
      "alvast", "bedankt", "dank", "groet", "groeten", "mvg", "svp", "pls", "hey", "goedemorgen",
      "goedemiddag", "iemand", "zoek", "zoeken", "krijgen", "kom", "komen", "mogelijk",
      "mogelijkheden", "gaat", "gaan", "ga", "word", "hebt", "had", "erg", "heel", "echt", "wel",
      // Prepositions and chat shorthand that carry no topic.
      "vanuit", "vanaf", "via", "per", "zoals", "ongeveer", "binnen", "tussen", "mn", "m'n", "z'n",
      "zn", "ff", "effe", "zit", "zitten", "nou", "hierbij", "daarbij", "daarvoor", "ervoor",
      "hiervoor", "waarvoor", "mezelf", "ikzelf", "jezelf", "helemaal", "ooit", "nodig", "nee",
      "oke", "ok", "okee", "klopt", "sorry", "excuus", "correctie", "bedoel", "bedoelde", "zoekt",
      "vindt", "vind", "vinden", "krijgt", "kun", "mag", "mogen", "doe", "doet", "denk", "denkt",
      "hoor", "hoorde", "lijkt", "moeten", "kreeg", "kregen", "staat", "ligt", "alleen", "zo'n",
      "paar", "bijvoorbeeld", "bv", "soms", "ergens", "allemaal", "zeg", "zeggen",
      // Everyday words that the instrument texts, written formally, rarely use: rare there, so
      // they got a high idf and decided long chatty questions ("mijn kapsalon loopt goed",
      // "zijn er handigere manieren"). Phrases in synoniemen.txt still see them.
      "goed", "wel", "erg", "heel", "echt", "precies", "zulk", "zulke", "zoiets", "ding", "dingen",
      "manier", "manieren", "handig", "handige", "handigere", "loopt", "gaat", "komt", "zie",
      "ziet", "optie", "opties", "mogelijkheid",
      // Chat shorthand for "een", "het" and "ik" ("heb n bedrijfje", "wil t overnemen").
      "n", "'n", "t", "'t", "k", "'k"};
  return words.count(folded) > 0;
}

}  // namespace indexer
