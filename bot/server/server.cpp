#include "bot/server/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "bot/server/listener.hpp"
#include "bot/server/shared_state.hpp"

namespace bot::server {

struct server::impl {
  explicit impl(options o);

  void run_io();
  void arm_sweep();
  void arm_index_check();
  void wait_signal();
  void request_stop(bool hard);

  // Declared first, destroyed last: everything below may still hold handlers on it.
  net::io_context ioc;
  net::thread_pool pool;
  std::shared_ptr<shared_state> state;
  std::shared_ptr<listener> lst;
  // The server's own timers and signals share one strand: with two I/O threads, a cancel() from
  // the stop must not race a handler that re-arms the same timer.
  net::strand<net::io_context::executor_type> strand{net::make_strand(ioc)};
  net::steady_timer sweep_timer{strand};
  net::steady_timer index_timer{strand};
  net::signal_set signals{strand};
  std::atomic<bool> index_check_queued{false};

  std::mutex mu;  // guards the four fields below
  std::condition_variable cv;
  bool stop_requested = false;
  bool shutdown_begun = false;  // begin_shutdown ran: the acceptor is closed, sessions told
  bool hard_stop = false;
  std::chrono::steady_clock::time_point stop_time;
};

namespace {

void check(const options& o) {
  if (o.io_threads < 1 || o.io_threads > 8)
    throw std::invalid_argument("io_threads must be from 1 to 8");
  if (o.worker_threads < 1 || o.worker_threads > 64)
    throw std::invalid_argument("worker_threads must be from 1 to 64");
  if (o.max_connections < 1) throw std::invalid_argument("max_connections must be at least 1");
  if (o.questions_per_second < 1 || o.write_queue_limit < 1 || o.max_message < 1024)
    throw std::invalid_argument("a limit is too small");
}

}  // namespace

server::impl::impl(options o)
    : ioc(static_cast<int>(o.io_threads)),
      pool(o.worker_threads),
      state((check(o), std::make_shared<shared_state>(o, pool))) {
  const auto& log = state->log();
  if (!state->index().get())
    log("index", "no index published in " + o.index_dir.string() +
                     " yet: questions get 'unavailable' until one is");
  if (state->files().root().empty())
    log("server", "web root " + o.web_dir.string() + " not found: no pages are served");
  const auto address = net::ip::make_address(o.address);
  lst = std::make_shared<listener>(ioc, tcp::endpoint(address, o.port), state);
  log("server", "listening on " + o.address + ":" + std::to_string(lst->local_endpoint().port()) +
                    " (" + std::to_string(o.io_threads) + " I/O thread(s), " +
                    std::to_string(o.worker_threads) + " advisor thread(s))");
}

server::server(options opts) : impl_(std::make_unique<impl>(std::move(opts))) {}

server::~server() = default;

unsigned short server::port() const {
  return impl_->lst->local_endpoint().port();
}

void server::impl::run_io() {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {  // a bug in a handler: log it and keep serving
      state->log()("server", std::string("internal error in an I/O thread: ") + e.what());
    }
  }
}

void server::impl::arm_sweep() {
  sweep_timer.expires_after(state->opts().sweep_interval);
  sweep_timer.async_wait([this](beast::error_code ec) {
    if (ec || state->stopping()) return;
    if (auto n = state->sessions().sweep())
      state->log()("sessions", std::to_string(n) + " idle session(s) expired");
    arm_sweep();
  });
}

void server::impl::arm_index_check() {
  // A new generation is picked up even when nobody asks anything (so /healthz shows it). The
  // check may open an index, which blocks: it runs on the pool, never on an I/O thread.
  index_timer.expires_after(state->opts().index_check_interval);
  index_timer.async_wait([this](beast::error_code ec) {
    if (ec || state->stopping()) return;
    if (!index_check_queued.exchange(true))
      net::post(pool, [this] {
        state->index().get();
        index_check_queued = false;
      });
    arm_index_check();
  });
}

void server::impl::wait_signal() {
  signals.async_wait([this](beast::error_code ec, int sig) {
    if (ec) return;
    const bool again = [&] {
      std::lock_guard lock(mu);
      return stop_requested;
    }();
    state->log()("server", std::string(sig == SIGTERM ? "SIGTERM" : "SIGINT") +
                               (again ? " again: stopping now" : ": stopping"));
    request_stop(again);
    if (!again) wait_signal();
  });
}

void server::impl::request_stop(bool hard) {
  {
    std::lock_guard lock(mu);
    if (hard) hard_stop = true;
    if (stop_requested) {
      cv.notify_all();
      return;
    }
    stop_requested = true;
    stop_time = std::chrono::steady_clock::now();
  }
  cv.notify_all();
  net::post(strand, [this] {
    lst->stop();
    sweep_timer.cancel();
    index_timer.cancel();
    state->begin_shutdown();
    {
      std::lock_guard lock(mu);
      shutdown_begun = true;
    }
    cv.notify_all();
  });
}

void server::run() {
  auto& m = *impl_;
  m.lst->run();
  m.arm_sweep();
  m.arm_index_check();
  if (m.state->opts().handle_signals) {
    m.signals.add(SIGINT);
    m.signals.add(SIGTERM);
    m.wait_signal();
  }
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < m.state->opts().io_threads; ++i)
    threads.emplace_back([&m] { m.run_io(); });

  std::chrono::steady_clock::time_point deadline;
  {
    std::unique_lock lock(m.mu);
    m.cv.wait(lock, [&] { return m.stop_requested; });
    deadline = m.stop_time + m.state->opts().shutdown_grace;
    // Until the I/O side has closed the acceptor, "no connections" means nothing yet.
    m.cv.wait_until(lock, deadline, [&] { return m.shutdown_begun || m.hard_stop; });
  }
  // Answers in flight finish and websockets close with 1001; past the deadline (or on a second
  // signal) whatever is left is cut off.
  bool idle = false;
  for (;;) {
    const auto slice = std::min(deadline, std::chrono::steady_clock::now() + 50ms);
    idle = m.state->wait_until_idle(slice);
    std::lock_guard lock(m.mu);
    if (idle || m.hard_stop || std::chrono::steady_clock::now() >= deadline) break;
  }
  if (!idle) m.state->log()("server", "stopping hard: connections still open");
  m.ioc.stop();
  for (auto& t : threads) t.join();
  m.pool.stop();  // questions still queued are dropped; the one running finishes
  m.pool.join();
  m.state->log()("server", "stopped");
}

void server::stop() {
  impl_->request_stop(false);
}

}  // namespace bot::server
