#include <boost/system/system_error.hpp>

#include <iostream>

#include "bot/cli/args.hpp"
#include "bot/cli/commands.hpp"
#include "bot/server/server.hpp"

namespace bot::cli {

const char* const serve_usage =
    "usage: finwijzer serve --index DIR [--listen HOST:PORT] [--web DIR] [--threads N]\n"
    "                       [--io-threads N] [--max-connections N]\n"
    "\n"
    "Serves the chat on one port: the pages in --web (/ is index.html), the websocket /ws\n"
    "(docs/protocol.md), GET /healthz and GET /metrics (Prometheus). A newly published index in\n"
    "DIR is picked up without a restart. SIGTERM or SIGINT: stop accepting, finish the answers in\n"
    "flight, close the websockets (1001) and exit within 5 seconds; a second signal stops at "
    "once.\n"
    "\n"
    "  --listen HOST:PORT     address to listen on (default 127.0.0.1:8080; port 0: any free)\n"
    "  --web DIR              static files (default web)\n"
    "  --threads N            advisor threads, each with its own index handles (1-64, default 2)\n"
    "  --io-threads N         network threads (1-2, default 1)\n"
    "  --max-connections N    websocket connections at once; more get HTTP 503 (default 1000)\n"
    "\n"
    "Logs one line per event on standard error.\n"
    "exit status: 0 stopped by a signal, 1 cannot listen or start, 2 usage error\n";

namespace {

/// "127.0.0.1:8080", "[::1]:8080" or "localhost:8080".
void parse_listen(const std::string& s, server::options& o) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == s.size())
    throw usage_error("--listen needs HOST:PORT, not '" + s + "'");
  std::string host = s.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  const std::string port = s.substr(colon + 1);
  long n = -1;
  try {
    std::size_t used = 0;
    n = std::stol(port, &used);
    if (used != port.size()) n = -1;
  } catch (const std::exception&) {
  }
  if (n < 0 || n > 65535) throw usage_error("--listen: '" + port + "' is not a port number");
  o.address = host;
  o.port = static_cast<unsigned short>(n);
}

}  // namespace

int run_serve(const std::vector<std::string>& argv) {
  args a(argv, {"index", "listen", "web", "threads", "io-threads", "max-connections"}, {});
  if (!a.positional().empty()) throw usage_error("unexpected argument '" + a.positional()[0] + "'");
  server::options o;
  o.index_dir = a.require("index");
  const std::string listen = a.get("listen").value_or("127.0.0.1:8080");
  parse_listen(listen, o);
  o.web_dir = a.get("web").value_or("web");
  o.worker_threads = static_cast<unsigned>(a.number("threads", 2, 1, 64));
  o.io_threads = static_cast<unsigned>(a.number("io-threads", 1, 1, 2));
  o.max_connections = static_cast<std::size_t>(a.number("max-connections", 1000, 1, 100000));
  o.handle_signals = true;
  try {
    server::server s(std::move(o));
    s.run();
    return 0;
  } catch (const boost::system::system_error& e) {
    std::cerr << "finwijzer serve: cannot listen on " << listen << ": " << e.code().message()
              << "\n";
    return 1;
  }
}

}  // namespace bot::cli
