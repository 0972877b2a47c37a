// Owns reading a catalogue db's activities one at a time, as the screens show them, with the
// last ones read kept parsed: the kiosk holds a screenful of activities, not 10,000. Used on one
// thread at a time (the kiosk's main thread). Must not include sqlite3 or any UI.
#pragma once

#include <functional>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "catalogue_db.h"
#include "core/activity_source.h"

namespace brugpunt::store {

class DbActivities final : public core::ActivitySource {
  public:
    using LogFn = std::function<void(const std::string&)>;
    // kept: how many parsed activities stay in memory (the most recently read).
    DbActivities(std::shared_ptr<const CatalogueDb> db, size_t count, size_t kept = kKept);

    size_t Count() const override { return m_count; }
    std::shared_ptr<const core::Activity> At(size_t position) const override;
    std::shared_ptr<const core::Activity> Find(std::string_view id) const override;

    // Where an activity that cannot be read is reported, once per position (the kiosk's log).
    void SetLog(LogFn log) { m_log = std::move(log); }
    // How many activities are parsed in memory now; at most `kept`.
    size_t Kept() const { return m_by_position.size(); }

    // Two screens of cards and the activities chosen: what a visitor goes back and forth between.
    static constexpr size_t kKept = 128;

  private:
    std::shared_ptr<const CatalogueDb> m_db;
    size_t m_count;
    size_t m_kept;
    LogFn m_log;
    // Least recently read at the back.
    mutable std::list<std::pair<size_t, std::shared_ptr<const core::Activity>>> m_recent;
    mutable std::unordered_map<size_t, decltype(m_recent)::iterator> m_by_position;
    mutable std::unordered_set<size_t> m_reported;
};

}  // namespace brugpunt::store
