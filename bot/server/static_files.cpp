#include "bot/server/static_files.hpp"

#include <algorithm>

namespace bot::server {

namespace fs = std::filesystem;

std::string_view mime_type(std::string_view ext) {
  struct entry {
    std::string_view ext, mime;
  };
  static constexpr entry table[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/vnd.microsoft.icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& e : table)
    if (e.ext == ext) return e.mime;
  return {};
}

bool percent_decode(std::string_view in, std::string& out) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

static_files::static_files(const fs::path& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_)) root_.clear();
}

static_file static_files::resolve(std::string_view target) const {
  static_file out;
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target[0] != '/') {
    out.status = 400;
    return out;
  }
  std::string path;
  if (!percent_decode(target, path)) {
    out.status = 400;
    return out;
  }
  // Refuse what could step outside the root or confuse the file system, before touching it.
  if (std::any_of(path.begin(), path.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f || c == '\\';
      })) {
    out.status = 400;
    return out;
  }
  fs::path rel;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view seg(path.data() + start, end - start);
    if (seg == ".." || seg == ".") {
      out.status = 400;
      return out;
    }
    if (!seg.empty() && seg[0] == '.') return out;  // hidden files (.git, .env) are not served
    if (!seg.empty()) rel /= seg;
    start = end + 1;
  }
  if (path.back() == '/') rel /= "index.html";
  if (root_.empty()) return out;

  std::error_code ec;
  const fs::path file = fs::weakly_canonical(root_ / rel, ec);
  if (ec) return out;
  // Component-wise prefix test: "/srv/web-other" does not lie under "/srv/web".
  auto [r, f] = std::mismatch(root_.begin(), root_.end(), file.begin(), file.end());
  if (r != root_.end()) return out;
  if (!fs::is_regular_file(file, ec)) return out;
  const auto mime = mime_type(file.extension().string());
  if (mime.empty()) return out;
  out.status = 200;
  out.path = file;
  out.mime = mime;
  return out;
}

}  // namespace bot::server
