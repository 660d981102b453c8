// app/site_files.h: reading a directory tree someone else wrote (an al-folio site),
// and copying files out of it, without ever leaving it.
//
// Every path is relative to the site's root and checked twice: lexically (no "..", not
// absolute) and after resolving symlinks (the real path must still be under the root's
// real path). Reads and copies are bounded in bytes and listings in entries, so a
// hostile or broken tree (a 10 GB file, /dev/zero behind a symlink, a million news
// items, a symlink loop) costs bounded time and memory. POSIX only: native code.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

class SiteFiles {
public:
    // `root` as the user wrote it (messages show paths under it that way).
    explicit SiteFiles(std::string root);

    bool is_directory() const { return !real_root_.empty(); }
    const std::string& root() const { return root_; }
    // root + "/" + rel, for messages.
    std::string shown(std::string_view rel) const;

    enum class Kind { missing, file, directory, refused };
    // What `rel` is. `refused`: it has "..", is absolute, or resolves outside the root;
    // `why` then says which.
    Kind kind(std::string_view rel, std::string* why = nullptr) const;

    // The file's bytes, at most `max_bytes` (a larger file is refused, not truncated).
    std::optional<std::string> read(std::string_view rel, std::size_t max_bytes, std::string* why) const;

    // The regular files under directory `rel` (relative to the root, sorted), down to
    // `depth` levels, at most `max` of them; names starting with '.' are skipped.
    // `refused` gets entries that resolve outside the root; `truncated` is set when
    // `max` cut the listing short.
    std::vector<std::string> list(std::string_view rel, int depth, std::size_t max, std::vector<std::string>* refused,
                                  bool* truncated) const;

    // The entries directly in directory `rel` (files and directories, sorted, no dot
    // names): the first `max` in sorted order.
    std::vector<std::string> entries(std::string_view rel, std::size_t max) const;

    // Copies file `rel` to out_root/rel, creating directories. At most `max_bytes`; a
    // file that is already the destination (OUT_DIR inside the site) is left alone.
    bool copy_to(std::string_view rel, const std::string& out_root, std::size_t max_bytes, std::string* why) const;

private:
    std::optional<std::string> resolve(std::string_view rel, std::string* why) const;

    std::string root_;
    std::string real_root_;  // empty when the root is not a readable directory
};

// mkdir -p.
bool make_directories(const std::string& path, std::string* why);

// Whether `rel` is a plain relative path inside its root: not empty, not absolute, no ".." part.
bool is_contained_path(std::string_view rel);

}  // namespace app
