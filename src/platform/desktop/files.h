// platform/desktop/files.h: reading files (a profile and its bibliographies) and
// finding the font slices, natively.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "profile/load.h"

namespace platform {

// The whole file, or nullopt with `error` set ("No such file or directory"). With
// `max_bytes`, at most that many are read: a profile over its size limit (a huge file,
// /dev/zero, a pipe that never ends) costs max_bytes of memory and time, never more.
std::optional<std::string> read_file(const std::string& path, std::string* error = nullptr,
                                     std::size_t max_bytes = std::numeric_limits<std::size_t>::max());

// A profile's bytes: at most one more than the file size limit, which is enough for the
// loader to refuse it (profile/limits.h).
std::optional<std::string> read_profile_file(const std::string& path, std::string* error);
bool write_file(const std::string& path, const std::string& bytes, std::string* error = nullptr);

// A profile as check, export, view and bench show it: read (at most one byte past the
// size limit), loaded, and each file its "bibliography" names read from beside it
// (relative to the profile's folder, with the same limit; profile/load.h refuses
// absolute names) and merged (profile/bibliography.h). A bibliography that cannot be
// read is an error at its name in the profile; everything else still shows. A file
// named *.bib (any case) is read as a bibliography alone.
struct ProfileFile {
    bool readable = false;           // false: the file itself could not be read; `error` says why
    std::string error;
    std::string bytes;               // the file's own bytes
    bool bibliography_only = false;  // it was a .bib: only publications
    profile::LoadResult loaded;
    // Per loaded.bibliography entry: its bytes, or nullopt when it could not be read
    // (export copies them beside the profile, where the page fetches them).
    std::vector<std::optional<std::string>> bibliographies;
};
ProfileFile load_profile_file(const std::string& path);

// The files a loaded profile was read from: the profile and the bibliographies it names
// (what `imfolio view` watches for saves).
std::vector<std::string> profile_files(const std::string& path, const ProfileFile& f);

// When each of `files` was last written (0 for one that is not there): a save of any of
// them changes the result.
std::vector<long long> modification_times(const std::vector<std::string>& files);

// Where the font slices are: $IMFOLIO_FONTS, else fonts/ beside the executable,
// else ../fonts (build/native/imfolio -> build/fonts).
std::string fonts_dir();

// scripts/cv-pdf.mjs, which prints the exported page as cv.pdf: $IMFOLIO_CV_SCRIPT, else
// the source tree's, seen from build/native/imfolio.
std::string cv_script();

}  // namespace platform
