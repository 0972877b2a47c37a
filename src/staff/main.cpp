// Owns the staff tool's command line: brugpunt-catalogue COMMAND [options]. No UI; links core,
// store and sync. Every failure is one line on stderr and a non-zero exit.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bundle_build.h"
#include "check.h"
#include "core/files.h"
#include "core/validate.h"
#include "generate.h"
#include "holidays.h"
#include "import.h"
#include "serve_local.h"
#include "store/catalogue_json.h"
#include "store/catalogue_loader.h"
#include "sync/crypto.h"
#include "sync/transport.h"

using namespace brugpunt;

namespace {

const char* kUsage = R"(usage: brugpunt-catalogue COMMAND [options]

Make and publish the kiosk catalogue.
  keygen --key FILE                  make a signing key (FILE, mode 600) and FILE.pub for the kiosks
  build CATALOGUE.json --out DIR     make a bundle: catalogue, media named by hash, manifest.json
        [--version N] [--expires-days D]   (version: one more than DIR's last; expires: 30 days)
  sign DIR --key FILE                sign DIR/manifest.json into DIR/manifest.sig
  serve-local DIR [--port P]         serve DIR on http://127.0.0.1:P/ (8080) to try it out

Fill and check it.
  import SOURCE --out CATALOGUE.json [--base CATALOGUE.json]
         SOURCE: --csv FILE (assets/catalogue-template.csv), --json FILE (catalogue JSON),
                 --jsonld FILE (UiTdatabank events), or
                 --uitdatabank URL --client-id ID --postal-code CODE [--full] [--page-size N]
                 [--ca-file F]
         Adds new activities and updates known ones, keeping what only the kiosk has. OUT (or
         --base when OUT does not exist yet) gives the municipality, desk and categories.
         UiTdatabank pulls are incremental: OUT.uitdatabank remembers the last change seen.
         UiTdatabank leaves out places and online-only events; --places offers places with
         opening hours as permanent activities, --online keeps online events.
  holidays CATALOGUE.json --csv FILE the school holidays for "In de vakantie", from a CSV of
                                     naam,van,tot (copy them from onderwijs.vlaanderen.be,
                                     "Schoolvakanties"); replaces the catalogue's table
  check FILE [--jargon FILE]         errors as FILE:ROW:COLUMN, plain-language warnings per text,
                                     and per activity what is unknown or not checked for long

  compile CATALOGUE.json [--out FILE.db]
                                     the catalogue db the kiosk opens without reading the source
                                     (default: beside it, CATALOGUE.db); a kiosk makes its own
                                     from each synced version, this is for a bundled catalogue

Measure it.
  generate --count N --out CATALOGUE.json [--base CATALOGUE.json] [--seed S]
                                     a realistic synthetic catalogue of N activities, clips in media/
  export-html CATALOGUE.json --out PAGE.html [--pictograms DIR]
                                     the list as one static web page, as a browser kiosk shows it
)";

int Fail(const std::string& line, int code = 1) {
    std::fprintf(stderr, "brugpunt-catalogue: %s\n", line.c_str());
    return code;
}

// "--name value" pairs and positional words; a flag without its value is an error.
struct Args {
    std::vector<std::string> words;
    std::map<std::string, std::string> flags;
    std::string error;

