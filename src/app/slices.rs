//! Work the page does after an input, a slice at a time, so that the next input is answered
//! first: the switching values and the uncertainty run.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

/// How long one slice may run before the page may answer the next input (each slice takes at
/// least one step).
pub const SLICE_MS: f64 = 8.0;

/// How long after a change the work starts: a slider being dragged sends an input every frame,
/// and each would otherwise start (and cancel) work the page must finish before it can paint.
pub const PAUSE_MS: u32 = 50;

/// Calls `step` (which says whether there is more to do) for up to `SLICE_MS` at a time, with
/// the page free between slices, starting `after_ms` from now; after each slice `after_slice`
/// hears whether there is more. Stops when there is no more or `cancelled` is set (the
/// scenario moved on).
pub fn in_slices<Step, AfterSlice>(
    after_ms: u32,
    cancelled: Rc<Cell<bool>>,
    mut step: Step,
    mut after_slice: AfterSlice,
) where
    Step: FnMut() -> bool + 'static,
    AfterSlice: FnMut(bool) + 'static,
{
    // Forgotten, not kept: a timer must not be dropped from inside its own callback, and
    // `cancelled` stops a chain that is no longer wanted.
    Timeout::new(after_ms, move || {
        if cancelled.get() {
            return;
        }
        let started = js_sys::Date::now();
        let mut more = true;
        while more && js_sys::Date::now() - started < SLICE_MS {
            more = step();
        }
        after_slice(more);
        if more {
            in_slices(0, cancelled, step, after_slice);
        }
    })
    .forget();
}
