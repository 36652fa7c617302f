/** @file diagnostics.hpp
 *  @brief Errors and warnings collected while loading a corpus, reported as `path:line: message`.
 */
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kb {

enum class severity { error, warning };

/** One finding about an input file. Messages are precise English for developers and logs. */
struct diagnostic {
  std::string path;
  int line = 0;  ///< 1-based; 0 when the finding concerns the whole file.
  severity level = severity::error;
  std::string message;

  /// "path:line: message" (errors) or "path:line: warning: message".
  std::string str() const;
};

/** Collects every finding instead of stopping at the first, so a user can fix all at once. */
class diagnostics {
 public:
  void error(std::string path, int line, std::string message);
  void warning(std::string path, int line, std::string message);

  const std::vector<diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool ok() const { return error_count() == 0; }

 private:
  std::vector<diagnostic> items_;
};

}  // namespace kb
