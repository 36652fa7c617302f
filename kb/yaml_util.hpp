/** @file yaml_util.hpp
 *  @brief Typed access to yaml-cpp nodes that reports `path:line` problems instead of throwing.
 */
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/date.hpp"
#include "kb/diagnostics.hpp"

namespace kb::yaml {

/** How reader::list() reads a key. */
struct list_rules {
  bool required = false;   ///< report the key when it is missing
  bool scalar_ok = false;  ///< accept a single scalar as a one-element list
  bool distinct = false;   ///< report an item that repeats an earlier one
};

/** Reads one YAML mapping, remembering where it came from, and reports each problem once. */
class reader {
 public:
  /// `line_offset` is added to yaml-cpp's 0-based line to give the file's 1-based line.
  reader(std::string path, int line_offset, diagnostics& diag)
      : path_(std::move(path)), offset_(line_offset), diag_(diag) {}

  int line_of(const YAML::Node& n) const;
  void error(const YAML::Node& at, const std::string& msg) const;
  void error_line(int line, const std::string& msg) const;
  void warning(const YAML::Node& at, const std::string& msg) const;

  /// Reports keys of `map` not in `allowed`.
  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                  std::string_view what) const;

  /// A scalar string; reports `what` missing when required and absent, or a type mismatch.
  std::optional<std::string> text(const YAML::Node& map, const std::string& key,
                                  bool required) const;
  std::optional<double> number(const YAML::Node& map, const std::string& key, bool required) const;
  std::optional<date> day(const YAML::Node& map, const std::string& key, bool required) const;
  /// A list of strings, read as `rules` say. A blank item is always reported at its line.
  std::optional<std::vector<std::string>> list(const YAML::Node& map, const std::string& key,
                                               list_rules rules = {}) const;

  const std::string& path() const { return path_; }
  diagnostics& diag() const { return diag_; }

 private:
  std::string path_;
  int offset_;
  diagnostics& diag_;
};

/// Parses YAML text; on a syntax error reports it with its line and returns nothing.
std::optional<YAML::Node> parse(const std::string& text, const std::string& path, int line_offset,
                                diagnostics& diag);

/// Reads a whole file; reports when it cannot be opened.
std::optional<std::string> read_file(const std::string& path, diagnostics& diag);

}  // namespace kb::yaml
