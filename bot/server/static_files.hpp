/** @file static_files.hpp
 *  @brief Maps a request target to a file under the web root, refusing anything outside it.
 *
 *  The target is percent-decoded once; `..` and `.` segments, backslashes, NUL and other control
 *  characters are refused (400). The file is then canonicalised (symlinks resolved) and must still
 *  lie under the canonical root, be a regular file and have a known extension (else 404).
 *  Directories are never listed: a target ending in `/` means its `index.html`.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace bot::server {

struct static_file {
  int status = 404;  ///< 200, 400 or 404
  std::filesystem::path path;
  std::string_view mime;  ///< for 200
};

class static_files {
 public:
  /// A root that does not exist serves nothing (every file is 404).
  explicit static_files(const std::filesystem::path& root);

  static_file resolve(std::string_view target) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;  // canonical, or empty when missing
};

/// The Content-Type for a file extension (".css"), or empty for one we do not serve.
std::string_view mime_type(std::string_view extension);

/// Decodes %XX escapes. False for a malformed escape.
bool percent_decode(std::string_view in, std::string& out);

}  // namespace bot::server
