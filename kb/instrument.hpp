/** @file instrument.hpp
 *  @brief A financing instrument as written in corpus/instrumenten/<id>.md.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/date.hpp"
#include "kb/rule.hpp"

namespace kb {

/** One condition of an instrument: B1 text for people, a rule for the machine. */
struct criterion {
  std::string id;
  std::string text;    ///< `tekst`: the condition in one B1 sentence
  std::string source;  ///< `bron`: article or URL, may be empty
  std::string test_source;
  rule::expr test;  ///< null when the rule did not validate
  int line = 0;
};

/// The allowed values of `soort`, `fasen` and `status`.
const std::vector<std::string>& instrument_kinds();
const std::vector<std::string>& instrument_phases();
const std::vector<std::string>& instrument_statuses();

/** A financing instrument: front matter plus the Markdown body. */
struct instrument {
  std::string id;
  std::string title;                ///< titel
  std::string provider;             ///< aanbieder
  std::string kind;                 ///< soort
  std::vector<std::string> phases;  ///< fasen
  std::vector<std::string>
      regions;           ///< regio: nederland, oost-nederland, overijssel, provincie:x, gemeente:x
  std::string status;    ///< open, gesloten, verlopen, doorlopend
  std::string summary;   ///< samenvatting
  std::string audience;  ///< doelgroep
  std::optional<double> amount_min, amount_max;
  std::optional<date> open_from, open_until;
  std::vector<std::string> keywords;  ///< trefwoorden
  /// voorbeeldvragen: questions of entrepreneurs this instrument answers, in their own words.
  /// Indexed with the body's weight, so everyday words ("kapsalon", "de bank wil niet") meet it.
  std::vector<std::string> example_questions;
  std::string caveat;                ///< voorbehoud
  std::vector<std::string> sources;  ///< bronnen
  date last_checked;                 ///< laatst_gecontroleerd
  std::vector<criterion> criteria;   ///< voorwaarden
  std::string body;                  ///< CommonMark
  std::string path;
  int body_line = 0;  ///< file line where the body starts

  bool expired() const { return status == "verlopen"; }
  /// Closed for now (gesloten): a new round may come, nothing can be asked for today.
  bool closed() const { return status == "gesloten"; }
};

/// How an instrument's `regio` relates to a place.
enum class region_fit {
  covers,      ///< a regional scheme for this provincie or gemeente
  nationwide,  ///< `nederland`, and nothing more specific covers the place
  elsewhere    ///< a regional scheme for another region
};

/// Compares `inst.regions` with a provincie and, when known, a gemeente (both as in plaatsen.tsv).
region_fit fit_region(const instrument& inst, std::string_view provincie,
                      std::string_view gemeente);

}  // namespace kb
