// Owns DbActivities: a small most-recently-read cache in front of the catalogue db's documents.
#include "db_activities.h"

namespace brugpunt::store {

DbActivities::DbActivities(std::shared_ptr<const CatalogueDb> db, size_t count, size_t kept)
    : m_db(std::move(db)), m_count(count), m_kept(kept == 0 ? 1 : kept) {}

std::shared_ptr<const core::Activity> DbActivities::At(size_t position) const {
    if (position >= m_count || !m_db) return nullptr;
    if (auto it = m_by_position.find(position); it != m_by_position.end()) {
        m_recent.splice(m_recent.begin(), m_recent, it->second);
        return it->second->second;
    }
    auto read = m_db->ActivityAt(position);
    if (!read) {
        if (m_log && m_reported.insert(position).second)
            m_log("catalogue: activity " + std::to_string(position) + " cannot be read (" +
                  read.error().message + "); it is left out");
        return nullptr;
    }
    auto activity = std::make_shared<const core::Activity>(std::move(read.value()));
    m_recent.emplace_front(position, activity);
    m_by_position[position] = m_recent.begin();
    // Those evicted stay alive while a screen still holds them: the shared_ptr is theirs too.
    while (m_recent.size() > m_kept) {
        m_by_position.erase(m_recent.back().first);
        m_recent.pop_back();
    }
    return activity;
}

std::shared_ptr<const core::Activity> DbActivities::Find(std::string_view id) const {
    if (!m_db) return nullptr;
    auto position = m_db->PositionOf(id);
    if (!position) {
        if (m_log) m_log("catalogue: cannot look up an activity (" + position.error().message + ")");
        return nullptr;
    }
    return position.value() ? At(*position.value()) : nullptr;
}

}  // namespace brugpunt::store
