#include "platform/desktop/files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "profile/bibliography.h"
#include "profile/limits.h"

namespace platform {

namespace {

std::string executable_dir() {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    buf[n] = 0;
    std::string path(buf);
    return path.substr(0, path.rfind('/'));
}

bool is_dir(const std::string& p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string* error, std::size_t max_bytes) {
    // One allocation of the file's size and one read: profiles can be 16 MiB, and a
    // stream copied through a stringbuf costs more than parsing them.
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        if (error) *error = std::strerror(errno);
        return std::nullopt;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
        if (error) *error = S_ISDIR(st.st_mode) ? "is a directory" : std::strerror(errno);
        std::fclose(f);
        return std::nullopt;
    }
    std::string bytes;
    if (S_ISREG(st.st_mode)) bytes.reserve(std::min(static_cast<std::size_t>(st.st_size), max_bytes));
    char buffer[1 << 16];
    for (std::size_t n; bytes.size() < max_bytes &&
                        (n = std::fread(buffer, 1, std::min(sizeof buffer, max_bytes - bytes.size()), f)) > 0;)
        bytes.append(buffer, n);
    bool failed = std::ferror(f) != 0;
    if (failed && error) *error = std::strerror(errno);
    std::fclose(f);
    if (failed) return std::nullopt;
    return bytes;
}

std::optional<std::string> read_profile_file(const std::string& path, std::string* error) {
    return read_file(path, error, profile::default_limits().max_file_bytes + 1);
}

ProfileFile load_profile_file(const std::string& path) {
    ProfileFile f;
    auto bytes = read_profile_file(path, &f.error);
    if (!bytes) return f;
    f.readable = true;
    f.bytes = std::move(*bytes);
    if (profile::is_bibtex_path(path)) {
        f.bibliography_only = true;
        f.loaded = profile::load_bibliography(f.bytes, path);
        return f;
    }
    f.loaded = profile::load_profile(f.bytes, path);
    std::size_t slash = path.rfind('/');
    std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    for (std::size_t i = 0; i < f.loaded.bibliography.size(); ++i) {
        std::string file = folder + f.loaded.bibliography[i].path;
        std::string error;
        auto bib = read_profile_file(file, &error);
        if (bib)
            profile::add_bibliography(f.loaded, i, *bib, file);
        else
            profile::bibliography_unreadable(f.loaded, i, error);
        f.bibliographies.push_back(std::move(bib));
    }
    return f;
}

std::vector<std::string> profile_files(const std::string& path, const ProfileFile& f) {
    std::vector<std::string> files{path};
    std::size_t slash = path.rfind('/');
    std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    if (!f.bibliography_only)
        for (const auto& b : f.loaded.bibliography) files.push_back(folder + b.path);
    return files;
}

std::vector<long long> modification_times(const std::vector<std::string>& files) {
    std::vector<long long> times;
    for (const std::string& file : files) {
        struct stat st;
        times.push_back(stat(file.c_str(), &st) == 0
                            ? static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec + st.st_size
                            : 0);
    }
    return times;
}

bool write_file(const std::string& path, const std::string& bytes, std::string* error) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        if (error) *error = std::strerror(errno);
        return false;
    }
    out << bytes;
    if (!out) {
        if (error) *error = std::strerror(errno);
        return false;
    }
    return true;
}

std::string cv_script() {
    if (const char* env = std::getenv("IMFOLIO_CV_SCRIPT"); env && *env) return env;
    return executable_dir() + "/../../scripts/cv-pdf.mjs";
}

std::string fonts_dir() {
    if (const char* env = std::getenv("IMFOLIO_FONTS"); env && *env) return env;
    std::string dir = executable_dir();
    for (const std::string& candidate : {dir + "/fonts", dir + "/../fonts"})
        if (is_dir(candidate + "/files")) return candidate;
    return dir + "/../fonts";
}

}  // namespace platform
