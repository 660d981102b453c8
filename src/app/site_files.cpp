// SiteFiles (app/site_files.h): POSIX calls (lstat, realpath, opendir), every path checked
// against the site's real root before it is opened.
#include "app/site_files.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>

namespace app {

namespace {

constexpr std::size_t kMaxNamesRead = 100000;  // names read from one directory, at most

std::string real_path(const std::string& path) {
    char buf[PATH_MAX];
    return realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

bool under(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root.back() == '/' || path[root.size()] == '/'));
}

std::string join(std::string_view a, std::string_view b) {
    if (a.empty()) return std::string(b);
    if (b.empty()) return std::string(a);
    std::string out(a);
    if (out.back() != '/') out += '/';
    out += b;
    return out;
}

}  // namespace

bool is_contained_path(std::string_view rel) {
    if (rel.empty() || rel.front() == '/' || rel.find('\0') != std::string_view::npos) return false;
    std::size_t at = 0;
    while (at <= rel.size()) {
        std::size_t slash = rel.find('/', at);
        std::string_view part = rel.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
        if (part == "..") return false;
        if (slash == std::string_view::npos) break;
        at = slash + 1;
    }
    return true;
}

bool make_directories(const std::string& path, std::string* why) {
    for (std::size_t i = 1; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != '/') continue;
        std::string part = path.substr(0, i);
        struct stat st;
        if (stat(part.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                if (why) *why = part + " is not a directory";
                return false;
            }
            continue;
        }
        if (mkdir(part.c_str(), 0755) != 0 && errno != EEXIST) {
            if (why) *why = part + ": " + std::strerror(errno);
            return false;
        }
    }
    return true;
}

SiteFiles::SiteFiles(std::string root) : root_(std::move(root)) {
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
    std::string real = real_path(root_);
    struct stat st;
    if (!real.empty() && stat(real.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) real_root_ = real;
}

std::string SiteFiles::shown(std::string_view rel) const { return join(root_, rel); }

std::optional<std::string> SiteFiles::resolve(std::string_view rel, std::string* why) const {
    if (!is_contained_path(rel)) {
        if (why) *why = rel.empty() ? "an empty path" : rel.front() == '/' ? "an absolute path" : "a path with \"..\"";
        return std::nullopt;
    }
    std::string path = join(real_root_, rel);
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) {
        if (why) *why = std::strerror(errno);
        return std::nullopt;
    }
    std::string real = real_path(path);
    if (real.empty()) {
        if (why) *why = std::strerror(errno);  // a dangling symlink or a loop
        return std::nullopt;
    }
    if (!under(real, real_root_)) {
        if (why) *why = "a symlink to " + real + ", outside the site";
        return std::nullopt;
    }
    return real;
}

SiteFiles::Kind SiteFiles::kind(std::string_view rel, std::string* why) const {
    if (real_root_.empty()) return Kind::missing;
    if (!is_contained_path(rel)) {
        resolve(rel, why);
        return Kind::refused;
    }
    std::string path = join(real_root_, rel);
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) return Kind::missing;
    std::string reason;
    auto real = resolve(rel, &reason);
    if (!real) {
        if (why) *why = reason;
        // A dangling link is missing; one that leaves the site is refused.
        return reason.rfind("a symlink to", 0) == 0 ? Kind::refused : Kind::missing;
    }
    if (stat(real->c_str(), &st) != 0) return Kind::missing;
    if (S_ISDIR(st.st_mode)) return Kind::directory;
    if (S_ISREG(st.st_mode)) return Kind::file;
    if (why) *why = "not a regular file";
    return Kind::refused;  // a device, a FIFO, a socket
}

std::optional<std::string> SiteFiles::read(std::string_view rel, std::size_t max_bytes, std::string* why) const {
    std::string reason;
    Kind k = kind(rel, &reason);
    if (k != Kind::file) {
        if (why) *why = k == Kind::missing ? "No such file" : k == Kind::directory ? "is a directory" : reason;
        return std::nullopt;
    }
    std::string path = *resolve(rel, nullptr);
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        if (why) *why = std::strerror(errno);
        return std::nullopt;
    }
    std::string bytes;
    char buffer[1 << 16];
    bool too_big = false;
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) {
        if (bytes.size() + n > max_bytes) {
            too_big = true;
            break;
        }
        bytes.append(buffer, n);
    }
    bool failed = std::ferror(f) != 0;
    int err = errno;
    std::fclose(f);
    if (too_big) {
        if (why) *why = "larger than " + std::to_string(max_bytes) + " bytes";
        return std::nullopt;
    }
    if (failed) {
        if (why) *why = std::strerror(err);
        return std::nullopt;
    }
    return bytes;
}

