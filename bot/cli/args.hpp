/** @file args.hpp
 *  @brief A small command-line parser: `--name value`, `--name=value`, flags and positionals.
 */
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace bot::cli {

/// Thrown for a malformed command line; the message is shown with the command's usage.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The whole content of a file, or of standard input for "-"; usage_error when it cannot be opened.
std::string read_input(const std::string& file);

class args {
 public:
  /// `with_value` lists options that take a value; `flags` those that do not.
  args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
       const std::set<std::string>& flags);

  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  std::optional<std::string> get(const std::string& name) const;
  /// The value of a required option; throws usage_error when absent.
  std::string require(const std::string& name) const;
  /// An option as a whole number in [lo, hi]; `fallback` when absent.
  long number(const std::string& name, long fallback, long lo, long hi) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

}  // namespace bot::cli
