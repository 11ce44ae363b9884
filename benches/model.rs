//! The model natively, measured with criterion: one recalculation of each shipped proposal at its
//! published horizon, at 120 months and at the longest horizon (600 months), writing and
//! reading its link, every lever's switching values and its sensitivity rows; and the
//! 10,000-draw uncertainty run at the published horizon and at 120 months. The page reruns the model on every input event, so a run must stay far below
//! a frame (16.7 ms).
//!
//!     cargo bench --bench model          (or scripts/bench.sh, which prints one table of everything)
//!
//! `cargo test --all-targets` runs each benchmark once, unmeasured, to prove it still works.

// Criterion is a native dev-dependency: the WebAssembly build's lints see an empty benchmark.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches, native::monte_carlo);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, BenchmarkId, Criterion};
    use invest_to_save::analysis::sensitivity::DEFAULT_SWING_PERCENT;
    use invest_to_save::analysis::uncertainty::{DEFAULT_DRAWS, DEFAULT_SEED};
    use invest_to_save::analysis::{sensitivity, switching_values, uncertain_levers, uncertainty};
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
                group.bench_with_input(
                    BenchmarkId::new("sensitivity", horizon),
                    &scenario,
                    |b, scenario| {
                        b.iter(|| {
                            sensitivity(
                                proposal.levers(),
                                black_box(scenario),
                                DEFAULT_SWING_PERCENT,
                            )
                        })
                    },
                );
            }
            group.finish();
        }
    }

    /// The Monte Carlo run, 10,000 draws: each a run of the model, so about 10,000 times one.
    fn uncertainty_run(c: &mut Criterion) {
        for proposal in presets() {
            let mut group = c.benchmark_group(proposal.id.as_str());
            for horizon in [proposal.baseline.horizon_months, 120] {
                let mut scenario = proposal.baseline.clone();
                scenario.horizon_months = horizon;
                let drawn = uncertain_levers(proposal.levers(), &scenario);
                group.bench_with_input(
                    BenchmarkId::new("uncertainty 10,000 draws", horizon),
                    &scenario,
                    |b, scenario| {
                        b.iter(|| {
                            uncertainty(
                                proposal.levers(),
                                black_box(scenario),
                                &drawn,
                                DEFAULT_DRAWS,
                                DEFAULT_SEED,
                            )
                        })
                    },
                );
                if horizon == 120 {
                    break;
                }
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

    criterion_group! {
        name = monte_carlo;
        // Each iteration is 10,000 runs of the model: criterion's fewest samples.
        config = Criterion::default()
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(5));
        targets = uncertainty_run
    }
}
