#include "indexer/fields.hpp"

namespace indexer {

std::vector<field_text> searchable_fields(const kb::instrument& inst) {
  std::string keywords;
  for (const auto& k : inst.keywords) keywords += k + ". ";
  keywords += inst.kind + ". " + inst.provider;
  std::string body = inst.body;
  for (const auto& c : inst.criteria) body += "\n" + c.text;
  // Entrepreneurs' words for their situation, as staff heard them.
  std::string questions;
  for (const auto& q : inst.example_questions) questions += q + "\n";
  return {{"titel", inst.title, weight_title},
          {"trefwoorden", std::move(keywords), weight_keywords},
          {"samenvatting", inst.summary + ". " + inst.audience, weight_summary},
          {"body", std::move(body), weight_body},
          {"voorbeeldvragen", std::move(questions), weight_questions}};
}

}  // namespace indexer
