// Owns how the screens read a catalogue's activities: one at a time, as they are shown, so the
// kiosk holds a screenful in memory and not the whole catalogue. Standard library only.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "activity.h"

namespace brugpunt::core {

class ActivitySource {
  public:
    virtual ~ActivitySource() = default;
    // How many activities the catalogue has; positions run from 0 to Count() - 1.
    virtual size_t Count() const = 0;
    // The activity at a position (the order of the catalogue, as searches answer it); nullptr
    // when there is none or it cannot be read (the source says why in the log, once).
    virtual std::shared_ptr<const Activity> At(size_t position) const = 0;
    virtual std::shared_ptr<const Activity> Find(std::string_view id) const = 0;
};

using ActivitySourcePtr = std::shared_ptr<const ActivitySource>;

// The activities of a catalogue held in memory (a test's, a source parsed without a db file).
class CatalogueActivities final : public ActivitySource {
  public:
    explicit CatalogueActivities(CataloguePtr catalogue);
    size_t Count() const override;
    std::shared_ptr<const Activity> At(size_t position) const override;
    std::shared_ptr<const Activity> Find(std::string_view id) const override;

  private:
    CataloguePtr m_catalogue;
    std::unordered_map<std::string_view, size_t> m_index;  // views into m_catalogue's ids
};

inline ActivitySourcePtr ActivitiesOf(CataloguePtr catalogue) {
    return std::make_shared<CatalogueActivities>(std::move(catalogue));
}

}  // namespace brugpunt::core
