#include "indexer/champions.hpp"

#include <algorithm>
#include <cmath>

namespace indexer {

double bm25_idf(Xapian::doccount documents, Xapian::doccount texts) {
  // bm25weight.cc: log((N - n + 0.5) / (n + 0.5)), kept positive for a term in most texts.
  double tw = (double(documents) - texts + 0.5) / (texts + 0.5);
  if (tw < 2) tw = std::max(tw, 1e-6) / 2 + 1;
  return std::log(tw);
}

champion_lists::champion_lists(const Xapian::Database& db)
    : documents_(db.get_doccount()), last_docid_(db.get_lastdocid()) {
  for (auto t = db.allterms_begin("C"); t != db.allterms_end("C"); ++t) {
    list l{std::uint32_t(docids_.size()), 0, 0};
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      docids_.push_back(*p);
      wdfs_.push_back(std::uint8_t(std::min<Xapian::termcount>(p.get_wdf(), 255)));
      l.max_wdf = std::max(l.max_wdf, wdfs_.back());
      ++l.size;
    }
    lists_.emplace(*t, l);
  }
}

Xapian::doccount champion_lists::frequency(const std::string& term) const {
  auto it = lists_.find(term);
  return it == lists_.end() ? 0 : it->second.size;
}

std::vector<champion_lists::scored> champion_lists::best(std::vector<std::string> terms,
                                                         std::size_t n, double k1) const {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  // Term at a time into one array per thread (-1: no term yet): only the touched entries are
  // reset afterwards, so a search costs its postings, not the size of the index.
  // Floats: the array for 100,000 texts then fits in this machine's 512 KB L2 cache.
  thread_local std::vector<float> acc;
  acc.resize(std::size_t(last_docid_) + 1, -1.0f);
  std::vector<Xapian::docid> touched;
  for (const auto& term : terms) {
    auto it = lists_.find(term);
    if (it == lists_.end()) continue;
    const list& l = it->second;
    // (k1 + 1) as Xapian has it, so that the weights are the same.
    const double idf = bm25_idf(documents_, l.size) * (k1 + 1);
    float part[256];  // by wdf: most are 1 or 2
    for (unsigned w = 0; w <= l.max_wdf; ++w) part[w] = float(idf * w / (k1 + w));
    for (std::uint32_t i = l.first; i < l.first + l.size; ++i) {
      float& a = acc[docids_[i]];
      if (a < 0) {
        a = 0;
        touched.push_back(docids_[i]);
      }
      a += part[wdfs_[i]];
    }
  }
  std::vector<scored> out;
  out.reserve(touched.size());
  for (Xapian::docid d : touched) {
    out.push_back({d, acc[d]});
    acc[d] = -1.0f;
  }
  auto better = [](const scored& a, const scored& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.did < b.did;
  };
  if (out.size() > n) {
    std::nth_element(out.begin(), out.begin() + std::ptrdiff_t(n), out.end(), better);
    out.resize(n);
  }
  std::sort(out.begin(), out.end(), better);
  return out;
}

}  // namespace indexer
