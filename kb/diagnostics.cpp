#include "kb/diagnostics.hpp"

#include <algorithm>

namespace kb {

std::string diagnostic::str() const {
  std::string out;
  out.reserve(path.size() + message.size() + 24);
  out.append(path);
  if (line > 0) out.append(":").append(std::to_string(line));
  out.append(level == severity::warning ? ": warning: " : ": ");
  out.append(message);
  return out;
}

void diagnostics::error(std::string path, int line, std::string message) {
  items_.push_back({std::move(path), line, severity::error, std::move(message)});
}

void diagnostics::warning(std::string path, int line, std::string message) {
  items_.push_back({std::move(path), line, severity::warning, std::move(message)});
}

std::size_t diagnostics::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(),
                    [](const diagnostic& d) { return d.level == severity::error; }));
}

std::size_t diagnostics::warning_count() const {
  return items_.size() - error_count();
}

}  // namespace kb
