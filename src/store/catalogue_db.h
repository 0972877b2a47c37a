// Owns the SQLite catalogue db: schema, load, FTS5 search and indexed filters.
// sqlite3.h appears only in the .cpp; callers see core types.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/filter.h"
#include "core/result.h"

struct sqlite3;

namespace brugpunt::store {

class CatalogueDb {
  public:
    // Opens or creates the db at path (":memory:" for a private one) and ensures the schema.
    static core::Result<CatalogueDb> Open(const std::string& path);

    // Replaces the whole catalogue in one transaction: readers see the old or the new one.
    core::VoidResult Replace(const core::Catalogue& catalogue);
    core::Result<core::Catalogue> Load() const;

    // Activity ids that pass the filter, in catalogue order. Filter::text is matched with FTS5,
    // word-prefix and diacritics-insensitive, over titles and summaries.
    core::Result<std::vector<std::string>> Search(const core::Filter& filter) const;

    // The SQL query plan for a filter, so a test can prove the indexes are used.
    core::Result<std::string> ExplainSearch(const core::Filter& filter) const;

  private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    explicit CatalogueDb(sqlite3* db) : m_db(db) {}
    std::unique_ptr<sqlite3, Closer> m_db;
};

// "café", "zwem" -> "\"café\"* \"zwem\"*": each word a quoted prefix term, so no user text is
// ever read as FTS5 syntax. Empty when the text has no words.
std::string FtsQueryFromText(const std::string& text);

}  // namespace brugpunt::store
