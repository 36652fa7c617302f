#include "kb/questions.hpp"

#include <fstream>

#include "kb/text.hpp"

namespace kb {

std::vector<judged_question> load_questions(const std::filesystem::path& file, diagnostics& diag) {
  std::vector<judged_question> out;
  const std::string path = file.string();
  std::ifstream in(file);
  if (!in) {
    diag.error(path, 0, "cannot open file");
    return out;
  }
  std::string kind = "overig";
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    auto t = trim(line);
    if (t.empty()) continue;
    if (t[0] == '#') {
      auto body = trim(t.substr(1));
      if (body.rfind("soort:", 0) == 0) kind = std::string(trim(body.substr(6)));
      continue;
    }
    auto cols = split(line, '\t');
    judged_question q;
    q.line = lineno;
    std::string ids;
    if (cols.size() == 2) {
      q.kind = kind;
      q.text = std::string(trim(cols[0]));
      ids = cols[1];
    } else if (cols.size() == 3) {
      q.kind = std::string(trim(cols[0]));
      q.text = std::string(trim(cols[1]));
      ids = cols[2];
    } else {
      diag.error(path, lineno, "expected 'vraag<TAB>id,id' or 'soort<TAB>vraag<TAB>id,id'");
      continue;
    }
    for (const auto& id : split(ids, ','))
      if (auto s = trim(id); !s.empty()) q.expected.emplace_back(s);
    if (q.text.empty() || q.expected.empty()) {
      diag.error(path, lineno, "a question needs text and at least one expected id");
      continue;
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace kb