std::vector<std::string> SiteFiles::entries(std::string_view rel, std::size_t max) const {
    std::vector<std::string> out;
    if (kind(rel) != Kind::directory) return out;
    std::string path = *resolve(rel, nullptr);
    DIR* d = opendir(path.c_str());
    if (!d) return out;
    // Which names are kept must not depend on the order readdir gives them: read a
    // bounded number, sort, then cut.
    const std::size_t read_at_most = std::max<std::size_t>(max, kMaxNamesRead);
    while (dirent* e = readdir(d)) {
        if (e->d_name[0] == '.') continue;
        if (out.size() >= read_at_most) break;
        out.push_back(e->d_name);
    }
    closedir(d);
    std::sort(out.begin(), out.end());
    if (out.size() > max) out.resize(max);
    return out;
}

std::vector<std::string> SiteFiles::list(std::string_view rel, int depth, std::size_t max, std::vector<std::string>* refused,
                                         bool* truncated) const {
    std::vector<std::string> files;
    if (truncated) *truncated = false;
    // Breadth of one directory is bounded too: a million entries are not all read.
    for (const std::string& name : entries(rel, max + 1)) {
        std::string child = join(rel, name);
        if (files.size() >= max) {
            if (truncated) *truncated = true;
            break;
        }
        std::string why;
        Kind k = kind(child, &why);
        if (k == Kind::file) {
            files.push_back(child);
        } else if (k == Kind::directory && depth > 1) {
            bool cut = false;
            for (std::string& f : list(child, depth - 1, max - files.size(), refused, &cut)) files.push_back(std::move(f));
            if (cut && truncated) *truncated = true;
        } else if (k == Kind::refused && refused) {
            refused->push_back(child + ": " + why);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool SiteFiles::copy_to(std::string_view rel, const std::string& out_root, std::size_t max_bytes, std::string* why) const {
    std::string reason;
    Kind k = kind(rel, &reason);
    if (k != Kind::file) {
        if (why) *why = k == Kind::missing ? "does not exist" : k == Kind::directory ? "is a directory" : reason;
        return false;
    }
    std::string source = *resolve(rel, nullptr);
    std::string target = join(out_root, rel);
    if (!make_directories(target.substr(0, target.rfind('/')), why)) return false;
    struct stat src_st, dst_st;
    if (stat(source.c_str(), &src_st) == 0 && stat(target.c_str(), &dst_st) == 0 && src_st.st_dev == dst_st.st_dev &&
        src_st.st_ino == dst_st.st_ino)
        return true;  // already there: OUT_DIR is (inside) the site
    if (stat(source.c_str(), &src_st) == 0 && static_cast<std::size_t>(src_st.st_size) > max_bytes) {
        if (why) *why = "larger than " + std::to_string(max_bytes) + " bytes";
        return false;
    }
    FILE* in = std::fopen(source.c_str(), "rb");
    if (!in) {
        if (why) *why = std::strerror(errno);
        return false;
    }
    FILE* out = std::fopen(target.c_str(), "wb");
    if (!out) {
        if (why) *why = target + ": " + std::strerror(errno);
        std::fclose(in);
        return false;
    }
    char buffer[1 << 16];
    std::size_t total = 0;
    bool ok = true;
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) {
        total += n;
        if (total > max_bytes) {
            if (why) *why = "larger than " + std::to_string(max_bytes) + " bytes";
            ok = false;
            break;
        }
        if (std::fwrite(buffer, 1, n, out) != n) {
            if (why) *why = target + ": " + std::strerror(errno);
            ok = false;
            break;
        }
    }
    if (ok && std::ferror(in)) {
        if (why) *why = std::strerror(errno);
        ok = false;
    }
    std::fclose(in);
    if (std::fclose(out) != 0 && ok) {
        if (why) *why = target + ": " + std::strerror(errno);
        ok = false;
    }
    if (!ok) std::remove(target.c_str());
    return ok;
}

}  // namespace app
