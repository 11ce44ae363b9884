//! Work the page does after an input, a slice at a time, so that the next input is answered
//! first: the switching values and the uncertainty run.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageChannel;

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
    step: Step,
    after_slice: AfterSlice,
) where
    Step: FnMut() -> bool + 'static,
    AfterSlice: FnMut(bool) + 'static,
{
    let work = Work {
        cancelled,
        step,
        after_slice,
    };
    // Forgotten, not kept: a timer must not be dropped from inside its own callback, and
    // `cancelled` stops a chain that is no longer wanted. While a slider is dragged each input
    // cancels the work of the one before, whose timer then ends without setting up a chain.
    Timeout::new(after_ms, move || {
        if work.cancelled.get() {
            return;
        }
        match MessageChannel::new() {
            Ok(channel) => work.by_message(channel),
            Err(_) => work.by_timer(),
        }
    })
    .forget();
}

/// The message handler, held until the chain ends.
type Handler = Rc<RefCell<Option<Closure<dyn FnMut()>>>>;

struct Work<Step, AfterSlice> {
    cancelled: Rc<Cell<bool>>,
    step: Step,
    after_slice: AfterSlice,
}

impl<Step, AfterSlice> Work<Step, AfterSlice>
where
    Step: FnMut() -> bool + 'static,
    AfterSlice: FnMut(bool) + 'static,
{
    /// One slice: steps for up to `SLICE_MS`, then tells `after_slice`; whether there is more
    /// (never, once cancelled).
    fn slice(&mut self) -> bool {
        if self.cancelled.get() {
            return false;
        }
        let started = js_sys::Date::now();
        let mut more = true;
        while more && js_sys::Date::now() - started < SLICE_MS {
            more = (self.step)();
        }
        (self.after_slice)(more);
        more
    }

    /// Each slice a task of its own, queued by a message the page sends itself: a browser holds
    /// a timer set from a timer back at least 4 ms, which would leave a third of the time idle,
    /// but queues a message at once, and still answers input between the tasks.
    fn by_message(mut self, channel: MessageChannel) {
        let handler: Handler = Rc::default();
        let (receiving, sending) = (channel.port1(), channel.port2());
        let on_message = {
            let handler = handler.clone();
            let (receiving, sending) = (receiving.clone(), sending.clone());
            Closure::<dyn FnMut()>::new(move || {
                if self.slice() && sending.post_message(&JsValue::NULL).is_ok() {
                    return;
                }
                receiving.set_onmessage(None);
                receiving.close();
                sending.close();
                // Dropped in a later task, never from inside its own call; with it go the
                // work's state and this chain's reference to itself.
                if let Some(finished) = handler.borrow_mut().take() {
                    Timeout::new(0, move || drop(finished)).forget();
                }
            })
        };
        receiving.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        *handler.borrow_mut() = Some(on_message);
        if sending.post_message(&JsValue::NULL).is_err() {
            receiving.set_onmessage(None);
            handler.borrow_mut().take();
        }
    }

    /// The same with timers, where a page cannot make a message channel.
    fn by_timer(mut self) {
        if self.slice() {
            Timeout::new(0, move || self.by_timer()).forget();
        }
    }
}

/// A piece of work finished, and what was asked of it.
#[derive(Debug, PartialEq)]
pub struct Finished<Asked, Done> {
    pub asked: Asked,
    pub done: Done,
}

/// The last finished work while `open`, or None: begun with `start` whenever what is `asked`
/// changes (given the last finished work, whose parts may still hold), made a `step` at a time
/// in slices between inputs, and read with `finish` once complete. Until then the last finished
/// work (for something asked before) is what there is, and its `asked` says so.
#[yew::hook]
pub fn use_sliced<Asked, Work, Done>(
    open: bool,
    asked: Asked,
    start: fn(&Asked, Option<&Finished<Asked, Done>>) -> Work,
    step: fn(&mut Work, &Asked) -> bool,
    finish: fn(&Work) -> Done,
) -> Option<Rc<Finished<Asked, Done>>>
where
    Asked: PartialEq + Clone + 'static,
    Work: 'static,
    Done: 'static,
{
    use yew::prelude::{use_effect_with, use_state};
    let finished = use_state(|| None::<Rc<Finished<Asked, Done>>>);
    {
        let finished = finished.clone();
        use_effect_with((open, asked), move |(open, asked)| {
            let cancelled = Rc::new(Cell::new(false));
            let current = finished.as_ref().is_some_and(|found| found.asked == *asked);
            if *open && !current {
                let working = Rc::new(RefCell::new(start(asked, finished.as_deref())));
                let next = {
                    let (working, asked) = (working.clone(), asked.clone());
                    move || step(&mut working.borrow_mut(), &asked)
                };
                let asked = asked.clone();
                let mut to_set = Some(finished);
                let after_slice = move |more: bool| {
                    // Read once, at the end: statistics over every draw are not for each slice.
                    if more {
                        return;
                    }
                    if let Some(finished) = to_set.take() {
                        finished.set(Some(Rc::new(Finished {
                            asked: asked.clone(),
                            done: finish(&working.borrow()),
                        })));
                    }
                };
                in_slices(PAUSE_MS, cancelled.clone(), next, after_slice);
            }
            move || cancelled.set(true)
        });
    }
    open.then(|| (*finished).clone()).flatten()
}
