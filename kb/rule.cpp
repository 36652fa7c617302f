#include "kb/rule.hpp"

#include <cmath>
#include <optional>

#include "kb/text.hpp"

namespace kb::rule {

std::string_view to_string(truth t) {
  switch (t) {
    case truth::yes:
      return "ja";
    case truth::no:
      return "nee";
    case truth::unknown:
      return "onbekend";
  }
  return "?";
}

truth operator&&(truth a, truth b) {
  if (a == truth::no || b == truth::no) return truth::no;
  if (a == truth::unknown || b == truth::unknown) return truth::unknown;
  return truth::yes;
}

truth operator||(truth a, truth b) {
  if (a == truth::yes || b == truth::yes) return truth::yes;
  if (a == truth::unknown || b == truth::unknown) return truth::unknown;
  return truth::no;
}

truth operator!(truth a) {
  if (a == truth::unknown) return a;
  return a == truth::yes ? truth::no : truth::yes;
}

namespace {

struct token {
  enum class kind { word, number, quoted, sym, end } k = kind::end;
  std::string text;
  double number = 0;
  int column = 0;
};

struct syntax_error {
  error e;
};

bool is_word_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == '\'' || c >= 0x80;
}

std::vector<token> lex(std::string_view s) {
  std::vector<token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    int col = static_cast<int>(i) + 1;
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (c == '"') {
      std::string text;
      ++i;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '\\' && i + 1 < s.size()) {
          text += s[i + 1];
          i += 2;
          continue;
        }
        if (s[i] == '"') {
          closed = true;
          ++i;
          break;
        }
        text += s[i++];
      }
      if (!closed) throw syntax_error{{col, "quoted text is not closed with \""}};
      out.push_back({token::kind::quoted, text, 0, col});
      continue;
    }
    if (std::isdigit(c)) {
      std::size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      if (j < s.size() && s[j] == '.' && j + 1 < s.size() &&
          std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
        std::size_t point = j++;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        // Dutch writes 50.000 for fifty thousand: refuse it rather than read 50.
        if (j - point == 4)
          throw syntax_error{{col, "number '" + std::string(s.substr(i, j - i)) +
                                       "' looks like a thousands separator: write it "
                                       "without points, like 50000"}};
      }
      if (j < s.size() && is_word_char(static_cast<unsigned char>(s[j])))
        throw syntax_error{{col, "malformed number '" + std::string(s.substr(i, j - i + 1)) +
                                     "' (write numbers without thousands separators, "
                                     "decimals with a point)"}};
      std::string text(s.substr(i, j - i));
      out.push_back({token::kind::number, text, std::stod(text), col});
      i = j;
      continue;
    }
    if (is_word_char(c)) {
      std::size_t j = i;
      while (j < s.size() && is_word_char(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({token::kind::word, std::string(s.substr(i, j - i)), 0, col});
      i = j;
      continue;
    }
    if ((c == '!' || c == '<' || c == '>') && i + 1 < s.size() && s[i + 1] == '=') {
      out.push_back({token::kind::sym, std::string(s.substr(i, 2)), 0, col});
      i += 2;
      continue;
    }
    if (c == '=' || c == '<' || c == '>' || c == '(' || c == ')' || c == '[' || c == ']' ||
        c == ',') {
      out.push_back({token::kind::sym, std::string(1, static_cast<char>(c)), 0, col});
      ++i;
      continue;
    }
    throw syntax_error{
        {col, "unexpected character '" + std::string(1, static_cast<char>(c)) + "'"}};
  }
  out.push_back({token::kind::end, "", 0, static_cast<int>(s.size()) + 1});
  return out;
}

bool is_keyword(const std::string& w) {
  return w == "en" || w == "of" || w == "niet" || w == "in" || w == "ja" || w == "nee";
}

class parser {
 public:
  explicit parser(std::vector<token> toks) : t_(std::move(toks)) {}

  expr parse_all() {
    expr e = parse_or();
    if (peek().k != token::kind::end) fail(peek(), "expected 'en', 'of' or the end of the rule");
    return e;
  }

 private:
  const token& peek() const { return t_[pos_]; }
  const token& next() { return t_[pos_++]; }
  [[noreturn]] void fail(const token& at, const std::string& msg) {
    std::string found = at.k == token::kind::end ? "end of rule" : "'" + at.text + "'";
    throw syntax_error{{at.column, msg + ", found " + found}};
  }
  bool is_word(const char* w) const { return peek().k == token::kind::word && peek().text == w; }
  bool is_sym(const char* s) const { return peek().k == token::kind::sym && peek().text == s; }

  expr binary(node::kind k, expr l, expr r, int col) {
    auto n = std::make_shared<node>();
    n->k = k;
    n->left = std::move(l);
    n->right = std::move(r);
    n->column = col;
    return n;
  }

