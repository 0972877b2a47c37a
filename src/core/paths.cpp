// Owns the rule that keeps every catalogue file name inside its root. Standard library only;
// purely lexical (std::filesystem::path arithmetic), so it never opens or stats a file.
#include "paths.h"

#include <filesystem>

namespace brugpunt::core {
namespace {

namespace fs = std::filesystem;

Error Refuse(std::string why) {
    return Error{ErrorCode::kInvalid, std::move(why)};
}

// The first component of a normalised relative path is ".." exactly when it climbs out.
bool Climbs(const fs::path& normal) {
    return !normal.empty() && *normal.begin() == "..";
}

}  // namespace

Result<std::string> ResolveInside(std::string_view root, std::string_view name, NameKind kind) {
    if (name.empty()) return Refuse("is leeg");
    // A NUL cuts the name short for the C calls that open it; a backslash is a folder separator
    // on the staff's Windows machines, so "..\\x" would climb there.
    if (name.find('\0') != std::string_view::npos) return Refuse("bevat een nul-teken");
    if (name.find('\\') != std::string_view::npos) return Refuse("bevat een \\; gebruik /");
    if (name.front() == '/') return Refuse("is een absoluut pad; geef een naam binnen de map");
    if (kind == NameKind::kPictogram && name.find('/') != std::string_view::npos)
        return Refuse("een pictogram is een naam zonder map");
    fs::path normal = fs::path(name).lexically_normal();
    if (Climbs(normal)) return Refuse("'..' gaat buiten de map");
    // "a/.." or "a/" names the folder itself, not a file in it.
    if (normal.empty() || normal == "." || !normal.has_filename()) return Refuse("is een map, geen bestand");
    std::string file = normal.string();
    if (kind == NameKind::kPictogram) file += ".png";
    return (fs::path(root) / file).lexically_normal().string();
}

bool IsInside(std::string_view root, std::string_view path) {
    if (path.empty() || path.find('\0') != std::string_view::npos) return false;
    fs::path base = fs::path(root).lexically_normal();
    fs::path target = fs::path(path).lexically_normal();
    if (base.is_absolute() != target.is_absolute()) return false;
    fs::path relative = target.lexically_relative(base);
    return !relative.empty() && relative != "." && !Climbs(relative);
}

std::vector<Issue> CheckCatalogueNames(const Catalogue& catalogue) {
    std::vector<Issue> out;
    // The roots only have to be roots: the rule does not depend on their names.
    auto check = [&](const std::string& id, const std::string& field, const std::string& name,
                     NameKind kind) {
        if (name.empty()) return;
        auto resolved = ResolveInside("root", name, kind);
        if (!resolved) out.push_back({id, field, resolved.error().message});
    };
    // A photo field holds a media file or "pictogram:NAME".
    auto photo = [&](const std::string& id, const std::string& field, const std::string& name) {
        if (name.starts_with(kPictogramPrefix)) {
            std::string picto = name.substr(kPictogramPrefix.size());
            if (picto.empty())
                out.push_back({id, field, "pictogram: zonder naam"});
            else
                check(id, field, picto, NameKind::kPictogram);
        } else {
            check(id, field, name, NameKind::kMedia);
        }
    };
    for (const auto& c : catalogue.categories)
        check("", "categories." + c.id + ".pictogram", c.pictogram, NameKind::kPictogram);
    for (const auto& a : catalogue.activities) {
        for (const auto& p : a.pictograms) {
            if (p.empty())
                out.push_back({a.id, "pictograms", "een pictogram zonder naam"});
            else
                check(a.id, "pictograms", p, NameKind::kPictogram);
        }
        photo(a.id, "photo", a.photo);
        photo(a.id, "location.entrance_photo", a.location.entrance_photo);
        photo(a.id, "contact.photo", a.contact.photo);
        for (const auto& clip : a.clips) {
            if (clip.file.empty())
                out.push_back({a.id, "clips", "een clip zonder bestand"});
            else
                check(a.id, "clips", clip.file, NameKind::kMedia);
        }
    }
    return out;
}

}  // namespace brugpunt::core
