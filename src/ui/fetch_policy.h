// ui/fetch_policy.h: how hard the page tries to fetch what it needs, and what the
// visitor reads when it cannot. The platform does the fetching (web/page.js on the web);
// the decisions and the words are the same on every platform, so they live here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ui {

// fetch() answered with a network error or the timeout (status 0), or a body larger
// than it was allowed to read (kFetchTooLarge); otherwise the HTTP status.
constexpr int kFetchTooLarge = -1;

struct FetchPolicy {
    int attempts = 3;  // network errors and 5xx are tried this many times in all

    // Whether to try again after `made` attempts ended with `status`.
    bool retry(int status, int made) const { return (status == 0 || status >= 500) && made < attempts; }
    // How long to wait before the next attempt: 0.5 s after the first, then 1.5 s.
    double delay_ms(int made) const { return made <= 1 ? 500.0 : 1500.0; }
};

// Why the profile could not be fetched, in the visitor's words.
std::string profile_fetch_failure(int status, int attempts, std::size_t max_bytes);
// Why a file could not be fetched, as a reason: "HTTP 404", "a network error or the timeout".
std::string fetch_failure(int status, std::size_t max_bytes);

// A note for an answer that came with an HTML content type (a misconfigured server's
// error page): "" for any other type.
std::string html_answer_note(std::string_view content_type);

}  // namespace ui
