//! Fuzzes every entry point that reads untrusted input with seeded hostile inputs, and reports
//! panics, broken promises (a file that reads but opens broken), the slowest inputs and the
//! peak memory of any one input.
//!
//!     cargo run --profile fuzz --example fuzz -- [--inputs 100000] [--seed 1] [--entry file]
//!
//! The `fuzz` profile is the release build with overflow checks on, so an overflow is a panic
//! here as it is in a debug build. Exit code 1 when anything was found, or when an input took
//! longer than 50 ms to open or held more than 64 MB.

mod harness;
mod meter;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use harness::{generate, quiet_panics, run_case, Case, Entry, Outcome};

#[global_allocator]
static METER: meter::Meter = meter::Meter;

/// The promises of the security issue: no input slower than this to open, or heavier.
const MOST_TIME: Duration = Duration::from_millis(50);
const MOST_BYTES: usize = 64 * 1024 * 1024;

struct Options {
    inputs: u64,
    seed: u64,
    entries: Vec<Entry>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        inputs: 100_000,
        seed: 1,
        entries: Entry::ALL.to_vec(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--inputs" => {
                options.inputs = value()?.parse().map_err(|_| "--inputs takes a number")?
            }
            "--seed" => options.seed = value()?.parse().map_err(|_| "--seed takes a number")?,
            "--entry" => {
                let name = value()?;
                let entry = Entry::ALL
                    .into_iter()
                    .find(|e| e.flag() == name)
                    .ok_or(format!(
                        "--entry is one of query, fragment, file, site, typed; not \"{name}\""
                    ))?;
                options.entries = vec![entry];
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

/// What one entry point's run found.
#[derive(Default)]
struct Tally {
    inputs: u64,
    panics: Vec<(String, Case)>,
    violations: Vec<(String, Case)>,
    slowest: Vec<(Duration, Case)>,
    /// The slowest single lever move after opening, and the input it followed.
    slowest_move: (Duration, Option<Case>),
    peak: (usize, Option<Case>),
    total_time: Duration,
}

impl Tally {
    fn add(&mut self, case: Case, outcome: Outcome) {
        self.inputs += 1;
        self.total_time += outcome.open_time;
        if outcome.slowest_move > self.slowest_move.0 {
            self.slowest_move = (outcome.slowest_move, Some(case.clone()));
        }
        if let Some(message) = outcome.panic {
            // One example of each distinct panic.
            if !self.panics.iter().any(|(m, _)| *m == message) {
                self.panics.push((message, case.clone()));
            }
        }
        for violation in outcome.violations {
            let kind: String = violation.chars().take(60).collect();
            if !self.violations.iter().any(|(v, _)| v.starts_with(&kind)) {
                self.violations.push((violation, case.clone()));
            }
        }
        if outcome.peak_bytes > self.peak.0 {
            self.peak = (outcome.peak_bytes, Some(case.clone()));
        }
        self.slowest.push((outcome.open_time, case));
        self.slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        self.slowest.truncate(3);
    }
}

/// Keeps a reported input whole, for reproducing it and turning it into a regression test.
fn save(case: &Case, label: &str) -> String {
    let folder = std::path::Path::new("target/fuzz-findings");
    let name = format!("{}-{label}.txt", case.entry.flag());
    let path = folder.join(name);
    match std::fs::create_dir_all(folder).and_then(|()| std::fs::write(&path, &case.text)) {
        Ok(()) => format!(" (saved as {})", path.display()),
        Err(_) => String::new(),
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("fuzz: {message}");
            return ExitCode::from(2);
        }
    };
    quiet_panics();
    let started = Instant::now();
    let mut failed = false;
    println!(
        "Fuzzing with seed {}, {} inputs per entry point",
        options.seed, options.inputs
    );
    println!(
        "\n{:<14} {:>8} {:>7} {:>10} {:>12} {:>12} {:>12} {:>10}",
        "entry point",
        "inputs",
        "panics",
        "violations",
        "mean open",
        "slowest open",
        "slowest move",
        "peak"
    );
    let mut tallies = Vec::new();
    for entry in &options.entries {
        let mut tally = Tally::default();
        for index in 0..options.inputs {
            let case = generate(*entry, options.seed, index);
            let outcome = run_case(&case);
            // Said as found too, so a long run shows its worst at once.
            if outcome.open_time > MOST_TIME || outcome.panic.is_some() {
                eprintln!(
                    "  {} #{index}: {:.0} ms{} ({case})",
                    entry.flag(),
                    outcome.open_time.as_secs_f64() * 1000.0,
                    outcome
                        .panic
                        .as_deref()
                        .map(|p| format!(", panic: {p}"))
                        .unwrap_or_default()
                );
            }
            tally.add(case, outcome);
        }
        println!(
            "{:<14} {:>8} {:>7} {:>10} {:>9.2} ms {:>9.2} ms {:>9.2} ms {:>10}",
            entry.name(),
            tally.inputs,
            tally.panics.len(),
            tally.violations.len(),
            tally.total_time.as_secs_f64() * 1000.0 / tally.inputs.max(1) as f64,
            tally
                .slowest
                .first()
                .map_or(0.0, |s| s.0.as_secs_f64() * 1000.0),
            tally.slowest_move.0.as_secs_f64() * 1000.0,
            megabytes(tally.peak.0),
        );
        tallies.push((*entry, tally));
    }
    for (entry, tally) in &tallies {
        println!("\n== {}", entry.name());
        for (number, (message, case)) in tally.panics.iter().enumerate() {
            failed = true;
            let saved = save(case, &format!("panic-{number}"));
            println!("PANIC {message}\n  input: {case}{saved}");
        }
        for (number, (violation, case)) in tally.violations.iter().enumerate() {
            failed = true;
            let saved = save(case, &format!("broken-{number}"));
            println!("BROKEN {violation}\n  input: {case}{saved}");
        }
        for (number, (time, case)) in tally.slowest.iter().enumerate() {
            let over = *time > MOST_TIME;
            failed |= over;
            let mark = if over { "TOO SLOW" } else { "slowest" };
            let saved = save(case, &format!("slow-{number}"));
            println!(
                "{mark} {:.2} ms\n  input: {case}{saved}",
                time.as_secs_f64() * 1000.0
            );
        }
        if let (time, Some(case)) = &tally.slowest_move {
            let saved = save(case, "slowest-move");
            println!(
                "slowest move {:.2} ms, after\n  input: {case}{saved}",
                time.as_secs_f64() * 1000.0
            );
        }
        if let (bytes, Some(case)) = &tally.peak {
            let over = *bytes > MOST_BYTES;
            failed |= over;
            let mark = if over { "TOO HEAVY" } else { "heaviest" };
            println!("{mark} {}\n  input: {case}", megabytes(*bytes));
        }
    }
    println!(
        "\nDone in {:.0} s: {}",
        started.elapsed().as_secs_f64(),
        if failed {
            "something was found (above)"
        } else {
            "nothing found"
        }
    );
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
