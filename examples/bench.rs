//! Measures the model and the link codec natively: how long one recalculation takes for each
//! proposal at its published horizon and at the longest one (600 months).
//!
//!     cargo run --release --example bench
//!
//! A measurement, not a test: it prints numbers and asserts nothing. The page reruns the model
//! on every input event, so a run must stay far below a frame (16 ms).

use std::hint::black_box;
use std::time::{Duration, Instant};

use invest_to_save::codec;
use invest_to_save::model;
use invest_to_save::proposal::presets::presets;

/// Runs `work` repeatedly for about half a second and returns the mean time of one run.
fn mean_time(mut work: impl FnMut()) -> Duration {
    let mut runs = 0u32;
    let started = Instant::now();
    while started.elapsed() < Duration::from_millis(500) || runs < 10 {
        work();
        runs += 1;
    }
    started.elapsed() / runs
}

fn main() {
    let proposals = presets();
    println!(
        "{:<10} {:>8} {:>14} {:>14} {:>14}",
        "proposal", "months", "model run", "write link", "read link"
    );
    for proposal in proposals {
        for horizon in [proposal.baseline.horizon_months, 600] {
            let mut scenario = proposal.baseline.clone();
            scenario.horizon_months = horizon;
            let run = mean_time(|| {
                black_box(model::run(black_box(&scenario)));
            });
            let link = codec::write(proposal, &scenario);
            let write = mean_time(|| {
                black_box(codec::write(proposal, black_box(&scenario)));
            });
            let read = mean_time(|| {
                black_box(codec::parse(black_box(&link), proposals));
            });
            println!(
                "{:<10} {:>8} {:>11.1} µs {:>11.1} µs {:>11.1} µs",
                proposal.id,
                horizon,
                run.as_secs_f64() * 1e6,
                write.as_secs_f64() * 1e6,
                read.as_secs_f64() * 1e6
            );
        }
    }
}
