#include "bot/advisor.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "kb/eligibility.hpp"
#include "kb/text.hpp"

namespace bot {

namespace {

namespace json = boost::json;

json::array string_array(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

/// "€ 1.500.000" for amounts; plain digits for other numbers.
std::string display_number(double v, bool euro) {
  std::string digits = kb::value_to_string(v);
  if (!euro || digits.find('.') != std::string::npos) return digits;
  std::string out;
  int n = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (n && n % 3 == 0) out.insert(out.begin(), '.');
    out.insert(out.begin(), *it);
    ++n;
  }
  return "€ " + out;
}

std::string display_value(const kb::field_def& f, const kb::value& v) {
  if (auto b = std::get_if<bool>(&v)) return *b ? "ja" : "nee";
  if (auto d = std::get_if<double>(&v)) return display_number(*d, f.type == kb::field_type::bedrag);
  const std::string& s = std::get<std::string>(v);
  if (f.choices_from_places) return kb::dutch_title_case(s);
  if (const kb::choice* c = f.find_choice(s)) return c->label;
  return s;
}

/// A JSON value as a profile value; null stays nullopt.
std::optional<kb::value> to_value(const json::value& v) {
  if (v.is_null()) return std::nullopt;
  if (v.is_bool()) return kb::value{v.as_bool()};
  if (v.is_string()) return kb::value{std::string(v.as_string())};
  if (v.is_number()) return kb::value{v.to_number<double>()};
  throw kb::profile_error("a value must be a number, true/false or text");
}

/// True when the instrument's region includes the profile's place (nationwide always does).
bool covers(const kb::instrument& inst, const kb::profile& p) {
  auto text = [&](const char* f) {
    const kb::value* v = p.get(f);
    return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : std::string();
  };
  return kb::fit_region(inst, text("provincie"), text("gemeente")) != kb::region_fit::elsewhere;
}

std::string join_dutch(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  if (items.size() == 1) return items[0];
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return kb::join(head, ", ") + " en " + items.back();
}

/// A question with at most two words of substance ("ik zoek geld").
bool is_vague(std::string_view question) {
  std::size_t content_words = 0;
  for (const auto& w : kb::split(kb::fold(question), ' ')) content_words += w.size() > 3;
  return content_words <= 2;
}

}  // namespace

boost::json::array understood_json(const kb::profile& p, const kb::field_set& fields) {
  json::array out;
  for (const auto& [name, v] : p.values()) {
    const kb::field_def* f = fields.find(name);
    if (!f) continue;
    json::object u;
    u["field"] = name;
    u["label"] = f->label;
    u["value"] = kb::value_to_json(v);
    u["display"] = display_value(*f, v);
    u["derived"] = p.is_derived(name);
    u["type"] = std::string(kb::to_string(f->type));
    out.push_back(std::move(u));
  }
  return out;
}

boost::json::object conversation_to_json(const conversation& c) {
  json::object o;
  json::object stated;
  for (const auto& [k, v] : c.profile.values())
    if (!c.profile.is_derived(k)) stated[k] = kb::value_to_json(v);
  o["profile"] = std::move(stated);
  o["asked"] = string_array({c.asked.begin(), c.asked.end()});
  o["last_question"] = c.last_question;
  return o;
}

conversation conversation_from_json(const boost::json::value& v, const kb::field_set& fields,
                                    const kb::place_index& places) {
  if (!v.is_object()) throw kb::profile_error("a conversation must be a JSON object");
  const auto& o = v.as_object();
  conversation c;
  if (auto* p = o.if_contains("profile")) c.profile = kb::profile_from_json(*p, fields, places);
  if (auto* a = o.if_contains("asked"); a && a->is_array())
    for (const auto& f : a->as_array())
      if (f.is_string()) c.asked.insert(std::string(f.as_string()));
  if (auto* q = o.if_contains("last_question"); q && q->is_string())
    c.last_question = std::string(q->as_string());
  return c;
}

advisor::advisor(std::shared_ptr<const indexer::snapshot> snap)
    : searcher_(snap), extractor_(snap->corpus.fields, snap->corpus.places) {}

search_result advisor::search_for(const conversation& c, const std::string& question,
                                  std::size_t limit) {
  std::optional<named_place> known;
  const kb::value* g = c.profile.get("gemeente");
  const kb::value* p = c.profile.get("provincie");
  if (p && std::holds_alternative<std::string>(*p)) {
    named_place np;
    np.provincie = std::get<std::string>(*p);
    if (g && std::holds_alternative<std::string>(*g)) np.gemeente = std::get<std::string>(*g);
    np.surface = np.gemeente.empty() ? np.provincie : np.gemeente;
    known = np;
  }
  preferences prefs;
  const kb::value* doel = c.profile.get("doel");
  if (doel && std::holds_alternative<std::string>(*doel))
    if (const kb::field_def* f = snap().corpus.fields.find("doel"))
      if (const kb::choice* ch = f->find_choice(std::get<std::string>(*doel))) {
        prefs.phase = ch->phase;
        // A vague question ("ik zoek geld") is searched together with the purpose's label.
        if (is_vague(question)) prefs.context = ch->label;
      }
  if (const kb::value* amount = c.profile.get("financieringsbedrag"))
    if (auto d = std::get_if<double>(amount)) prefs.amount = *d;
  if (const kb::value* cost = c.profile.get("investeringsbedrag"))
    if (auto d = std::get_if<double>(cost)) prefs.investment = *d;
  for (const auto& inst : snap().corpus.instruments)
    if (!inst.criteria.empty() && kb::assess(inst, c.profile).result == kb::verdict::ineligible)
      prefs.ineligible.insert(inst.id);
  return searcher_.search(question, limit, known, &prefs);
}

boost::json::object advisor::ask(conversation& c, std::string_view text, std::size_t limit) {
  const auto& corpus = snap().corpus;
  const kb::date today = kb::date::today();
  // Facts are read from the message as corrected: "ovtrnemen" is "overnemen", a purpose.
  const auto fixed = searcher_.corrected(text);
  const std::string_view read = fixed ? std::string_view(*fixed) : text;
  auto facts = extractor_.extract(read, today);
  kb::apply_facts(c.profile, facts, corpus.fields, corpus.places, today);
  for (const auto& f : facts) c.asked.erase(f.field);

  // A message that only states facts ("we zijn met 12 man") answers the earlier question: search
  // that again. A message with a topic of its own (doel and sector are topics) is a new question.
  std::string rest = kb::fold(read);
  for (const auto& f : facts) {
    if (f.field == "doel" || f.field == "sector") continue;
    auto ev = kb::fold(f.evidence);
    if (auto pos = rest.find(ev); !ev.empty() && pos != std::string::npos)
      rest.erase(pos, ev.size());
  }
  bool only_facts = !facts.empty() && searcher_.search(rest, 1).matches.empty();
  if (!only_facts || c.last_question.empty()) c.last_question = std::string(text);
  return compose(c, search_for(c, c.last_question, limit));
}

boost::json::object advisor::answer_field(conversation& c, const std::string& field,
                                          const boost::json::value& value, std::size_t limit) {
  const auto& corpus = snap().corpus;
  const kb::field_def* f = corpus.fields.find(field);
  if (!f) throw kb::profile_error("unknown field '" + field + "'");
  auto v = to_value(value);
  if (!v) {
    c.profile.erase(field);
  } else {
    c.profile.set(field, kb::canonical_value(*f, *v, corpus.places));
  }
  // A new gemeente must not keep an old provincie that was stated for another place.
  if (field == "gemeente" && c.profile.has("provincie") && !c.profile.is_derived("provincie"))
    c.profile.erase("provincie");
  c.profile.derive(corpus.fields, corpus.places, kb::date::today());
  c.asked.insert(field);
  return compose(c, search_for(c, c.last_question, limit));
}

boost::json::object advisor::compose(conversation& c, const search_result& r) {
  const auto& corpus = snap().corpus;
  json::object out = to_json(r);

  // What was understood, so the user can see and correct it.
  out["profile"] = kb::profile_to_json(c.profile);
  out["understood"] = understood_json(c.profile, corpus.fields);

  // Extra display data per match.
  auto& matches = out["matches"].as_array();
  for (std::size_t i = 0; i < matches.size() && i < r.matches.size(); ++i) {
    const kb::instrument& inst = *r.matches[i].inst;
    auto& m = matches[i].as_object();
    m["summary"] = inst.summary;
    m["amount_min"] = inst.amount_min ? json::value(*inst.amount_min) : json::value(nullptr);
    m["amount_max"] = inst.amount_max ? json::value(*inst.amount_max) : json::value(nullptr);
    m["caveat"] = inst.caveat.empty() ? json::value(nullptr) : json::value(inst.caveat);
    m["sources"] = string_array(inst.sources);
  }

  // Hints: matched instruments with conditions, plus vouchers for the user's region.
  std::vector<std::pair<const kb::instrument*, double>> hinted;  // instrument, rank weight
  for (std::size_t i = 0; i < r.matches.size(); ++i)
    if (!r.matches[i].inst->criteria.empty()) hinted.emplace_back(r.matches[i].inst, 1.0 / (i + 1));
  if (c.profile.has("provincie")) {
    for (const auto& inst : corpus.instruments) {
      if (inst.kind != "voucher" || inst.expired() || inst.criteria.empty() ||
          !covers(inst, c.profile))
        continue;
      bool seen =
          std::any_of(hinted.begin(), hinted.end(), [&](auto& h) { return h.first == &inst; });
      if (!seen) hinted.emplace_back(&inst, 0.25);
    }
  }
  json::array hints;
  std::map<std::string, double> field_votes;
  std::vector<std::string> eligible_titles, ineligible_lines;
  for (const auto& [inst, weight] : hinted) {
    auto a = kb::assess(*inst, c.profile);
    json::object h = kb::assessment_to_json(a);
    h["title"] = inst->title;
    json::array criteria;
    for (const auto& crit : inst->criteria) {
      const char* result = "open";
      if (std::find(a.met.begin(), a.met.end(), crit.id) != a.met.end()) result = "met";
      if (std::find(a.failed.begin(), a.failed.end(), crit.id) != a.failed.end()) result = "failed";
      criteria.push_back(json::object{
          {"id", crit.id}, {"text", crit.text}, {"source", crit.source}, {"result", result}});
      if (std::string(result) == "failed" && a.failed.front() == crit.id)
        ineligible_lines.push_back("Voor " + inst->title +
                                   " komt u niet in aanmerking: " + crit.text);
    }
    h["criteria"] = std::move(criteria);
    hints.push_back(std::move(h));
    if (a.result == kb::verdict::eligible) eligible_titles.push_back(inst->title);
    if (a.result == kb::verdict::unknown)
      for (const auto& f : a.open_fields) field_votes[f] += weight;
  }
  out["hints"] = std::move(hints);

  // The next question: the open field that decides the most hints, weighted by rank. A derived
  // field is asked through its base (gemeente for provincie). Known fields are never asked.
  std::map<std::string, double> votes;
  for (const auto& [name, w] : field_votes) {
    const kb::field_def* f = corpus.fields.find(name);
    std::string ask = f && !f->derived_from.empty() ? f->derived_from : name;
    if (c.profile.has(ask)) continue;
    votes[ask] += c.asked.count(ask) ? w / 2 : w;
  }
  // A vague question ("ik zoek geld") first needs the purpose. Ties go to the field listed first
  // in velden.yaml, where the easy questions come first.
  bool vague = r.matches.empty() || is_vague(c.last_question);
  std::string next;
  if (vague && !c.profile.has("doel")) {
    next = "doel";
  } else {
    double best_votes = 0;
    for (const auto& f : corpus.fields.all()) {
      auto it = votes.find(f.name);
      if (it != votes.end() && it->second > best_votes + 1e-9) {
        best_votes = it->second;
        next = f.name;
      }
    }
  }
  json::value followup = nullptr;
  std::string followup_question;
  if (const kb::field_def* f = next.empty() ? nullptr : corpus.fields.find(next)) {
    json::array options;
    if (f->type == kb::field_type::keuze && !f->choices_from_places) {
      for (const auto& ch : f->choices)
        options.push_back(json::object{{"label", ch.label}, {"value", ch.value}});
    } else if (f->type == kb::field_type::ja_nee) {
      options.push_back(json::object{{"label", "Ja"}, {"value", true}});
      options.push_back(json::object{{"label", "Nee"}, {"value", false}});
    } else {
      for (const auto& o : f->options)
        options.push_back(json::object{{"label", o.label}, {"value", o.value}});
    }
    followup = json::object{{"field", f->name},
                            {"question", f->question},
                            {"type", std::string(kb::to_string(f->type))},
                            {"options", std::move(options)}};
    followup_question = f->question;
  }
  out["followup"] = followup;

  // Where to get a person: the most specific desk for the user's gemeente.
  const kb::desk* desk = nullptr;
  const kb::value* g = c.profile.get("gemeente");
  std::string gemeente =
      g && std::holds_alternative<std::string>(*g) ? std::get<std::string>(*g) : "";
  int best = -1;
  for (const auto& d : corpus.desks) {
    int rank = d.everywhere ? 0
                            : (!gemeente.empty() && d.serves(gemeente, corpus.places)
                                   ? (d.gemeenten.empty() ? 1 : 2)
                                   : -1);
    if (rank > best) {
      best = rank;
      desk = &d;
    }
  }
  if (desk) {
    out["desk"] = json::object{
        {"id", desk->id},
        {"name", desk->name},
        {"description", desk->description},
        {"website", desk->website.empty() ? json::value(nullptr) : json::value(desk->website)},
        {"phone", desk->phone.empty() ? json::value(nullptr) : json::value(desk->phone)}};
  } else {
    out["desk"] = nullptr;
  }

  // The reply, in short B1 sentences composed from the data above.
  std::vector<std::string> s;
  if (r.did_you_mean) s.push_back("Bedoelde u: \"" + *r.did_you_mean + "\"?");
  if (r.matches.empty()) {
    s.push_back(vague ? "Ik help u graag zoeken." : "Ik heb niets gevonden dat past bij uw vraag.");
  } else {
    const kb::instrument& top = *r.matches[0].inst;
    s.push_back("Dit past het best bij uw vraag: " + top.title + ".");
    if (!top.summary.empty()) s.push_back(top.summary);
    if (!r.matches[0].why.empty() && r.matches[0].why[0].rfind("Past bij uw woorden: ", 0) == 0)
      s.push_back("Ik kies dit omdat u schreef: " + r.matches[0].why[0].substr(21));
    if (top.expired())
      s.push_back("Let op: deze regeling is verlopen. U kunt er niets meer aanvragen.");
    else if (!top.caveat.empty())
      s.push_back("Niet alles hierover is zeker. Kijk bij de bron of vraag het de aanbieder.");
    std::vector<std::string> others;
    for (std::size_t i = 1; i < r.matches.size() && i < 3; ++i)
      others.push_back(r.matches[i].inst->title);
    if (!others.empty()) s.push_back("Kijk ook naar " + join_dutch(others) + ".");
  }
  if (!eligible_titles.empty())
    s.push_back("U komt waarschijnlijk in aanmerking voor " + join_dutch(eligible_titles) +
                ". Controleer dit altijd bij de aanbieder.");
  for (std::size_t i = 0; i < ineligible_lines.size() && i < 2; ++i)
    s.push_back(ineligible_lines[i]);
  if (!followup_question.empty()) s.push_back("Om u beter te helpen: " + followup_question);
  if (desk) s.push_back("Wilt u met iemand praten? " + desk->name + " helpt u verder.");
  out["reply"] = kb::join(s, " ");
  return out;
}

}  // namespace bot
