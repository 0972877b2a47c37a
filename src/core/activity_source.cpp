// Owns the in-memory ActivitySource: each activity is handed out as a view that keeps the whole
// catalogue alive, so nothing is copied.
#include "activity_source.h"

namespace brugpunt::core {

CatalogueActivities::CatalogueActivities(CataloguePtr catalogue)
    : m_catalogue(catalogue ? std::move(catalogue) : std::make_shared<const Catalogue>()) {
    m_index.reserve(m_catalogue->activities.size());
    for (size_t i = 0; i < m_catalogue->activities.size(); ++i)
        m_index.emplace(m_catalogue->activities[i].id, i);  // the first of a repeated id wins
}

size_t CatalogueActivities::Count() const {
    return m_catalogue->activities.size();
}

std::shared_ptr<const Activity> CatalogueActivities::At(size_t position) const {
    if (position >= m_catalogue->activities.size()) return nullptr;
    return std::shared_ptr<const Activity>(m_catalogue, &m_catalogue->activities[position]);
}

std::shared_ptr<const Activity> CatalogueActivities::Find(std::string_view id) const {
    auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : At(it->second);
}

}  // namespace brugpunt::core
