#include <doctest/doctest.h>

#include <vector>

#include "ui/scroll.h"

TEST_CASE("scroll: a wheel step glides to its target and stops") {
    ui::Scroller s;
    s.set_max(1000);
    s.step(80);
    int frames = 0;
    while (s.update(1.0f / 60, 1000) && frames < 200) ++frames;
    CHECK(s.y() == doctest::Approx(80));
    CHECK(frames > 3);    // eased, not a jump
    CHECK(frames < 60);   // and settled within a second
    CHECK_FALSE(s.moving());
}

TEST_CASE("scroll: steps accumulate and clamp to the page") {
    ui::Scroller s;
    s.set_max(100);
    s.step(80);
    s.step(80);
    while (s.update(1.0f / 60, 100)) {
    }
    CHECK(s.y() == doctest::Approx(100));
    s.step(-500);
    while (s.update(1.0f / 60, 100)) {
    }
    CHECK(s.y() == 0);
}

TEST_CASE("scroll: a drag follows the finger; a flick keeps going and slows down") {
    ui::Scroller s;
    s.set_max(10000);
    s.drag_begin();
    double t = 1.0;
    for (int i = 0; i < 6; ++i) s.drag_by(30, t += 0.016);
    CHECK(s.y() == doctest::Approx(180));
    s.drag_end(t + 0.008);
    // Positions are whole pixels, so compare the distance covered over ten-frame windows.
    std::vector<float> ys{s.y()};
    while (s.update(1.0f / 60, 10000) && ys.size() < 600) ys.push_back(s.y());
    for (std::size_t i = 1; i < ys.size(); ++i) CHECK(ys[i] >= ys[i - 1]);  // never backwards
    REQUIRE(ys.size() > 21);
    CHECK(ys[10] - ys[0] > ys[20] - ys[10]);  // decelerating
    CHECK(s.y() > 400);       // it coasted well past where the finger lifted
    CHECK(ys.size() < 300);   // and stopped within five seconds
}

TEST_CASE("scroll: a finger that stopped before lifting does not flick") {
    ui::Scroller s;
    s.set_max(10000);
    s.drag_begin();
    double t = 1.0;
    for (int i = 0; i < 6; ++i) s.drag_by(30, t += 0.016);
    s.drag_end(t + 0.3);
    CHECK_FALSE(s.update(1.0f / 60, 10000));
    CHECK(s.y() == doctest::Approx(180));
}