    std::string Get(const std::string& name, const std::string& fallback = "") const {
        auto it = flags.find(name);
        return it == flags.end() ? fallback : it->second;
    }
};

Args Parse(int argc, char** argv, int from) {
    Args a;
    for (int i = from; i < argc; ++i) {
        std::string s = argv[i];
        // Switches: --full pulls everything, not only what changed; --places and --online take
        // more from UiTdatabank than events.
        if (s == "--full" || s == "--places" || s == "--online") {
            a.flags[s.substr(2)] = "yes";
        } else if (s.rfind("--", 0) == 0) {
            if (i + 1 >= argc) {
                a.error = s + " needs a value";
                return a;
            }
            a.flags[s.substr(2)] = argv[++i];
        } else {
            a.words.push_back(s);
        }
    }
    return a;
}

bool ToNumber(const std::string& s, long long& out) {
    try {
        size_t used = 0;
        out = std::stoll(s, &used);
        return used == s.size();
    } catch (...) {
        return false;
    }
}

std::atomic<bool> g_stop{false};

int Keygen(const Args& a) {
    std::string key = a.Get("key");
    if (key.empty()) return Fail("keygen needs --key FILE", 2);
    auto files = staff::WriteNewKey(key);
    if (!files) return Fail(files.error().message);
    std::printf(
        "secret key: %s (keep it off the kiosks)\npublic key: %s\nput in each kiosk's config:\n"
        "  sync_public_key = %s\n",
        files->secret_path.c_str(), files->public_path.c_str(), files->public_hex.c_str());
    return 0;
}

int Build(const Args& a) {
    if (a.words.size() != 1 || a.Get("out").empty()) return Fail("usage: build CATALOGUE.json --out DIR", 2);
    staff::BuildOptions o;
    o.catalogue = a.words[0];
    o.out_dir = a.Get("out");
    o.now_unix = std::time(nullptr);
    long long n = 0;
    if (!a.Get("version").empty() && (!ToNumber(a.Get("version"), n) || n < 1))
        return Fail("--version must be a whole number from 1", 2);
    o.version = n;
    if (!a.Get("expires-days").empty()) {
        if (!ToNumber(a.Get("expires-days"), n) || n < 1 || n > 3650)
            return Fail("--expires-days must be 1 to 3650", 2);
        o.expires_days = static_cast<int>(n);
    }
    auto r = staff::BuildBundle(o);
    if (!r) return Fail(r.error().message);
    for (const auto& w : r->warnings) std::printf("warning: %s\n", w.c_str());
    std::printf("bundle version %lld in %s: catalogue + %d media files, %.1f MB; now sign it\n", r->version,
                o.out_dir.c_str(), r->media_files, r->bytes / 1e6);
    return 0;
}

int Sign(const Args& a) {
    if (a.words.size() != 1 || a.Get("key").empty()) return Fail("usage: sign DIR --key FILE", 2);
    if (auto s = staff::SignBundle(a.words[0], a.Get("key")); !s) return Fail(s.error().message);
    std::printf("signed %s/manifest.json\n", a.words[0].c_str());
    return 0;
}

bool Spill(const std::string& path, const std::string& text) {
    std::string tmp = path + ".tmp";
    if (!(std::ofstream(tmp, std::ios::binary) << text)) return false;
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

// The jargon list: the one shipped next to the tool's assets, plus --jargon.
std::vector<staff::JargonTerm> Jargon(const Args& a, const char* argv0) {
    std::vector<staff::JargonTerm> terms;
    std::filesystem::path exe = std::filesystem::path(argv0).parent_path();
    for (const auto& p :
         {exe / "../assets/staff/jargon.txt", exe / "../share/brugpunt/assets/staff/jargon.txt"})
        if (auto text = core::ReadWholeFile(p.string())) {
            terms = staff::ParseJargon(*text);
            break;
        }
    if (!a.Get("jargon").empty())
        if (auto text = core::ReadWholeFile(a.Get("jargon"))) {
            auto more = staff::ParseJargon(*text);
            terms.insert(terms.end(), more.begin(), more.end());
        }
    return terms;
}

int Check(const Args& a, const char* argv0) {
    if (a.words.size() != 1) return Fail("usage: check FILE [--jargon FILE]", 2);
    if (!a.Get("jargon").empty() && !core::ReadWholeFile(a.Get("jargon")))
        return Fail("cannot read " + a.Get("jargon"));
    auto text = core::ReadWholeFile(a.words[0]);
    if (!text) return Fail("cannot read " + a.words[0]);
    staff::CheckReport r = staff::CheckFile(a.words[0], *text, Jargon(a, argv0), core::LocalToday());
    for (const auto& e : r.errors) std::printf("%s\n", staff::FormatProblem(e).c_str());
    for (const auto& w : r.warnings) std::printf("%s (warning)\n", staff::FormatProblem(w).c_str());
    for (const auto& f : r.to_fill) std::printf("%s\n", staff::FormatProblem(f).c_str());
    std::printf(
        "%zu errors, %zu activities with something to fill in or check, %zu plain-language warnings\n",
        r.errors.size(), r.to_fill.size(), r.warnings.size());
    return r.errors.empty() ? 0 : 1;
}

// --places, --online: what staff take from UiTdatabank beyond events.
staff::UitChoices Choices(const Args& a) {
    return {a.Get("places") == "yes", a.Get("online") == "yes"};
}

int Import(const Args& a) {
    std::string out = a.Get("out");
    int sources = !a.Get("csv").empty() + !a.Get("json").empty() + !a.Get("jsonld").empty() +
                  !a.Get("uitdatabank").empty();
    if (out.empty() || sources != 1)
        return Fail(
            "usage: import --csv FILE | --json FILE | --jsonld FILE | --uitdatabank URL ... --out FILE", 2);
    std::string base_path = std::filesystem::exists(out) ? out : a.Get("base");
    if (base_path.empty())
        return Fail(out + " does not exist yet: give --base CATALOGUE.json for its categories", 2);
    auto base_text = core::ReadWholeFile(base_path);
    if (!base_text) return Fail("cannot read " + base_path);
    auto base = store::ParseCatalogueJson(*base_text);
    if (!base) return Fail(base_path + ": " + base.error().message);
    core::Catalogue catalogue = base->catalogue;

    staff::Imported imported;
    std::string state_path = out + ".uitdatabank";
    if (!a.Get("uitdatabank").empty()) {
        staff::UitQuery q{a.Get("uitdatabank"), a.Get("client-id"), a.Get("postal-code")};
        if (q.client_id.empty() || q.postal_code.empty())
            return Fail("--uitdatabank needs --client-id and --postal-code", 2);
        q.ca_file = a.Get("ca-file");
        q.choices = Choices(a);
        if (!a.Get("page-size").empty()) {
            long long n = 0;
            if (!ToNumber(a.Get("page-size"), n) || n < 1 || n > 2000)
                return Fail("--page-size must be 1 to 2000", 2);
            q.page_size = static_cast<int>(n);
        }
        if (a.Get("full") != "yes")
            if (auto state = core::ReadWholeFile(state_path))
                q.modified_from = state->substr(0, state->find('\n'));
        sync::CurlFetcher http;
        auto r = staff::ImportUitdatabank(
            q, http, catalogue.categories, core::LocalToday(),
            [](int got, int total) { std::fprintf(stderr, "UiTdatabank: %d of %d events\n", got, total); });
        if (!r) return Fail(r.error().message);
        imported = std::move(r.value());
    } else {
        std::string file = a.Get("csv") + a.Get("json") + a.Get("jsonld");
        auto text = core::ReadWholeFile(file);
        if (!text) return Fail("cannot read " + file);
        if (!a.Get("csv").empty()) {
            imported = staff::ImportCsv(*text, file);
        } else if (!a.Get("jsonld").empty()) {
            imported = staff::ImportJsonLd(*text, file, catalogue.categories, core::LocalToday(), Choices(a));
        } else {
            auto parsed = store::ParseCatalogueJson(*text);
            if (!parsed) return Fail(file + ": " + parsed.error().message);
            imported.activities = parsed->catalogue.activities;
        }
    }
    size_t before = catalogue.activities.size(), known = 0;
    for (const auto& act : imported.activities) known += catalogue.FindActivity(act.id) != nullptr;
    staff::Merge(catalogue, imported);
    if (!Spill(out, store::CatalogueToJson(catalogue))) return Fail("cannot write " + out);
    if (!imported.newest_modified.empty() && !Spill(state_path, imported.newest_modified + "\n"))
        return Fail("cannot write " + state_path);
    for (const auto& e : imported.errors) std::printf("%s\n", staff::FormatProblem(e).c_str());
    for (const auto& n : imported.notes) std::printf("  %s\n", n.c_str());
    std::set<std::string> imported_ids;
    for (const auto& act : imported.activities) imported_ids.insert(act.id);
    size_t to_fill = 0;
    for (const auto& issue : core::ValidateCatalogue(catalogue))
        to_fill += imported_ids.count(issue.activity_id);
    std::printf(
        "%s: %zu activities (%zu new, %zu updated, %zu removed, %zu left out with errors); %zu fields still "
        "to fill in or fix: run check\n",
        out.c_str(), catalogue.activities.size(), imported.activities.size() - known, known,
        before + imported.activities.size() - known - catalogue.activities.size(), imported.errors.size(),
        to_fill);
    return imported.errors.empty() ? 0 : 1;
}

// The demo catalogue next to the tool, for --base's default.
std::string DemoCatalogue(const char* argv0) {
    std::filesystem::path exe = std::filesystem::path(argv0).parent_path();
    for (const auto& p :
         {exe / "../assets/demo/catalogue.json", exe / "../share/brugpunt/assets/demo/catalogue.json"})
        if (std::filesystem::exists(p)) return p.string();
    return "assets/demo/catalogue.json";
}

int Generate(const Args& a, const char* argv0) {
    long long count = 0, seed = 1;
    if (a.Get("out").empty() || !ToNumber(a.Get("count"), count))
        return Fail("usage: generate --count N --out CATALOGUE.json [--base CATALOGUE.json] [--seed S]", 2);
    if (!a.Get("seed").empty() && !ToNumber(a.Get("seed"), seed)) return Fail("--seed must be a number", 2);
    std::string base_path = a.Get("base", DemoCatalogue(argv0));
    auto base = store::LoadCatalogueFile(base_path);
    if (!base) return Fail(base_path + ": " + base.error().message);
    staff::GenerateOptions o;
    o.count = static_cast<int>(count);
    o.seed = static_cast<unsigned>(seed);
    auto made = staff::Generate(base->catalogue, o, a.Get("out"));
    if (!made) return Fail(made.error().message);
    if (!Spill(a.Get("out"), store::CatalogueToJson(made.value())))
        return Fail("cannot write " + a.Get("out"));
    std::printf("%s: %zu activities, %d clips in media/\n", a.Get("out").c_str(), made->activities.size(),
                (o.count + o.activities_per_clip - 1) / o.activities_per_clip);
    return 0;
}

int Holidays(const Args& a) {
    if (a.words.size() != 1 || a.Get("csv").empty())
        return Fail("usage: holidays CATALOGUE.json --csv FILE", 2);
    const std::string& path = a.words[0];
    auto text = core::ReadWholeFile(path);
    if (!text) return Fail("cannot read " + path);
    auto parsed = store::ParseCatalogueJson(*text);
    if (!parsed) return Fail(path + ": " + parsed.error().message);
    auto csv = core::ReadWholeFile(a.Get("csv"));
    if (!csv) return Fail("cannot read " + a.Get("csv"));
    auto holidays = staff::ParseHolidaysCsv(*csv, a.Get("csv"));
    if (!holidays) return Fail(holidays.error().message);
    parsed->catalogue.holidays = holidays.value();
    if (!Spill(path, store::CatalogueToJson(parsed->catalogue))) return Fail("cannot write " + path);
    for (const auto& h : holidays.value())
        std::printf("%s: %s tot %s\n", h.name.c_str(), core::FormatDate(h.first).c_str(),
                    core::FormatDate(h.last).c_str());
    std::printf("%zu school holidays written to %s\n", holidays.value().size(), path.c_str());
    return 0;
}

int Compile(const Args& a) {
    if (a.words.size() != 1) return Fail("usage: compile CATALOGUE.json [--out FILE.db]", 2);
    const std::string& path = a.words[0];
    std::string out = a.Get("out").empty() ? store::CatalogueDbPathFor(path) : a.Get("out");
    if (out == path) return Fail("--out must not be the catalogue itself", 2);
    // The kiosk's own loader, so a db made here holds what the kiosk would have made.
    auto loaded = store::OpenCatalogueSource(path);
    if (!loaded) return Fail(path + ": " + loaded.error().message);
    auto sha = sync::Sha256FileHex(path);
    if (!sha) return Fail(sha.error().message);
    if (auto s = store::WriteCatalogueDb(*loaded->catalogue, sha.value(), out); !s)
        return Fail(s.error().message);
    std::printf("%s: %zu activities, made from %s\n", out.c_str(), loaded->catalogue->activities.size(),
                path.c_str());
    return 0;
}

int ExportHtml(const Args& a, const char* argv0) {
    if (a.words.size() != 1 || a.Get("out").empty())
        return Fail("usage: export-html CATALOGUE.json --out PAGE.html [--pictograms DIR]", 2);
    auto text = core::ReadWholeFile(a.words[0]);
    if (!text) return Fail("cannot read " + a.words[0]);
    auto parsed = store::ParseCatalogueJson(*text);
    if (!parsed) return Fail(a.words[0] + ": " + parsed.error().message);
    std::string pictos = a.Get("pictograms");
    if (pictos.empty())
        pictos = std::filesystem::weakly_canonical(std::filesystem::path(argv0).parent_path() /
                                                   "../assets/pictograms")
                     .string();
    if (!Spill(a.Get("out"), staff::ExportHtml(parsed->catalogue, pictos)))
        return Fail("cannot write " + a.Get("out"));
    std::printf("%s: %zu activities\n", a.Get("out").c_str(), parsed->catalogue.activities.size());
    return 0;
}

int Serve(const Args& a) {
    long long port = 8080;
    if (a.words.size() != 1) return Fail("usage: serve-local DIR [--port P]", 2);
    if (!a.Get("port").empty() && (!ToNumber(a.Get("port"), port) || port < 1 || port > 65535))
        return Fail("--port must be 1 to 65535", 2);
    std::signal(SIGINT, [](int) { g_stop = true; });
    std::signal(SIGTERM, [](int) { g_stop = true; });
    std::string error = staff::ServeLocal(a.words[0], static_cast<int>(port), g_stop);
    return error.empty() ? 0 : Fail(error);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    std::string command = argv[1];
    Args a = Parse(argc, argv, 2);
    if (!a.error.empty()) return Fail(a.error, 2);
    if (command == "keygen") return Keygen(a);
    if (command == "build") return Build(a);
    if (command == "sign") return Sign(a);
    if (command == "serve-local") return Serve(a);
    if (command == "import") return Import(a);
    if (command == "check") return Check(a, argv[0]);
    if (command == "holidays") return Holidays(a);
    if (command == "generate") return Generate(a, argv[0]);
    if (command == "export-html") return ExportHtml(a, argv[0]);
    if (command == "compile") return Compile(a);
    return Fail("unknown command '" + command + "' (see brugpunt-catalogue --help)", 2);
}
