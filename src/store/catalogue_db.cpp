// Owns the SQLite catalogue db. The only file that speaks SQL for the catalogue.
#include "catalogue_db.h"

#include <filesystem>
#include <unordered_map>

#include "catalogue_json.h"
#include "sqlite_stmt.h"

namespace brugpunt::store {
namespace {

using namespace brugpunt::core;
using detail::Exec;
using detail::Stmt;

// 2: the db is a file the kiosk keeps (position is the rowid, shared with the text index, which
// has prefix indexes); a db of another version is made again from its source.
// 3: the rows a search reads are narrow (what a filter asks, and the dates in their own table);
// each activity's document is in a table of its own, read once at load; the planner has stats.
constexpr int kSchemaVersion = 3;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS activities(
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    for_whom TEXT NOT NULL,
    dutch TEXT NOT NULL,
    signup TEXT NOT NULL,
    status TEXT NOT NULL,
    trial INTEGER NOT NULL,
    age_min INTEGER NOT NULL,
    age_max INTEGER NOT NULL,
    days INTEGER NOT NULL,
    practise_dutch INTEGER NOT NULL,
    last_date TEXT,
    dated INTEGER NOT NULL,
    digest INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS activity_dates(
    position INTEGER NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(position INTEGER PRIMARY KEY, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS activities_by_category ON activities(category, position);
CREATE INDEX IF NOT EXISTS activity_dates_by_position ON activity_dates(position);
CREATE VIRTUAL TABLE IF NOT EXISTS activities_fts USING fts5(
    title, summary, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
)sql";

Error DbError(sqlite3* db, const std::string& what) {
    return {ErrorCode::kDatabase, what + ": " + sqlite3_errmsg(db)};
}

// FNV-1a over an activity's document: equal documents, equal digests, so a list can keep what it
// measured of an activity that a new catalogue did not change.
long long Digest(const std::string& doc) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : doc) h = (h ^ c) * 1099511628211ull;
    return static_cast<long long>(h);
}

// The digest of what a row shows of `a`, whose document is `doc`. Its clips are resolved in the
// catalogue's folder, which is a new one (v8/) for every synced version: they count by file name
// (a media file's name is its hash), so a sync does not make every row new.
long long RowDigest(const Activity& a, const std::string& doc) {
    if (a.clips.empty()) return Digest(doc);
    Activity named = a;
    for (auto& clip : named.clips) clip.file = std::filesystem::path(clip.file).filename().string();
    return Digest(ActivityToJson(named));
}

long long DayMask(const std::vector<Weekday>& days) {
    long long mask = 0;
    for (auto d : days) mask |= 1LL << static_cast<int>(d);
    return mask;
}

struct SearchSql {
    std::string sql;
    std::vector<std::string> text_args;  // bound first, in order
    std::vector<long long> int_args;     // bound after the text ones
};

// column: what each row answers, "a.id" or "a.position".
SearchSql BuildSearch(const Filter& f, const char* column) {
    SearchSql q;
    std::string fts = FtsQueryFromText(f.text);
    q.sql = std::string("SELECT ") + column + " FROM activities a";
    std::string where = " WHERE 1";
    if (!fts.empty()) {
        q.sql += " JOIN activities_fts f ON f.rowid = a.position";
        where += " AND activities_fts MATCH ?";
        q.text_args.push_back(fts);
    }
    if (!f.category.empty()) {
        where += " AND a.category = ?";
        q.text_args.push_back(f.category);
    }
    if (f.girls_only) {
        where += " AND a.for_whom = ?";
        q.text_args.push_back(std::string(ForWhomCode(ForWhom::kGirlsWomen)));
    }
    if (f.places_free) {
        where += " AND a.status = ?";
        q.text_args.push_back(std::string(StatusCode(Status::kPlacesFree)));
    }
    if (f.no_dutch) {
        where += " AND a.dutch = ?";
        q.text_args.push_back(std::string(DutchNeededCode(DutchNeeded::kNone)));
    }
    if (f.practise_dutch) where += " AND a.practise_dutch = 1";
    if (f.walk_in) {
        where += " AND a.signup = ?";
        q.text_args.push_back(std::string(SignupCode(Signup::kWalkIn)));
    }
    if (f.free_only) where += " AND a.price_cents = 0";
    if (f.open_on != Date{})
        where += " AND (a.last_date IS NULL OR a.last_date >= '" + FormatDate(f.open_on) + "')";
    if (f.trial) where += " AND a.trial = 1";
    if (!f.ages.empty()) {
        // One child's range, or each of them: OR for "fits one of them", AND for "together".
        where += " AND (";
        for (size_t i = 0; i < f.ages.size(); ++i) {
            if (i) where += f.together ? " AND " : " OR ";
            where += "(a.age_min <= ? AND a.age_max >= ?)";
            q.int_args.push_back(f.ages[i]);
            q.int_args.push_back(f.ages[i]);
        }
        where += ")";
    }
    if (f.day) {
        where += " AND (a.days & ?) != 0";
        q.int_args.push_back(1LL << static_cast<int>(*f.day));
    }
    // The same meaning as Activity::TakesPlaceBetween. Dates are ISO text, so they compare as
    // text; a range that was never resolved matches nothing.
    if (f.when != When::kAny) {
        if (f.when_first == Date{}) {
            where += " AND 0";
        } else {
            std::string first = FormatDate(f.when_first), last = FormatDate(f.when_last);
            std::string dated =
                "EXISTS (SELECT 1 FROM activity_dates o WHERE o.position = a.position AND o.first <= '" +
                last + "' AND o.last >= '" + first + "')";
            std::string weekly = "0";
            if (f.when_weekly) {
                weekly.clear();
                for (Date d = f.when_first; d <= f.when_last && DaysBetween(f.when_first, d) < 7;
                     d = AddDays(d, 1)) {
                    if (!weekly.empty()) weekly += " OR ";
                    weekly += "((a.days & " + std::to_string(1LL << static_cast<int>(WeekdayOf(d))) +
                              ") != 0 AND coalesce(a.last_date, '9999') >= '" + FormatDate(d) + "')";
                }
            }
            where += " AND (CASE WHEN a.dated THEN " + dated + " ELSE (" + weekly + ") END)";
        }
    }
    q.sql += where + " ORDER BY a.position";
    return q;
}

void BindSearch(Stmt& stmt, const SearchSql& q) {
    int i = 1;
    for (const auto& t : q.text_args) stmt.Bind(i++, t);
    for (auto v : q.int_args) stmt.Bind(i++, v);
}

// The meta value for key; empty when there is none.
std::string MetaValue(sqlite3* db, const char* key) {
    Stmt stmt(db, "SELECT value FROM meta WHERE key = ?");
    if (!stmt.ok()) return "";
    stmt.Bind(1, std::string(key));
    return stmt.Step() == SQLITE_ROW ? stmt.Text(0) : "";
}

}  // namespace

// A handful of query shapes are asked over and over (a category, its chips, a word); the dates of
// "deze week" are part of the SQL, so the cache is bounded and simply starts again when full.
struct CatalogueDb::Statements {
    static constexpr size_t kMax = 64;
    std::unordered_map<std::string, std::unique_ptr<Stmt>> by_sql;

