/** @file gen_corpus.hpp
 *  @brief A generated corpus of instrument-like documents for the search benchmarks.
 *
 *  The documents follow docs/corpus.md (they load and index like real instruments), but their text
 *  is sampled: words from the shipped instruments (most frequent first) followed by words from the
 *  wdutch list, drawn with a Zipf-like distribution (rank r has weight 1/r), 100-300 body words
 *  per document, and five example questions of 6-20 words. Titles, keywords, providers, regions,
 *  amounts and conditions vary; conditions are copied from the shipped instruments so that every
 *  rule is valid against the copied velden.yaml. Deterministic for a given seed.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace bench {

struct gen_options {
  std::size_t documents = 100000;
  std::uint64_t seed = 20261127;
  std::filesystem::path shipped;  ///< the shipped corpus: word source, criteria, support files
  std::filesystem::path word_list = "/usr/share/dict/dutch";
};

/// What a generated corpus was made with; stored in OUT/.generated when generation completes.
std::string gen_stamp(const gen_options& o);

/// True when `out` holds a completely generated corpus with the same stamp.
bool corpus_is_current(const gen_options& o, const std::filesystem::path& out);

/// Replaces `out` by a generated corpus: instrumenten/gen-NNNNNN.md plus copies of velden.yaml,
/// plaatsen.tsv, synoniemen.txt and loketten.yaml. Writes OUT/.generated last. Throws
/// std::runtime_error when the shipped corpus or the word list cannot be read.
void generate_corpus(const gen_options& o, const std::filesystem::path& out);

}  // namespace bench
