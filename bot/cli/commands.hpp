/** @file commands.hpp
 *  @brief The subcommands of the `finwijzer` executable.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bot::cli {

/** A subcommand: `run` gets the arguments after its name and returns the exit code. */
struct command {
  std::string_view name;
  std::string_view summary;  ///< one line for `finwijzer help`
  std::string_view usage;    ///< full text for `finwijzer <name> --help`
  int (*run)(const std::vector<std::string>& argv);
};

/// All subcommands, in the order `help` lists them.
const std::vector<command>& commands();

int run_check(const std::vector<std::string>& argv);
int run_eligible(const std::vector<std::string>& argv);
int run_index(const std::vector<std::string>& argv);
int run_ask(const std::vector<std::string>& argv);
int run_serve(const std::vector<std::string>& argv);

extern const char* const check_usage;
extern const char* const eligible_usage;
extern const char* const index_usage;
extern const char* const ask_usage;
extern const char* const serve_usage;

}  // namespace bot::cli
