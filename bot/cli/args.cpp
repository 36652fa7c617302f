#include "bot/cli/args.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace bot::cli {

std::string read_input(const std::string& file) {
  std::ostringstream ss;
  if (file == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw usage_error("cannot open '" + file + "'");
    ss << in.rdbuf();
  }
  return ss.str();
}

args::args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
           const std::set<std::string>& flags) {
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a.size() < 2 || a.rfind("--", 0) != 0) {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a.substr(2), value;
    bool has_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (flags.count(name)) {
      if (has_value) throw usage_error("option --" + name + " takes no value");
      flags_.insert(name);
    } else if (with_value.count(name)) {
      if (!has_value) {
        if (i + 1 >= argv.size()) throw usage_error("option --" + name + " needs a value");
        value = argv[++i];
      }
      values_[name] = value;
    } else {
      throw usage_error("unknown option --" + name);
    }
  }
}

std::optional<std::string> args::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string args::require(const std::string& name) const {
  auto v = get(name);
  if (!v) throw usage_error("missing required option --" + name);
  return *v;
}

long args::number(const std::string& name, long fallback, long lo, long hi) const {
  auto v = get(name);
  if (!v) return fallback;
  try {
    std::size_t used = 0;
    long n = std::stol(*v, &used);
    if (used == v->size() && n >= lo && n <= hi) return n;
  } catch (const std::exception&) {
  }
  throw usage_error("--" + name + " needs a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi) + ", not '" + *v + "'");
}

}  // namespace bot::cli
