/** @file routes.hpp
 *  @brief HTTP routing, in one place: which target gets which answer.
 *
 *  `/ws` upgrades are taken over by http_session before this is reached. Everything else that
 *  the server answers over plain HTTP is decided here; a later `/api` for the back office goes
 *  beside `/healthz` and `/metrics`.
 */
#pragma once

#include <boost/beast/http/message_generator.hpp>
#include <boost/beast/http/string_body.hpp>

#include "bot/server/shared_state.hpp"

namespace bot::server {

using http_request = boost::beast::http::request<boost::beast::http::string_body>;

/// The path a websocket client connects to.
inline constexpr std::string_view websocket_path = "/ws";

/// The path part of a target ("/ws?session=…" → "/ws").
std::string_view target_path(std::string_view target);

/// Answers one plain HTTP request.
boost::beast::http::message_generator handle_request(shared_state& state, http_request&& req);

/// A small plain-text response (errors, 503 on the upgrade) with the security headers.
boost::beast::http::message_generator text_response(const http_request& req,
                                                    boost::beast::http::status status,
                                                    std::string_view body, bool stopping);

}  // namespace bot::server
