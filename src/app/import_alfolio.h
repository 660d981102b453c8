// app/import_alfolio.h: `imfolio import al-folio SITE_DIR OUT_DIR`, an al-folio site
// (the Jekyll theme) turned into OUT_DIR/profile.json with papers.bib and the files they
// name beside it, and a report of what was and was not imported. Native only (yaml-cpp).
// What maps where is docs/migrate-from-al-folio.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace app {

struct ImportOptions {
    bool force = false;  // replace an existing OUT_DIR/profile.json
};

// 0 imported; 1 the site was read but something failed (a file unreadable, a YAML or
// JSON error, a path out of the site, OUT_DIR not writable, or profile.json exists
// without --force); 2 SITE_DIR is not an al-folio site.
int import_alfolio(const std::string& site_dir, const std::string& out_dir, const ImportOptions& options);

// A social id from _data/socials.yml (or _config.yml on older sites) as a JSON Resume
// profile: the network's name, the username when the value is one, and the real URL.
struct SocialProfile {
    std::string network, username, url;
};
std::optional<SocialProfile> social_profile(std::string_view key, std::string_view value);

}  // namespace app