  expr parse_or() {
    expr e = parse_and();
    while (is_word("of")) {
      int col = next().column;
      e = binary(node::kind::or_, e, parse_and(), col);
    }
    return e;
  }

  expr parse_and() {
    expr e = parse_unary();
    while (is_word("en")) {
      int col = next().column;
      e = binary(node::kind::and_, e, parse_unary(), col);
    }
    return e;
  }

  expr parse_unary() {
    if (is_word("niet")) {
      int col = next().column;
      auto n = std::make_shared<node>();
      n->k = node::kind::not_;
      n->left = parse_unary();
      n->column = col;
      return n;
    }
    if (is_sym("(")) {
      next();
      expr e = parse_or();
      if (!is_sym(")")) fail(peek(), "expected ')'");
      next();
      return e;
    }
    const token& f = peek();
    if (f.k != token::kind::word || is_keyword(f.text)) fail(f, "expected a field name");
    next();
    auto n = std::make_shared<node>();
    n->field = f.text;
    n->column = f.column;
    if (peek().k == token::kind::sym) {
      static const std::pair<const char*, op> ops[] = {{"=", op::eq}, {"!=", op::ne},
                                                       {"<", op::lt}, {"<=", op::le},
                                                       {">", op::gt}, {">=", op::ge}};
      for (auto [s, o] : ops) {
        if (is_sym(s)) {
          next();
          n->k = node::kind::compare;
          n->oper = o;
          n->values.push_back(parse_value());
          return n;
        }
      }
      if (!is_sym(")")) fail(peek(), "expected a comparison operator");
    }
    if (is_word("in")) {
      next();
      n->k = node::kind::compare;
      n->oper = op::in;
      if (!is_sym("[")) fail(peek(), "expected '[' after 'in'");
      next();
      n->values.push_back(parse_value());
      while (is_sym(",")) {
        next();
        n->values.push_back(parse_value());
      }
      if (!is_sym("]")) fail(peek(), "expected ',' or ']'");
      next();
      return n;
    }
    n->k = node::kind::bare;
    return n;
  }

  literal parse_value() {
    const token& v = peek();
    literal l;
    l.column = v.column;
    switch (v.k) {
      case token::kind::number:
        l.k = literal::kind::number;
        l.number = v.number;
        l.text = v.text;
        break;
      case token::kind::quoted:
        l.k = literal::kind::quoted;
        l.text = v.text;
        break;
      case token::kind::word:
        if (v.text == "ja")
          l.k = literal::kind::yes;
        else if (v.text == "nee")
          l.k = literal::kind::no;
        else if (is_keyword(v.text))
          fail(v, "expected a value");
        else
          l.k = literal::kind::word;
        l.text = v.text;
        break;
      default:
        fail(v, "expected a value");
    }
    next();
    return l;
  }

  std::vector<token> t_;
  std::size_t pos_ = 0;
};

std::string_view op_text(op o) {
  switch (o) {
    case op::eq:
      return "=";
    case op::ne:
      return "!=";
    case op::lt:
      return "<";
    case op::le:
      return "<=";
    case op::gt:
      return ">";
    case op::ge:
      return ">=";
    case op::in:
      return "in";
  }
  return "?";
}

void validate_into(const expr& e, const field_set& fields, std::vector<error>& out) {
  switch (e->k) {
    case node::kind::and_:
    case node::kind::or_:
      validate_into(e->left, fields, out);
      validate_into(e->right, fields, out);
      return;
    case node::kind::not_:
      validate_into(e->left, fields, out);
      return;
    case node::kind::bare:
    case node::kind::compare:
      break;
  }
  const field_def* f = fields.find(e->field);
  if (!f) {
    out.push_back({e->column, "unknown field '" + e->field + "' (see corpus/velden.yaml)"});
    return;
  }
  const std::string type(to_string(f->type));
  if (e->k == node::kind::bare) {
    if (f->type != field_type::ja_nee)
      out.push_back({e->column, "field '" + f->name + "' is " + type +
                                    ", not ja_nee: compare it with a value"});
    return;
  }
  bool ordering = e->oper == op::lt || e->oper == op::le || e->oper == op::gt || e->oper == op::ge;
  if (ordering && !is_numeric(f->type))
    out.push_back({e->column, "cannot order field '" + f->name + "' (" + type + ") with '" +
                                  std::string(op_text(e->oper)) + "'"});
  for (const auto& l : e->values) {
    auto bad = [&](const std::string& want) {
      out.push_back({l.column, "field '" + f->name + "' is " + type + ": expected " + want +
                                   ", found '" + l.text + "'"});
    };
    switch (f->type) {
      case field_type::getal:
      case field_type::bedrag:
      case field_type::jaar:
        if (l.k != literal::kind::number) bad("a number");
        break;
      case field_type::ja_nee:
        if (l.k != literal::kind::yes && l.k != literal::kind::no) bad("ja or nee");
        break;
      case field_type::keuze:
        if (l.k != literal::kind::word && l.k != literal::kind::quoted) {
          bad("one of its values");
        } else if (!f->find_choice(l.text)) {
          out.push_back({l.column, "'" + l.text + "' is not a value of field '" + f->name + "'"});
        }
        break;
      case field_type::tekst:
        if (l.k != literal::kind::word && l.k != literal::kind::quoted) bad("text");
        break;
    }
  }
}