    Stmt* Get(sqlite3* db, const std::string& sql) {
        if (auto it = by_sql.find(sql); it != by_sql.end()) {
            it->second->Reset();
            return it->second.get();
        }
        if (by_sql.size() >= kMax) by_sql.clear();
        auto stmt = std::make_unique<Stmt>(db, sql);
        if (!stmt->ok()) return nullptr;
        return by_sql.emplace(sql, std::move(stmt)).first->second.get();
    }
};

void CatalogueDb::StatementsDeleter::operator()(Statements* s) const {
    delete s;
}

void CatalogueDb::Closer::operator()(sqlite3* db) const {
    sqlite3_close(db);
}

CatalogueDb::CatalogueDb(sqlite3* db) : m_db(db), m_statements(new Statements) {}

std::string FtsQueryFromText(const std::string& text) {
    std::string out, word;
    auto flush = [&]() {
        if (word.empty()) return;
        if (!out.empty()) out += ' ';
        out += '"' + word + "\"*";
        word.clear();
    };
    for (unsigned char c : text) {
        // Split on ASCII punctuation and space; keep every byte >= 0x80 so UTF-8 letters stay whole.
        bool letter = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter)
            word += static_cast<char>(c);
        else
            flush();
    }
    flush();
    return out;
}

Result<CatalogueDb> CatalogueDb::Open(const std::string& path) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    CatalogueDb db(raw);
    if (rc != SQLITE_OK) return DbError(raw, "cannot open catalogue db '" + path + "'");
    std::string version = MetaValue(raw, "schema_version");
    if (!version.empty() && version != std::to_string(kSchemaVersion))
        return Error{ErrorCode::kInvalid, "catalogue db '" + path + "' has schema " + version + ", not " +
                                              std::to_string(kSchemaVersion)};
    if (auto s = Exec(raw, kSchema); !s) return Error{ErrorCode::kDatabase, "schema: " + s.error().message};
    return db;
}

