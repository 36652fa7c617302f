/** @file front_matter.hpp
 *  @brief Splits a Markdown file into its YAML front matter and its body.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kb {

struct front_matter {
  std::string yaml;   ///< text between the `---` lines
  std::string body;   ///< everything after the closing `---` line
  int yaml_line = 2;  ///< file line of the first YAML line
  int body_line = 0;  ///< file line of the first body line
};

/** Why a file has no usable front matter. */
struct front_matter_error {
  int line = 0;
  std::string message;
};

/// The file must start with a `---` line; the front matter ends at the next `---` line.
/// A UTF-8 byte order mark and CRLF line ends are accepted.
std::optional<front_matter> split_front_matter(std::string_view text, front_matter_error& err);

}  // namespace kb
