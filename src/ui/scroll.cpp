#include "ui/scroll.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {
// Friction of a flick: speed falls to 1/e in 0.325 s, about what touch platforms use.
constexpr float kInertiaTimeConstant = 0.325f;
// Wheel steps settle with this time constant: quick, but visibly smooth.
constexpr float kEaseTimeConstant = 0.06f;
constexpr float kMinFlickSpeed = 60.0f;    // px/s
constexpr float kMaxFlickSpeed = 8000.0f;  // px/s: events that arrive in a burst must not fling the page
}  // namespace

void Scroller::step(float dy) {
    velocity_ = 0;
    target_ = std::clamp(target_ + dy, 0.0f, max_);
}

void Scroller::move_by(float dy) { jump_to(y_ + dy); }

void Scroller::jump_to(float y) {
    velocity_ = 0;
    y_ = target_ = std::clamp(y, 0.0f, max_);
}

void Scroller::glide_to(float y) {
    velocity_ = 0;
    target_ = std::clamp(y, 0.0f, max_);
}

void Scroller::drag_begin() {
    dragging_ = true;
    velocity_ = 0;
    drag_velocity_ = 0;
    last_drag_time_ = -1;
    target_ = y_;
}

void Scroller::drag_by(float dy, double time) {
    y_ = target_ = std::clamp(y_ + dy, 0.0f, max_);
    if (last_drag_time_ >= 0 && time > last_drag_time_) {
        float v = dy / static_cast<float>(time - last_drag_time_);
        drag_velocity_ = 0.6f * v + 0.4f * drag_velocity_;  // smooth out jittery samples
    }
    last_drag_time_ = time;
}

void Scroller::drag_end(double time) {
    dragging_ = false;
    // A finger that stopped before lifting does not flick.
    if (last_drag_time_ >= 0 && time - last_drag_time_ > 0.1) drag_velocity_ = 0;
    velocity_ = std::fabs(drag_velocity_) > kMinFlickSpeed ? std::clamp(drag_velocity_, -kMaxFlickSpeed, kMaxFlickSpeed) : 0;
}

void Scroller::set_max(float max) { max_ = std::max(0.0f, max); }

bool Scroller::update(float dt, float max) {
    set_max(max);
    dt = std::clamp(dt, 0.0f, 0.1f);
    if (dragging_) {
        y_ = target_ = std::clamp(y_, 0.0f, max_);
        return false;
    }
    if (velocity_ != 0) {
        y_ += velocity_ * dt;
        velocity_ *= std::exp(-dt / kInertiaTimeConstant);
        if (std::fabs(velocity_) < 8.0f || y_ <= 0 || y_ >= max_) velocity_ = 0;
        y_ = target_ = std::clamp(y_, 0.0f, max_);
        return velocity_ != 0;
    }
    target_ = std::clamp(target_, 0.0f, max_);
    float diff = target_ - y_;
    if (std::fabs(diff) < 0.5f) {
        y_ = target_;
        return false;
    }
    y_ += diff * (1.0f - std::exp(-dt / kEaseTimeConstant));
    return true;
}

bool Scroller::moving() const { return dragging_ || velocity_ != 0 || std::fabs(target_ - y_) >= 0.5f; }

}  // namespace ui
