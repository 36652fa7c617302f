// finwijzer: one executable, one subcommand per task (check, eligible, index, ask, serve).
#include <iostream>
#include <string>
#include <vector>

#include "bot/cli/args.hpp"
#include "bot/cli/commands.hpp"

namespace {

int help() {
  std::cout << "usage: finwijzer <command> [options]\n\ncommands:\n";
  for (const auto& c : bot::cli::commands())
    std::cout << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << "\n";
  std::cout << "\n'finwijzer <command> --help' shows a command's options.\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    help();
    return 2;
  }
  const std::string name = args[0];
  if (name == "help" || name == "--help" || name == "-h") return help();
  for (const auto& c : bot::cli::commands()) {
    if (c.name != name) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& r : rest)
      if (r == "--help" || r == "-h") {
        std::cout << c.usage;
        return 0;
      }
    try {
      return c.run(rest);
    } catch (const bot::cli::usage_error& e) {
      std::cerr << "finwijzer " << name << ": " << e.what() << "\n\n" << c.usage;
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "finwijzer " << name << ": " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "finwijzer: unknown command '" << name << "'; 'finwijzer help' lists them\n";
  return 2;
}
