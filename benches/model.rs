//! The model natively, measured with criterion: one recalculation of each shipped proposal at its
//! published horizon, at 120 months and at the longest horizon (600 months), writing and
//! reading its link, and finding every lever's switching values. The page reruns the model on every input event, so a run must stay far below
//! a frame (16.7 ms).
//!
//!     cargo bench --bench model          (or scripts/bench.sh, which prints one table of everything)
//!
//! `cargo test --all-targets` runs each benchmark once, unmeasured, to prove it still works.

// Criterion is a native dev-dependency: the WebAssembly build's lints see an empty benchmark.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, BenchmarkId, Criterion};
    use invest_to_save::analysis::switching_values;
    use invest_to_save::codec;
    use invest_to_save::model::{self, Scenario};
    use invest_to_save::proposal::presets::presets;

    /// The horizons measured: the proposal's own, then a ten-year and the longest one allowed.
    fn horizons(published: u32) -> Vec<u32> {
        let mut horizons = vec![published];
        for longer in [120, 600] {
            if !horizons.contains(&longer) {
                horizons.push(longer);
            }
        }
        horizons
    }

    fn recalculation(c: &mut Criterion) {
        let proposals = presets();
        for proposal in proposals {
            let mut group = c.benchmark_group(proposal.id.as_str());
            for horizon in horizons(proposal.baseline.horizon_months) {
                let mut scenario = proposal.baseline.clone();
                scenario.horizon_months = horizon;
                group.bench_with_input(
                    BenchmarkId::new("model run", horizon),
                    &scenario,
                    |b, scenario| b.iter(|| model::run(black_box(scenario))),
                );
                let link = codec::write(proposal, &scenario);
                group.bench_with_input(
                    BenchmarkId::new("write link", horizon),
                    &scenario,
                    |b, scenario| b.iter(|| codec::write(proposal, black_box(scenario))),
                );
                group.bench_with_input(BenchmarkId::new("read link", horizon), &link, |b, link| {
                    b.iter(|| codec::parse(black_box(link), proposals))
                });
                // Every lever's switching values, paying back by the horizon's last month.
                let paying_back_by_the_end = Scenario {
                    pay_back_by: scenario.last_month(),
                    ..scenario.clone()
                };
                group.bench_with_input(
                    BenchmarkId::new("switching values", horizon),
                    &paying_back_by_the_end,
                    |b, scenario| {
                        b.iter(|| switching_values(proposal.levers(), black_box(scenario)))
                    },
                );
            }
            group.finish();
        }
    }

    criterion_group! {
        name = benches;
        // Enough samples for a stable median in about a minute for everything on a 2-core machine.
        config = Criterion::default()
            .sample_size(40)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        targets = recalculation
    }
}
