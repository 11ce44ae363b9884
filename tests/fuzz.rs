#![cfg(not(target_arch = "wasm32"))]
//! The fuzz harness in its quick mode: a few thousand seeded hostile inputs across every entry
//! point that reads untrusted input (a link's query and fragment, a proposal file, a site file,
//! a typed value, the page's packed data), each read, opened and run through the model and every report. None may
//! panic, none may open broken (a slider out of range, a download or link that does not read
//! back), and none may hold more than 64 MB. The long run, with timings, is
//! `cargo run --profile fuzz --example fuzz` (README, "Hostile input").

// The timings and names are for the long run's report.
#[allow(dead_code)]
#[path = "../examples/fuzz/harness.rs"]
mod harness;
#[path = "../examples/fuzz/meter.rs"]
mod meter;

use harness::{generate, quiet_panics, run_case, Entry};

#[global_allocator]
static METER: meter::Meter = meter::Meter;

/// Inputs per entry point: enough to meet every kind of mutation many times over.
const QUICK_INPUTS: u64 = 400;
const MOST_BYTES: usize = 64 * 1024 * 1024;

#[test]
fn a_few_thousand_hostile_inputs_never_panic_never_open_broken_and_stay_small() {
    quiet_panics();
    let mut found = Vec::new();
    for entry in Entry::ALL {
        // A seed of its own, so the quick run meets inputs the long run's default seed does not.
        for index in 0..QUICK_INPUTS {
            let case = generate(entry, 20_261_202, index);
            let outcome = run_case(&case);
            if let Some(panic) = outcome.panic {
                found.push(format!(
                    "{} #{index} panicked: {panic}\n  {case}",
                    entry.name()
                ));
            }
            for violation in outcome.violations {
                found.push(format!("{} #{index}: {violation}\n  {case}", entry.name()));
            }
            if outcome.peak_bytes > MOST_BYTES {
                found.push(format!(
                    "{} #{index} held {} bytes\n  {case}",
                    entry.name(),
                    outcome.peak_bytes
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