Result<CatalogueDb> CatalogueDb::OpenReadOnly(const std::string& path) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    CatalogueDb db(raw);
    if (rc != SQLITE_OK) return DbError(raw, "cannot open catalogue db '" + path + "'");
    std::string version = MetaValue(raw, "schema_version");
    if (version.empty())
        return Error{ErrorCode::kInvalid, "'" + path + "' is not a catalogue db (or it is damaged)"};
    if (version != std::to_string(kSchemaVersion))
        return Error{ErrorCode::kInvalid, "catalogue db '" + path + "' has schema " + version + ", not " +
                                              std::to_string(kSchemaVersion)};
    return db;
}

std::string CatalogueDb::SourceSha256() const {
    return MetaValue(m_db.get(), "source_sha256");
}

VoidResult CatalogueDb::Replace(const Catalogue& catalogue, const std::string& source_sha256,
                                const Pause& pause) {
    sqlite3* db = m_db.get();
    if (auto s = Exec(db, "BEGIN IMMEDIATE"); !s) return s;
    auto fail = [&](const std::string& what) -> VoidResult {
        Error e = DbError(db, what);
        Exec(db, "ROLLBACK");
        return e;
    };
    if (!Exec(db,
              "DELETE FROM activities; DELETE FROM activity_dates; DELETE FROM documents;"
              " DELETE FROM activities_fts; DELETE FROM meta;"))
        return fail("clear");

    Stmt meta(db, "INSERT INTO meta(key, value) VALUES (?, ?)");
    if (!meta.ok()) return fail("prepare meta");
    meta.Bind(1, std::string("schema_version"));
    meta.Bind(2, std::to_string(kSchemaVersion));
    if (meta.Step() != SQLITE_DONE) return fail("write meta");
    meta.Reset();
    meta.Bind(1, std::string("catalogue"));
    meta.Bind(2, CatalogueHeaderToJson(catalogue));
    if (meta.Step() != SQLITE_DONE) return fail("write meta");
    if (!source_sha256.empty()) {
        meta.Reset();
        meta.Bind(1, std::string("source_sha256"));
        meta.Bind(2, source_sha256);
        if (meta.Step() != SQLITE_DONE) return fail("write meta");
    }

    Stmt row(db,
             "INSERT INTO activities(id, position, category, price_cents, for_whom, dutch, signup, status,"
             " trial, age_min, age_max, days, practise_dutch, last_date, dated, digest)"
             " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Stmt date(db, "INSERT INTO activity_dates(position, first, last) VALUES (?,?,?)");
    Stmt doc(db, "INSERT INTO documents(position, doc) VALUES (?,?)");
    Stmt fts(db, "INSERT INTO activities_fts(rowid, title, summary) VALUES (?,?,?)");
    if (!row.ok() || !date.ok() || !doc.ok() || !fts.ok()) return fail("prepare insert");
    long long position = 0;
    for (const auto& a : catalogue.activities) {
        if (pause && position % 16 == 15) pause();  // inside the transaction: nobody else writes here
        row.Bind(1, a.id);
        row.Bind(2, position);
        row.Bind(3, a.category);
        // Unknown is stored as a value no filter asks for (-1, ""), so it never passes one.
        row.Bind(4, static_cast<long long>(a.price.cents.value_or(-1)));
        row.Bind(5, std::string(ForWhomCode(a.audience.for_whom)));
        row.Bind(6, a.audience.dutch ? std::string(DutchNeededCode(*a.audience.dutch)) : std::string());
        row.Bind(7, a.audience.signup ? std::string(SignupCode(*a.audience.signup)) : std::string());
        row.Bind(8, a.availability.status ? std::string(StatusCode(*a.availability.status)) : std::string());
        row.Bind(9, static_cast<long long>(a.TrialOffered()));
        row.Bind(10, static_cast<long long>(a.audience.age_min));
        row.Bind(11, static_cast<long long>(a.audience.age_max));
        row.Bind(12, DayMask(a.schedule.days));
        row.Bind(13, static_cast<long long>(a.audience.practise_dutch));
        if (a.schedule.last_date)
            row.Bind(14, FormatDate(*a.schedule.last_date));
        else
            row.BindNull(14);
        row.Bind(15, static_cast<long long>(!a.schedule.dates.empty()));
        std::string document = ActivityToJson(a);
        // What a screen reads back later must read: a catalogue with an activity that would not
        // (one without its "last checked" date) is refused whole, here, not when a visitor opens it.
        if (auto back = ActivityFromJson(document); !back) {
            Exec(db, "ROLLBACK");
            return Error{ErrorCode::kInvalid,
                         "activity '" + a.id + "' cannot be shown: " + back.error().message};
        }
        row.Bind(16, RowDigest(a, document));
        if (row.Step() != SQLITE_DONE) return fail("insert activity '" + a.id + "'");
        row.Reset();
        for (const Occurrence& o : a.schedule.dates) {
            date.Bind(1, position);
            date.Bind(2, FormatDate(o.first));
            date.Bind(3, FormatDate(o.last));
            if (date.Step() != SQLITE_DONE) return fail("insert the dates of '" + a.id + "'");
            date.Reset();
        }
        doc.Bind(1, position);
        doc.Bind(2, document);
        if (doc.Step() != SQLITE_DONE) return fail("insert activity '" + a.id + "'");
        doc.Reset();
        fts.Bind(1, position++);
        fts.Bind(2, a.title);
        fts.Bind(3, a.summary);
        if (fts.Step() != SQLITE_DONE) return fail("index activity '" + a.id + "'");
        fts.Reset();
    }
    // Statistics, so the planner walks the category index rather than a chip's few values.
    if (!Exec(db, "ANALYZE")) return fail("analyze");
    if (auto s = Exec(db, "COMMIT"); !s) return fail("commit");
    return Ok{};
}

Result<Catalogue> CatalogueDb::LoadHeader(size_t& activity_count) const {
    sqlite3* db = m_db.get();
    Stmt meta(db, "SELECT value FROM meta WHERE key = 'catalogue'");
    if (!meta.ok()) return DbError(db, "read meta");
    if (meta.Step() != SQLITE_ROW) return Error{ErrorCode::kNotFound, "the catalogue db is empty"};
    auto header = ParseCatalogueJson(meta.Text(0));
    if (!header) return Error{ErrorCode::kParse, "catalogue header: " + header.error().message};
    // Positions run from 0 without a gap in both tables, or a search would answer an activity
    // that is not there, the wrong one, or leave one out. Both are primary keys, so count, min
    // and max say it without reading a row.
    Stmt shape(
        db,
        "SELECT (SELECT count(*) FROM activities), (SELECT coalesce(min(position), 0) FROM activities),"
        " (SELECT coalesce(max(position), -1) FROM activities), (SELECT count(*) FROM documents),"
        " (SELECT coalesce(min(position), 0) FROM documents),"
        " (SELECT coalesce(max(position), -1) FROM documents)");
    if (!shape.ok() || shape.Step() != SQLITE_ROW) return DbError(db, "read activities");
    long long n = shape.Int(0);
    if (shape.Int(1) != 0 || shape.Int(2) != n - 1 || shape.Int(3) != n || shape.Int(4) != 0 ||
        shape.Int(5) != n - 1)
        return Error{ErrorCode::kInvalid,
                     "the catalogue db is damaged: its activity positions have a gap, or its search rows "
                     "and its activities do not agree"};
    activity_count = static_cast<size_t>(n);
    return std::move(header->catalogue);
}

Result<Activity> CatalogueDb::ActivityAt(size_t position) const {
    Stmt* stmt = m_statements->Get(m_db.get(), "SELECT doc FROM documents WHERE position = ?");
    if (!stmt) return DbError(m_db.get(), "prepare read activity");
    stmt->Bind(1, static_cast<long long>(position));
    int rc = stmt->Step();
    if (rc == SQLITE_DONE)
        return Error{ErrorCode::kNotFound, "no activity at position " + std::to_string(position)};
    if (rc != SQLITE_ROW) return DbError(m_db.get(), "read activity");
    auto a = ActivityFromJson(stmt->Text(0));
    stmt->Reset();
    if (!a) return Error{ErrorCode::kParse, "stored activity: " + a.error().message};
    return std::move(a.value());
}

Result<std::optional<size_t>> CatalogueDb::PositionOf(std::string_view id) const {
    Stmt* stmt = m_statements->Get(m_db.get(), "SELECT position FROM activities WHERE id = ?");
    if (!stmt) return DbError(m_db.get(), "prepare find activity");
    stmt->Bind(1, std::string(id));
    int rc = stmt->Step();
    std::optional<size_t> out;
    if (rc == SQLITE_ROW)
        out = static_cast<size_t>(stmt->Int(0));
    else if (rc != SQLITE_DONE)
        return DbError(m_db.get(), "find activity");
    stmt->Reset();
    return out;
}

Result<Catalogue> CatalogueDb::Load() const {
    sqlite3* db = m_db.get();
    size_t count = 0;
    auto header = LoadHeader(count);
    if (!header) return header.error();
    Catalogue cat = std::move(header.value());
    cat.activities.reserve(count);
    Stmt rows(db, "SELECT doc FROM documents ORDER BY position");
    if (!rows.ok()) return DbError(db, "read activities");
    int rc;
    while ((rc = rows.Step()) == SQLITE_ROW) {
        auto a = ActivityFromJson(rows.Text(0));
        if (!a) return Error{ErrorCode::kParse, "stored activity: " + a.error().message};
        cat.activities.push_back(std::move(a.value()));
    }
    if (rc != SQLITE_DONE) return DbError(db, "read activities");
    return cat;
}

Result<std::vector<std::string>> CatalogueDb::Search(const Filter& filter) const {
    SearchSql q = BuildSearch(filter, "a.id");
    Stmt* stmt = m_statements->Get(m_db.get(), q.sql);
    if (!stmt) return DbError(m_db.get(), "prepare search");
    BindSearch(*stmt, q);
    std::vector<std::string> ids;
    int rc;
    while ((rc = stmt->Step()) == SQLITE_ROW) ids.push_back(stmt->Text(0));
    if (rc != SQLITE_DONE) return DbError(m_db.get(), "search");
    return ids;
}

Result<std::vector<size_t>> CatalogueDb::SearchPositions(const Filter& filter,
                                                         std::vector<uint64_t>* digests) const {
    SearchSql q = BuildSearch(filter, "a.position, a.digest");
    Stmt* stmt = m_statements->Get(m_db.get(), q.sql);
    if (!stmt) return DbError(m_db.get(), "prepare search");
    BindSearch(*stmt, q);
    std::vector<size_t> positions;
    if (digests) digests->clear();
    int rc;
    while ((rc = stmt->Step()) == SQLITE_ROW) {
        positions.push_back(static_cast<size_t>(stmt->Int(0)));
        if (digests) digests->push_back(static_cast<uint64_t>(stmt->Int(1)));
    }
    if (rc != SQLITE_DONE) return DbError(m_db.get(), "search");
    return positions;
}

Result<std::string> CatalogueDb::ExplainSearch(const Filter& filter) const {
    SearchSql q = BuildSearch(filter, "a.id");
    Stmt stmt(m_db.get(), "EXPLAIN QUERY PLAN " + q.sql);
    if (!stmt.ok()) return DbError(m_db.get(), "prepare explain");
    BindSearch(stmt, q);
    std::string plan;
    while (stmt.Step() == SQLITE_ROW) plan += stmt.Text(3) + "\n";
    return plan;
}

}  // namespace brugpunt::store
