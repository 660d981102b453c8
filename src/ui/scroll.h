// ui/scroll.h: page scrolling that feels native: eased wheel steps, drag, inertia.
#pragma once

#include <cmath>

namespace ui {

class Scroller {
public:
    // A wheel or key step of `dy` CSS pixels: eased towards, accumulating with steps in flight.
    void step(float dy);
    // Moves at once by `dy` (trackpad streams), cancelling any glide or flick.
    void move_by(float dy);
    // Jump (no animation) or glide to an absolute position.
    void jump_to(float y);
    void glide_to(float y);
    // Touch drag: the page follows the finger exactly; release hands the finger's speed to inertia.
    void drag_begin();
    void drag_by(float dy, double time);
    void drag_end(double time);

    // The scroll range is [0, max]; positions asked for are kept within it.
    void set_max(float max);
    // Advances animations by dt seconds within [0, max]; returns true while moving.
    bool update(float dt, float max);
    // Whole CSS pixels: imgui floors the cursor after every item, so at a fractional scroll
    // the page-space rects of the document would shift by a pixel from frame to frame,
    // and every frame of a glide would resend them all to the mirror.
    float y() const { return std::round(y_); }
    bool moving() const;
    bool dragging() const { return dragging_; }

private:
    float y_ = 0;
    float target_ = 0;
    float velocity_ = 0;      // px/s, inertia after a flick
    float max_ = 0;
    bool dragging_ = false;
    double last_drag_time_ = 0;
    float drag_velocity_ = 0;
};

}  // namespace ui
