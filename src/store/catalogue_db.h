// Owns the SQLite catalogue db: schema, load, FTS5 search and indexed filters.
// sqlite3.h appears only in the .cpp; callers see core types.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "core/filter.h"
#include "core/result.h"
#include "pause.h"

struct sqlite3;

namespace brugpunt::store {

class CatalogueDb {
  public:
    // Opens or creates the db at path (":memory:" for a private one) and ensures the schema.
    static core::Result<CatalogueDb> Open(const std::string& path);
    // Opens an existing catalogue db for reading only, as the kiosk shows it: an error when the
    // file is missing, is not a catalogue db, or was written with another schema.
    static core::Result<CatalogueDb> OpenReadOnly(const std::string& path);

    // Replaces the whole catalogue in one transaction: readers see the old or the new one. Fails
    // (kInvalid), writing nothing, when an activity would not read back as the screens read it.
    // source_sha256 records the catalogue source it was made from (empty: not recorded).
    core::VoidResult Replace(const core::Catalogue& catalogue, const std::string& source_sha256 = "",
                             const Pause& pause = {});
    core::Result<core::Catalogue> Load() const;
    // The catalogue without its activities (municipality, desk, categories, holidays), and how
    // many activities there are: what the kiosk keeps in memory. An error when the db is damaged
    // (its search rows and its activities do not agree).
    core::Result<core::Catalogue> LoadHeader(size_t& activity_count) const;
    // One activity, read and parsed from its document.
    core::Result<core::Activity> ActivityAt(size_t position) const;
    // Where the activity with this id is; nullopt when the catalogue has none.
    core::Result<std::optional<size_t>> PositionOf(std::string_view id) const;
    // The sha256 recorded by Replace; empty when none was.
    std::string SourceSha256() const;

    // Activity ids that pass the filter, in catalogue order. Filter::text is matched with FTS5,
    // word-prefix and diacritics-insensitive, over titles and summaries.
    core::Result<std::vector<std::string>> Search(const core::Filter& filter) const;
    // The same, as positions in the catalogue (indexes into what Load returns), so a caller that
    // holds the loaded catalogue finds each activity without looking its id up. With `digests`,
    // also a digest of each one's content: equal in two catalogues when the activity is the same.
    core::Result<std::vector<size_t>> SearchPositions(const core::Filter& filter,
                                                      std::vector<uint64_t>* digests = nullptr) const;

    // The SQL query plan for a filter, so a test can prove the indexes are used.
    core::Result<std::string> ExplainSearch(const core::Filter& filter) const;

  private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    // The search statements already prepared, by their SQL: a list screen asks the same few
    // shapes of query over and over, so each is compiled once.
    struct Statements;
    struct StatementsDeleter {
        void operator()(Statements* s) const;
    };
    explicit CatalogueDb(sqlite3* db);
    std::unique_ptr<sqlite3, Closer> m_db;
    // Declared after m_db, so every statement is finalized before the db is closed.
    std::unique_ptr<Statements, StatementsDeleter> m_statements;
};

// "café", "zwem" -> "\"café\"* \"zwem\"*": each word a quoted prefix term, so no user text is
// ever read as FTS5 syntax. Empty when the text has no words.
std::string FtsQueryFromText(const std::string& text);

}  // namespace brugpunt::store
