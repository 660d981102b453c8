// tests/fuzz/replay_main.cpp: runs the fuzz target over files, without libFuzzer.
//
// usage: fuzz_replay PATH...   (files, or folders whose files are all run)
// ctest runs it over tests/fuzz/regressions/ (every input that once crashed) and the
// seed corpus, in the normal build and under the sanitizers. A broken invariant aborts
// inside the target; a clean run prints how many inputs passed.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <dirent.h>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "platform/desktop/files.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void collect(const std::string& path, std::vector<std::string>& out) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
        std::fprintf(stderr, "fuzz_replay: %s: not found\n", path.c_str());
        std::exit(2);
    }
    if (!S_ISDIR(st.st_mode)) {
        out.push_back(path);
        return;
    }
    std::vector<std::string> names;
    if (DIR* d = opendir(path.c_str())) {
        while (dirent* e = readdir(d))
            if (e->d_name[0] != '.') names.push_back(e->d_name);
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) collect(path + "/" + n, out);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) collect(argv[i], files);
    if (files.empty()) {
        std::fprintf(stderr, "usage: fuzz_replay PATH...\n");
        return 2;
    }
    for (const std::string& f : files) {
        std::string error;
        auto bytes = platform::read_file(f, &error);
        if (!bytes) {
            std::fprintf(stderr, "fuzz_replay: %s: %s\n", f.c_str(), error.c_str());
            return 2;
        }
        std::fprintf(stderr, "fuzz_replay: %s (%zu bytes)\n", f.c_str(), bytes->size());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size());
    }
    std::printf("fuzz_replay: %zu inputs ran clean\n", files.size());
    return 0;
}
