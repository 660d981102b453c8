#include "ui/fetch_policy.h"

namespace ui {

std::string profile_fetch_failure(int status, int attempts, std::size_t max_bytes) {
    if (status == kFetchTooLarge)
        return "the profile is larger than the limit of " + std::to_string(max_bytes) + " bytes (" +
               std::to_string(max_bytes >> 20) + " MiB); it was not downloaded";
    if (status == 0)
        return "could not fetch the profile (network error or timeout after " + std::to_string(attempts) + " attempts)";
    return "could not fetch the profile: HTTP " + std::to_string(status);
}

std::string fetch_failure(int status, std::size_t max_bytes) {
    if (status == kFetchTooLarge) return "larger than the limit of " + std::to_string(max_bytes) + " bytes";
    if (status == 0) return "a network error or the timeout";
    return "HTTP " + std::to_string(status);
}

std::string html_answer_note(std::string_view content_type) {
    if (content_type.find("html") == std::string_view::npos) return {};
    return "the server answered with an HTML page (" + std::string(content_type) + "), not a JSON profile";
}

}  // namespace ui
