#include "bot/server/worker.hpp"

namespace bot::server {

namespace {

/// This thread's advisor, rebuilt when the snapshot changes. Destroyed when the pool thread ends,
/// so its Xapian handles die on the thread that made them.
advisor& advisor_for(const std::shared_ptr<const indexer::snapshot>& snap) {
  thread_local std::unique_ptr<advisor> mine;
  if (!mine || &mine->snap() != snap.get()) {
    mine.reset();  // free the old generation's handles before opening the new one
    mine = std::make_unique<advisor>(snap);
  }
  return *mine;
}

}  // namespace

job_result run_job(index_cache& index, const job& j, conversation conv, std::size_t limit) {
  job_result r;
  try {
    auto snap = index.get();
    if (!snap) {
      r.error = error_code::unavailable;
      r.detail = "no index is published";
      return r;
    }
    r.generation = snap->generation;
    if (j.what == job::kind::answer_field && !snap->corpus.fields.find(j.field)) {
      r.error = error_code::bad_request;
      r.message = "Dit gegeven ken ik niet.";
      r.detail = "unknown field '" + j.field + "'";
      return r;
    }
    advisor& adv = advisor_for(snap);
    if (j.what == job::kind::ask)
      r.body = adv.ask(conv, j.text, limit);
    else
      r.body = adv.answer_field(conv, j.field, j.value, limit);
    r.conv = std::move(conv);
  } catch (const kb::profile_error& e) {
    r.error = error_code::bad_request;
    r.message = "Dit antwoord past niet bij de vraag. Kijk of u het goed hebt ingevuld.";
    r.detail = e.what();
  } catch (const std::exception& e) {
    r.error = error_code::internal;
    r.detail = e.what();
  }
  return r;
}

}  // namespace bot::server
