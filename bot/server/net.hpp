/** @file net.hpp
 *  @brief Namespace aliases shared by the Beast parts of the server (as in Beast's chat-multi).
 */
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

namespace bot::server {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = boost::asio::ip::tcp;

}  // namespace bot::server
