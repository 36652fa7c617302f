#include "kb/corpus.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "kb/front_matter.hpp"
#include "kb/text.hpp"
#include "kb/yaml_util.hpp"

namespace kb {

const std::vector<std::string>& instrument_kinds() {
  static const std::vector<std::string> v = {"lening",       "subsidie",     "garantie",
                                             "participatie", "voucher",      "fiscaal",
                                             "advies",       "crowdfunding", "alternatief"};
  return v;
}
const std::vector<std::string>& instrument_phases() {
  static const std::vector<std::string> v = {"start",    "groei",     "innovatie",
                                             "overname", "doorstart", "verduurzaming"};
  return v;
}
const std::vector<std::string>& instrument_statuses() {
  static const std::vector<std::string> v = {"open", "gesloten", "verlopen", "doorlopend"};
  return v;
}

region_fit fit_region(const instrument& inst, std::string_view provincie,
                      std::string_view gemeente) {
  bool national = false;
  for (const auto& r : inst.regions) {
    std::string_view reg = r;
    if (reg == "nederland")
      national = true;
    else if (reg == "oost-nederland" && (provincie == "overijssel" || provincie == "gelderland"))
      return region_fit::covers;
    else if (reg == "overijssel" && provincie == "overijssel")
      return region_fit::covers;
    else if (reg.substr(0, 10) == "provincie:" && reg.substr(10) == provincie)
      return region_fit::covers;
    else if (reg.substr(0, 9) == "gemeente:" && !gemeente.empty() && reg.substr(9) == gemeente)
      return region_fit::covers;
  }
  return national ? region_fit::nationwide : region_fit::elsewhere;
}

const instrument* corpus::find(std::string_view id) const {
  auto it = std::lower_bound(instruments.begin(), instruments.end(), id,
                             [](const instrument& i, std::string_view v) { return i.id < v; });
  return it != instruments.end() && it->id == id ? &*it : nullptr;
}

std::size_t corpus::criteria_count() const {
  std::size_t n = 0;
  for (const auto& i : instruments) n += i.criteria.size();
  return n;
}

namespace {

bool one_of(const std::vector<std::string>& allowed, const std::string& v) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

std::string list_text(const std::vector<std::string>& v) {
  return join(v, ", ");
}

bool valid_id(const std::string& id) {
  static const std::regex re("[a-z0-9]+(-[a-z0-9]+)*");
  return std::regex_match(id, re);
}

bool valid_url(const std::string& u) {
  static const std::regex re(R"(https?://[^\s/$.?#][^\s]*)");
  return std::regex_match(u, re);
}

/// Checks one `regio` entry; returns an error message or empty.
std::string check_region(const std::string& r, const place_index& places) {
  if (r == "nederland" || r == "oost-nederland" || r == "overijssel") return {};
  if (r.rfind("provincie:", 0) == 0) {
    auto p = r.substr(10);
    if (one_of(provinces(), p)) return {};
    return "unknown provincie '" + p + "' in regio (allowed: " + list_text(provinces()) + ")";
  }
  if (r.rfind("gemeente:", 0) == 0) {
    auto g = r.substr(9);
    if (places.size() == 0 || places.is_gemeente(g)) return {};
    return "unknown gemeente '" + g + "' in regio (not in plaatsen.tsv)";
  }
  return "regio '" + r +
         "' must be nederland, oost-nederland, overijssel, provincie:<naam> or gemeente:<naam>";
}

void load_criteria(const YAML::Node& list, const yaml::reader& r, const field_set& fields,
                   instrument& out) {
  if (!list.IsSequence()) {
    r.error(list, "'voorwaarden' must be a list of criteria");
    return;
  }
  std::set<std::string> ids;
  for (const auto& n : list) {
    if (!n.IsMap()) {
      r.error(n, "each criterion needs id, tekst and test");
      continue;
    }
    r.check_keys(n, {"id", "tekst", "test", "bron"}, "a criterion");
    criterion c;
    c.line = r.line_of(n);
    c.id = r.text(n, "id", true).value_or("");
    c.text = r.text(n, "tekst", true).value_or("");
    c.source = r.text(n, "bron", false).value_or("");
    auto test = r.text(n, "test", true);
    if (!c.id.empty() && !valid_id(c.id))
      r.error(n["id"], "criterion id '" + c.id + "' may only hold a-z, 0-9 and '-'");
    if (!c.id.empty() && !ids.insert(c.id).second)
      r.error(n["id"], "duplicate criterion id '" + c.id + "'");
    if (test) {
      c.test_source = *test;
      int line = r.line_of(n["test"]);
      auto parsed = rule::parse(*test);
      if (auto* e = std::get_if<rule::error>(&parsed)) {
        r.error_line(line, "criterion '" + c.id + "': rule syntax at column " +
                               std::to_string(e->column) + ": " + e->message);
      } else {
        auto expr = std::get<rule::expr>(parsed);
        auto errors = rule::validate(expr, fields);
        for (const auto& e2 : errors)
          r.error_line(line, "criterion '" + c.id + "': rule at column " +
                                 std::to_string(e2.column) + ": " + e2.message);
        if (errors.empty()) c.test = expr;
      }
    }
    out.criteria.push_back(std::move(c));
  }
}

}  // namespace

bool load_instrument(const std::filesystem::path& file, const field_set& fields,
                     const place_index& places, diagnostics& diag, date today, instrument& out) {
  const std::string path = file.string();
  const std::size_t errors_before = diag.error_count();
  auto text = yaml::read_file(path, diag);
  if (!text) return false;
  front_matter_error fe;
  auto fm = split_front_matter(*text, fe);
  if (!fm) {
    diag.error(path, fe.line, fe.message);
    return false;
  }
  const int offset = fm->yaml_line;
  auto parsed = yaml::parse(fm->yaml, path, offset, diag);
  if (!parsed) return false;
  const YAML::Node& n = *parsed;
  yaml::reader r(path, offset, diag);
  if (!n.IsMap()) {
    r.error_line(offset, "front matter must be a map of key: value lines");
    return false;
  }
  r.check_keys(
      n,
      {"id", "titel", "aanbieder", "soort", "fasen", "regio", "status", "bronnen",
       "laatst_gecontroleerd", "samenvatting", "doelgroep", "bedrag_min", "bedrag_max",
       "open_vanaf", "open_tot", "trefwoorden", "voorbeeldvragen", "voorbehoud", "voorwaarden"},
      "the front matter");
  out.path = path;
  out.body = fm->body;
  out.body_line = fm->body_line;
  // Missing required keys are reported at the opening line, where the reader will look.
  auto req = [&](const char* key) {
    if (!n[key] || n[key].IsNull()) {
      diag.error(path, 1, std::string("missing required key '") + key + "'");
      return false;
    }
    return true;
  };
  if (req("id")) {
    out.id = r.text(n, "id", true).value_or("");
    auto stem = file.stem().string();
    if (!valid_id(out.id))
      r.error(n["id"], "id '" + out.id + "' may only hold a-z, 0-9 and single '-'");
    else if (out.id != stem)
      r.error(n["id"], "id '" + out.id + "' must equal the file name '" + stem + "'");
  }
  if (req("titel")) out.title = r.text(n, "titel", true).value_or("");
  if (req("aanbieder")) out.provider = r.text(n, "aanbieder", true).value_or("");
  if (req("soort")) {
    out.kind = r.text(n, "soort", true).value_or("");
    if (!out.kind.empty() && !one_of(instrument_kinds(), out.kind))
      r.error(n["soort"],
              "unknown soort '" + out.kind + "' (allowed: " + list_text(instrument_kinds()) + ")");
  }
  if (req("fasen")) {
    out.phases = r.list(n, "fasen", {.required = true, .scalar_ok = true})
                     .value_or(std::vector<std::string>{});
    if (n["fasen"].IsSequence() && out.phases.empty()) r.error(n["fasen"], "'fasen' is empty");
    for (const auto& f : out.phases)
      if (!one_of(instrument_phases(), f))
        r.error(n["fasen"],
                "unknown fase '" + f + "' (allowed: " + list_text(instrument_phases()) + ")");
  }
  if (req("regio")) {
    out.regions = r.list(n, "regio", {.required = true, .scalar_ok = true})
                      .value_or(std::vector<std::string>{});
    if (n["regio"].IsSequence() && out.regions.empty()) r.error(n["regio"], "'regio' is empty");
    for (auto& reg : out.regions) {
      auto msg = check_region(reg, places);
      if (!msg.empty())
        r.error(n["regio"], msg);
      else if (reg.rfind("gemeente:", 0) == 0 && places.size())
        reg = "gemeente:" + places.gemeente_name(reg.substr(9));
    }
  }
  if (req("status")) {
    out.status = r.text(n, "status", true).value_or("");
    if (!out.status.empty() && !one_of(instrument_statuses(), out.status))
      r.error(n["status"], "unknown status '" + out.status +
                               "' (allowed: " + list_text(instrument_statuses()) + ")");
  }
  if (req("bronnen")) {
    out.sources = r.list(n, "bronnen", {.required = true, .scalar_ok = true})
                      .value_or(std::vector<std::string>{});
    if (n["bronnen"].IsSequence() && out.sources.empty())
      r.error(n["bronnen"], "'bronnen' needs at least one URL");
    for (const auto& u : out.sources)
      if (!valid_url(u)) r.error(n["bronnen"], "bron '" + u + "' is not a URL (https://...)");
  }
  if (req("laatst_gecontroleerd")) {
    if (auto d = r.day(n, "laatst_gecontroleerd", true)) {
      out.last_checked = *d;
      if (*d > today)
        r.error(n["laatst_gecontroleerd"],
                "laatst_gecontroleerd " + d->str() + " is in the future");
      else if (today.days() - d->days() > 365)
        r.warning(n["laatst_gecontroleerd"],
                  "laatst_gecontroleerd " + d->str() + " is more than 12 months ago");
    }
  }
  out.summary = r.text(n, "samenvatting", false).value_or("");
  out.audience = r.text(n, "doelgroep", false).value_or("");
  out.caveat = r.text(n, "voorbehoud", false).value_or("");
  out.amount_min = r.number(n, "bedrag_min", false);
  out.amount_max = r.number(n, "bedrag_max", false);
  if (out.amount_min && *out.amount_min < 0) r.error(n["bedrag_min"], "bedrag_min is negative");
  if (out.amount_max && *out.amount_max < 0) r.error(n["bedrag_max"], "bedrag_max is negative");
  if (out.amount_min && out.amount_max && *out.amount_min > *out.amount_max)
    r.error(n["bedrag_max"], "bedrag_max is smaller than bedrag_min");
  out.open_from = r.day(n, "open_vanaf", false);
  out.open_until = r.day(n, "open_tot", false);
  if (out.open_from && out.open_until && *out.open_from > *out.open_until)
    r.error(n["open_tot"], "open_tot is before open_vanaf");
  if (out.open_until && *out.open_until < today && out.status == "open")
    r.warning(n["open_tot"],
              "open_tot " + out.open_until->str() + " is in the past but status is 'open'");
  // A keyword listed twice would weigh twice as much in the index.
  out.keywords = r.list(n, "trefwoorden", {.distinct = true}).value_or(std::vector<std::string>{});
  out.example_questions =
      r.list(n, "voorbeeldvragen", {.distinct = true}).value_or(std::vector<std::string>{});
  if (YAML::Node v = n["voorwaarden"]) load_criteria(v, r, fields, out);
  if (trim(out.body).empty())
    diag.error(path, fm->body_line, "the body after the front matter is empty");
  return diag.error_count() == errors_before;
}

corpus load_corpus(const std::filesystem::path& dir, diagnostics& diag, date today) {
  corpus c;
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) {
    diag.error(dir.string(), 0, "not a corpus directory");
    return c;
  }
  c.places = load_places(dir / "plaatsen.tsv", diag);
  c.fields = load_fields(dir / "velden.yaml", diag);
  c.fields.attach_places(c.places);
  c.synonyms = load_synonyms(dir / "synoniemen.txt", diag);
  c.desks = load_desks(dir / "loketten.yaml", c.places, diag);

  const fs::path idir = dir / "instrumenten";
  if (!fs::is_directory(idir)) {
    diag.error(idir.string(), 0, "missing directory of instruments");
  } else {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(idir))
      if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      instrument inst;
      try {
        load_instrument(f, c.fields, c.places, diag, today, inst);
      } catch (const std::exception& e) {
        // A malformed file must never stop the check of the others.
        diag.error(f.string(), 0, std::string("cannot read: ") + e.what());
        continue;
      }
      if (!inst.id.empty()) c.instruments.push_back(std::move(inst));
    }
    std::sort(c.instruments.begin(), c.instruments.end(),
              [](const instrument& a, const instrument& b) { return a.id < b.id; });
  }

  const fs::path golden = dir / "toetsvragen.tsv";
  if (fs::exists(golden)) {
    c.golden = load_questions(golden, diag);
    for (const auto& q : c.golden)
      for (const auto& id : q.expected)
        if (!c.find(id)) diag.error(golden.string(), q.line, "unknown instrument id '" + id + "'");
  }
  return c;
}

}  // namespace kb
