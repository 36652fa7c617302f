#include "bot/server/routes.hpp"

#include <boost/beast/core/file.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/version.hpp>
#include <boost/json.hpp>

namespace bot::server {

namespace http = boost::beast::http;

namespace {

// Dutch (B1) bodies for the error pages a person may see in a browser.
constexpr std::string_view not_found = "Deze pagina bestaat niet.\n";
constexpr std::string_view bad_target = "Dit adres kan ik niet lezen.\n";
constexpr std::string_view not_allowed = "Dit kan hier niet. U kunt deze pagina alleen opvragen.\n";
constexpr std::string_view need_websocket =
    "Dit adres is voor de chat. Open de chatpagina om met Finwijzer te praten.\n";

template <class Body>
void common_headers(http::response<Body>& res, const http_request& req, bool stopping) {
  res.set(http::field::server, "finwijzer");
  res.set("Content-Security-Policy", "default-src 'self'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  // While stopping, tell keep-alive clients to go: the connection closes after this response.
  res.keep_alive(req.keep_alive() && !stopping);
}

bool get_or_head(const http_request& req) {
  return req.method() == http::verb::get || req.method() == http::verb::head;
}

http::message_generator with_body(const http_request& req, http::status status,
                                  std::string_view content_type, std::string body, bool stopping,
                                  std::string_view cache = "no-store") {
  http::response<http::string_body> res{status, req.version()};
  common_headers(res, req, stopping);
  res.set(http::field::content_type, content_type);
  res.set(http::field::cache_control, cache);
  if (status == http::status::method_not_allowed) res.set(http::field::allow, "GET, HEAD");
  const auto size = body.size();
  if (req.method() != http::verb::head) res.body() = std::move(body);
  res.prepare_payload();
  if (req.method() == http::verb::head) res.content_length(size);
  return res;
}

http::message_generator healthz(shared_state& state, const http_request& req) {
  boost::json::object o;
  const unsigned generation = state.index().loaded_generation();
  o["status"] = generation ? "ok" : "no_index";
  o["generation"] = generation;
  o["uptime_seconds"] = static_cast<std::int64_t>(state.uptime_seconds());
  o["connections"] = state.stats().connections();
  return with_body(req, http::status::ok, "application/json", boost::json::serialize(o) + "\n",
                   state.stopping());
}

http::message_generator metrics_page(shared_state& state, const http_request& req) {
  return with_body(req, http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
                   state.stats().render(state.snapshot_for_metrics()), state.stopping());
}

http::message_generator file(shared_state& state, const http_request& req) {
  const bool stopping = state.stopping();
  const static_file f = state.files().resolve(req.target());
  if (f.status == 400) return text_response(req, http::status::bad_request, bad_target, stopping);
  if (f.status != 200) return text_response(req, http::status::not_found, not_found, stopping);

  boost::beast::error_code ec;
  http::file_body::value_type body;
  body.open(f.path.c_str(), boost::beast::file_mode::scan, ec);
  if (ec) return text_response(req, http::status::not_found, not_found, stopping);
  const auto size = body.size();
  if (req.method() == http::verb::head) {
    http::response<http::empty_body> res{http::status::ok, req.version()};
    common_headers(res, req, stopping);
    res.set(http::field::content_type, f.mime);
    res.set(http::field::cache_control, "no-cache");
    res.content_length(size);
    return res;
  }
  http::response<http::file_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                      std::make_tuple(http::status::ok, req.version())};
  common_headers(res, req, stopping);
  res.set(http::field::content_type, f.mime);
  res.set(http::field::cache_control, "no-cache");
  res.content_length(size);
  return res;
}

}  // namespace

std::string_view target_path(std::string_view target) {
  return target.substr(0, target.find_first_of("?#"));
}

http::message_generator text_response(const http_request& req, http::status status,
                                      std::string_view body, bool stopping) {
  return with_body(req, status, "text/plain; charset=utf-8", std::string(body), stopping);
}

http::message_generator handle_request(shared_state& state, http_request&& req) {
  const bool stopping = state.stopping();
  if (!get_or_head(req))
    return text_response(req, http::status::method_not_allowed, not_allowed, stopping);
  const std::string_view path = target_path(req.target());
  if (path == "/healthz") return healthz(state, req);
  if (path == "/metrics") return metrics_page(state, req);
  if (path == websocket_path) {
    http::response<http::string_body> res{http::status::upgrade_required, req.version()};
    common_headers(res, req, stopping);
    res.set(http::field::upgrade, "websocket");
    res.set(http::field::content_type, "text/plain; charset=utf-8");
    if (req.method() == http::verb::get) res.body() = need_websocket;
    res.prepare_payload();
    return res;
  }
  // Later: `/api/…` for the back office, behind its own authentication, goes here.
  return file(state, req);
}

}  // namespace bot::server
