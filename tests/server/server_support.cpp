#include "server_support.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <iostream>

#include "indexer/index.hpp"
#include "test_support.hpp"

namespace test {

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& p, std::string_view text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

unsigned publish_index(const fs::path& dir) {
  kb::diagnostics diag;
  return indexer::build_index(fs::path(FINWIJZER_SOURCE_DIR) / "corpus", dir, diag,
                              kb::date{2026, 11, 27})
      .generation;
}

const fs::path& shared_index() {
  static temp_dir dir;
  static const bool built = [] {
    publish_index(dir.path());
    return true;
  }();
  (void)built;
  return dir.path();
}

const fs::path& web_root() {
  static temp_dir dir;
  static const fs::path root = [] {
    const fs::path web = dir.path() / "web";
    write_file(web / "index.html", "<!doctype html><title>Finwijzer</title>\n");
    write_file(web / "app.js", "console.log('hallo');\n");
    write_file(web / "style.css", "body { color: black; }\n");
    write_file(web / "data.json", "{\"a\": 1}\n");
    write_file(web / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    write_file(web / "icon.png", "\x89PNG\r\n");
    write_file(web / "favicon.ico", "ico");
    write_file(web / "font.woff2", "wOF2");
    write_file(web / "sub" / "index.html", "<p>sub</p>\n");
    write_file(web / ".hidden.txt", "secret\n");
    write_file(web / "notes.xyz", "unknown type\n");
    write_file(dir.path() / "outside" / "secret.txt", "outside the web root\n");
    fs::create_symlink("index.html", web / "alias.html");
    fs::create_symlink("../outside/secret.txt", web / "escape.txt");
    fs::create_directory_symlink("../outside", web / "escdir");
    return web;
  }();
  return root;
}

bot::server::log_sink log_capture::sink() {
  return [this](std::string_view line) {
    std::cerr << line << "\n";
    {
      std::lock_guard lock(mu_);
      lines_.emplace_back(line);
    }
    cv_.notify_all();
  };
}

bool log_capture::contains(std::string_view text) const {
  std::lock_guard lock(mu_);
  for (const auto& l : lines_)
    if (l.find(text) != std::string::npos) return true;
  return false;
}

bool log_capture::wait_for(std::string_view text, ms timeout) const {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] {
    for (const auto& l : lines_)
      if (l.find(text) != std::string::npos) return true;
    return false;
  });
}

bot::server::options test_options() {
  bot::server::options o;
  o.index_dir = shared_index();
  o.web_dir = web_root();
  o.address = "127.0.0.1";
  o.port = 0;
  o.worker_threads = 1;  // each advisor opens Hunspell and the index: one is enough here
  o.io_threads = 2;      // two, so that the strands are really needed
  return o;
}

running_server::running_server(bot::server::options o) {
  o.log = log_.sink();
  server_ = std::make_unique<bot::server::server>(std::move(o));
  thread_ = std::thread([this] {
    server_->run();
    std::lock_guard lock(mu_);
    stopped_ = true;
    cv_.notify_all();
  });
}

running_server::~running_server() {
  server_->stop();
  if (!wait_stopped(10s)) ADD_FAILURE() << "the server did not stop within 10 s";
  thread_.join();
}

bool running_server::wait_stopped(ms timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return stopped_; });
}

bool wait_for_generation(unsigned short port, unsigned generation, ms timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto r = http(port, "GET", "/healthz");
    if (r.status == 200) {
      auto v = boost::json::parse(r.body);
      if (v.as_object().at("generation").to_number<unsigned>() == generation) return true;
    }
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

}  // namespace test