bool literal_equals(const literal& l, const value& v) {
  if (auto d = std::get_if<double>(&v)) return l.k == literal::kind::number && l.number == *d;
  if (auto b = std::get_if<bool>(&v))
    return (l.k == literal::kind::yes && *b) || (l.k == literal::kind::no && !*b);
  return fold(l.text) == fold(std::get<std::string>(v));
}

truth compare(const node& n, const value& v) {
  if (n.oper == op::in || n.oper == op::eq || n.oper == op::ne) {
    bool any = false;
    for (const auto& l : n.values) any = any || literal_equals(l, v);
    if (n.oper == op::ne) any = !any;
    return any ? truth::yes : truth::no;
  }
  auto d = std::get_if<double>(&v);
  if (!d) return truth::unknown;  // validation rules this out; stay safe on unvalidated rules
  double r = n.values.front().number;
  bool res = false;
  switch (n.oper) {
    case op::lt:
      res = *d < r;
      break;
    case op::le:
      res = *d <= r;
      break;
    case op::gt:
      res = *d > r;
      break;
    case op::ge:
      res = *d >= r;
      break;
    default:
      break;
  }
  return res ? truth::yes : truth::no;
}

std::string literal_text(const literal& l) {
  if (l.k == literal::kind::quoted) {
    std::string out = "\"";
    for (char c : l.text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  }
  return l.text;
}

int precedence(const expr& e) {
  switch (e->k) {
    case node::kind::or_:
      return 1;
    case node::kind::and_:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

std::variant<expr, error> parse(std::string_view text) {
  try {
    parser p(lex(text));
    return p.parse_all();
  } catch (const syntax_error& e) {
    return e.e;
  }
}

std::vector<error> validate(const expr& e, const field_set& fields) {
  std::vector<error> out;
  validate_into(e, fields, out);
  return out;
}

truth evaluate(const expr& e, const profile& p, std::set<std::string>* missing) {
  switch (e->k) {
    case node::kind::and_:
    case node::kind::or_: {
      std::set<std::string> ml, mr;
      truth l = evaluate(e->left, p, missing ? &ml : nullptr);
      truth r = evaluate(e->right, p, missing ? &mr : nullptr);
      truth res = e->k == node::kind::and_ ? (l && r) : (l || r);
      // Only unknown sides of an unknown result decide it: their missing fields are the open ones.
      if (missing && res == truth::unknown) {
        if (l == truth::unknown) missing->insert(ml.begin(), ml.end());
        if (r == truth::unknown) missing->insert(mr.begin(), mr.end());
      }
      return res;
    }
    case node::kind::not_:
      return !evaluate(e->left, p, missing);
    case node::kind::bare: {
      const value* v = p.get(e->field);
      if (!v) {
        if (missing) missing->insert(e->field);
        return truth::unknown;
      }
      auto b = std::get_if<bool>(v);
      if (!b) return truth::unknown;
      return *b ? truth::yes : truth::no;
    }
    case node::kind::compare: {
      const value* v = p.get(e->field);
      if (!v) {
        if (missing) missing->insert(e->field);
        return truth::unknown;
      }
      return compare(*e, *v);
    }
  }
  return truth::unknown;
}

std::set<std::string> fields_of(const expr& e) {
  std::set<std::string> out;
  if (e->left) out.merge(fields_of(e->left));
  if (e->right) out.merge(fields_of(e->right));
  if (e->k == node::kind::bare || e->k == node::kind::compare) out.insert(e->field);
  return out;
}

std::string to_string(const expr& e) {
  auto sub = [&](const expr& child) {
    std::string s = to_string(child);
    return precedence(child) < precedence(e) ? "(" + s + ")" : s;
  };
  switch (e->k) {
    case node::kind::and_:
      return sub(e->left) + " en " + sub(e->right);
    case node::kind::or_:
      return sub(e->left) + " of " + sub(e->right);
    case node::kind::not_: {
      std::string s = to_string(e->left);
      return "niet " + (precedence(e->left) < 3 ? "(" + s + ")" : s);
    }
    case node::kind::bare:
      return e->field;
    case node::kind::compare: {
      if (e->oper == op::in) {
        std::string s = e->field + " in [";
        for (std::size_t i = 0; i < e->values.size(); ++i)
          s += (i ? ", " : "") + literal_text(e->values[i]);
        return s + "]";
      }
      return e->field + " " + std::string(op_text(e->oper)) + " " + literal_text(e->values[0]);
    }
  }
  return "";
}

}  // namespace kb::rule
