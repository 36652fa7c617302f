#include "kb/yaml_util.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "kb/text.hpp"

namespace kb::yaml {

int reader::line_of(const YAML::Node& n) const {
  if (!n.IsDefined()) return 0;  // a missing key has no position (and Mark() would throw)
  auto m = n.Mark();
  return m.line < 0 ? 0 : m.line + offset_;
}

void reader::error(const YAML::Node& at, const std::string& msg) const {
  diag_.error(path_, line_of(at), msg);
}

void reader::error_line(int line, const std::string& msg) const {
  diag_.error(path_, line, msg);
}

void reader::warning(const YAML::Node& at, const std::string& msg) const {
  diag_.warning(path_, line_of(at), msg);
}

void reader::check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                        std::string_view what) const {
  for (const auto& kv : map) {
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string{"?"};
    bool ok = false;
    for (auto a : allowed) ok = ok || a == key;
    if (!ok) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error(kv.first,
            "unknown key '" + key + "' in " + std::string(what) + " (allowed: " + list + ")");
    }
  }
}

std::optional<std::string> reader::text(const YAML::Node& map, const std::string& key,
                                        bool required) const {
  YAML::Node n = map[key];
  if (!n || n.IsNull()) {
    if (required) error(map, "missing required key '" + key + "'");
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    error(n, "'" + key + "' must be text, not a list or a map");
    return std::nullopt;
  }
  if (n.Scalar().empty() && required) {
    error(n, "'" + key + "' is empty");
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<double> reader::number(const YAML::Node& map, const std::string& key,
                                     bool required) const {
  auto s = text(map, key, required);
  if (!s) return std::nullopt;
  auto point = s->find('.');
  if (point != std::string::npos && s->size() - point == 4) {
    // Dutch writes 50.000 for fifty thousand; YAML would read 50.
    error(map[key], "'" + key + "' value '" + *s +
                        "' looks like a thousands separator: write it without points, like 50000");
    return std::nullopt;
  }
  try {
    std::size_t used = 0;
    double v = std::stod(*s, &used);
    if (used != s->size()) throw std::invalid_argument("trailing");
    return v;
  } catch (const std::exception&) {
    error(map[key], "'" + key + "' must be a plain number like 50000, not '" + *s + "'");
    return std::nullopt;
  }
}

std::optional<date> reader::day(const YAML::Node& map, const std::string& key,
                                bool required) const {
  auto s = text(map, key, required);
  if (!s) return std::nullopt;
  auto d = date::parse(*s);
  if (!d) error(map[key], "'" + key + "' must be a date YYYY-MM-DD, not '" + *s + "'");
  return d;
}

std::optional<std::vector<std::string>> reader::list(const YAML::Node& map, const std::string& key,
                                                     list_rules rules) const {
  YAML::Node n = map[key];
  if (!n || n.IsNull()) {
    if (rules.required) error(map, "missing required key '" + key + "'");
    return std::nullopt;
  }
  std::vector<std::string> out;
  if (n.IsScalar() && rules.scalar_ok) {
    out.push_back(n.Scalar());
    return out;
  }
  if (!n.IsSequence()) {
    error(n, "'" + key + "' must be a list like [a, b]");
    return std::nullopt;
  }
  std::set<std::string> seen;
  for (const auto& item : n) {
    if (!item.IsScalar()) {
      error(item, "each item of '" + key + "' must be text");
      continue;
    }
    if (trim(item.Scalar()).empty())
      error(item, "an item of '" + key + "' is empty");
    else if (rules.distinct && !seen.insert(item.Scalar()).second)
      error(item, "duplicate item in '" + key + "': " + item.Scalar());
    out.push_back(item.Scalar());
  }
  return out;
}

std::optional<YAML::Node> parse(const std::string& text, const std::string& path, int line_offset,
                                diagnostics& diag) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diag.error(path, e.mark.line < 0 ? 0 : e.mark.line + line_offset, "YAML syntax: " + e.msg);
    return std::nullopt;
  }
}

std::optional<std::string> read_file(const std::string& path, diagnostics& diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.error(path, 0, "cannot open file");
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace kb::yaml
