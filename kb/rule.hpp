/** @file rule.hpp
 *  @brief The rule language of `voorwaarden[].test`: parse, validate, evaluate three-valued.
 *
 *  Grammar (keywords are Dutch, as staff write them):
 *  @code
 *  expr    := or ;  or := and ("of" and)* ;  and := unary ("en" unary)*
 *  unary   := "niet" unary | "(" expr ")" | comparison | field
 *  comparison := field ("=" | "!=" | "<" | "<=" | ">" | ">=") value
 *              | field "in" "[" value ("," value)* "]"
 *  value   := number | "ja" | "nee" | word | "quoted text"
 *  @endcode
 *  Evaluation follows Kleene's strong three-valued logic: a field the profile lacks is unknown.
 */
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kb/fields.hpp"
#include "kb/profile.hpp"

namespace kb::rule {

/// Kleene truth value.
enum class truth { no, yes, unknown };
std::string_view to_string(truth t);
truth operator&&(truth a, truth b);
truth operator||(truth a, truth b);
truth operator!(truth a);

enum class op { eq, ne, lt, le, gt, ge, in };

/// A literal in a rule, with the column where it starts (1-based).
struct literal {
  enum class kind { number, yes, no, word, quoted } k = kind::word;
  double number = 0;
  std::string text;  ///< the word or quoted text
  int column = 0;
};

struct node;
using expr = std::shared_ptr<const node>;

/** One node of a parsed rule. */
struct node {
  enum class kind { and_, or_, not_, compare, bare } k = kind::bare;
  expr left, right;  ///< and/or: both; not: left
  std::string field;
  int column = 0;  ///< where the field (or operator keyword) starts
  op oper = op::eq;
  std::vector<literal> values;  ///< one for comparisons, several for `in`
};

/** A problem in a rule, with the 1-based column it refers to. */
struct error {
  int column = 0;
  std::string message;
};

/// Parses a rule; returns the tree or the first syntax error.
std::variant<expr, error> parse(std::string_view text);

/// Checks fields, types and values against the field set; returns every problem found.
std::vector<error> validate(const expr& e, const field_set& fields);

/// Evaluates a validated rule against a profile. When `missing` is given, it receives the absent
/// fields that keep the result unknown (only those that matter, not every field in the rule).
truth evaluate(const expr& e, const profile& p, std::set<std::string>* missing = nullptr);

/// Every field the rule reads.
std::set<std::string> fields_of(const expr& e);

/// The rule written back in canonical form, fully parenthesised where needed.
std::string to_string(const expr& e);

}  // namespace kb::rule
