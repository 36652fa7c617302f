#include "bot/cli/commands.hpp"

namespace bot::cli {

const std::vector<command>& commands() {
  static const std::vector<command> list = {
      {"check", "validate a corpus directory", check_usage, run_check},
      {"eligible", "evaluate scheme rules against a profile", eligible_usage, run_eligible},
      {"index", "build and publish the search index of a corpus", index_usage, run_index},
      {"ask", "answer a question from the index", ask_usage, run_ask},
      {"serve", "serve the chat (websocket, pages, health, metrics)", serve_usage, run_serve},
  };
  return list;
}

}  // namespace bot::cli
