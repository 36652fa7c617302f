/** @file champions.hpp
 *  @brief An index's champion lists, held in memory: the texts that have a word in their title or
 *  keywords (the `C` terms, index.hpp), for the first pass over a large index.
 *
 *  On 100,000 texts a long question's champion terms have up to 65,000 postings. Ranking them
 *  with Xapian's matcher took 2.5-4.5 ms (an OR tree of up to 30 posting lists, ~70 ns a posting,
 *  most of a slow question's time); adding the lists up into an array takes 0.3-1.2 ms.
 *  The lists are short (1.7 million postings, about 12 MB on 100,000 texts), so they are read
 *  once, when a generation is opened, and shared read-only by every thread.
 */
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace indexer {

/// Xapian's BM25 idf for a term that `texts` of `documents` texts have (without the (k1 + 1)
/// factor), as BM25Weight computes it: positive even for a term in most texts.
double bm25_idf(Xapian::doccount documents, Xapian::doccount texts);

class champion_lists {
 public:
  /** A text and its weight. */
  struct scored {
    Xapian::docid did;
    double weight;
  };

  /// Reads the postings of every `C` term of `db` (0.3 s on 100,000 texts).
  explicit champion_lists(const Xapian::Database& db);

  /// The best `n` texts for `terms` (`C` terms; a term listed twice counts once), best first, ties
  /// by docid: the order and weights Xapian's BM25Weight(k1, 0, 1, 0, 0.5) gives an OR of the
  /// terms. With b = 0 a text's length does not count, as a word in the title counts the same
  /// however long the body is. Thread-safe.
  std::vector<scored> best(std::vector<std::string> terms, std::size_t n, double k1) const;

  /// Texts with `term` in their title or keywords.
  Xapian::doccount frequency(const std::string& term) const;

 private:
  struct list {
    std::uint32_t first, size;  ///< into docids_ and wdfs_
    std::uint8_t max_wdf;
  };
  std::unordered_map<std::string, list> lists_;
  std::vector<Xapian::docid> docids_;  ///< every list's docids, ascending within a list
  std::vector<std::uint8_t> wdfs_;     ///< the wdf of each posting, at most 255
  Xapian::doccount documents_ = 0;
  Xapian::docid last_docid_ = 0;
};

}  // namespace indexer
