#include "platform/desktop/files.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

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

std::optional<std::string> read_file(const std::string& path, std::string* error) {
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        if (error) *error = "is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
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

std::string fonts_dir() {
    if (const char* env = std::getenv("IMFOLIO_FONTS"); env && *env) return env;
    std::string dir = executable_dir();
    for (const std::string& candidate : {dir + "/fonts", dir + "/../fonts"})
        if (is_dir(candidate + "/files")) return candidate;
    return dir + "/../fonts";
}

}  // namespace platform
