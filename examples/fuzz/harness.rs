//! The fuzz harness: seeded generators of hostile input for every entry point that reads what a
//! stranger can hand the calculator (a link's query, a link's fragment, a proposal file, a site
//! file, a value typed in a box), and the work the page and `calc` do with each: read it, run
//! the model, write every report. Shared by the long run (`examples/fuzz/main.rs`) and the quick
//! run in the test command (`tests/fuzz.rs`).

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use invest_to_save::analysis::comparison::compare;
use invest_to_save::analysis::sensitivity::DEFAULT_SWING_PERCENT;
use invest_to_save::analysis::{
    discounted, optimism_bias, sensitivity, switching_values, uncertain_levers, uncertainty,
};
use invest_to_save::codec;
use invest_to_save::codec::base64url::to_base64url;
use invest_to_save::codec::fragment::{decode_proposal, encode_proposal, proposal_in_fragment};
use invest_to_save::levers::{Lever, LeverValue, Range};
use invest_to_save::model::{self, Scenario};
use invest_to_save::proposal::assumptions::{round_trips, with_assumptions};
use invest_to_save::proposal::presets::{presets, PRESET_FILES};
use invest_to_save::proposal::{read_proposal, read_proposal_bytes, Proposal};
use invest_to_save::reconcile::{contradictions, reconcile};
use invest_to_save::report::{self, csv, json, svg, text};
use invest_to_save::site::build::{build_site, read_proposals};
use invest_to_save::site::config::{read_site_config, Branding};
use invest_to_save::site::page_data::{PageData, ProposalText};
use invest_to_save::site::prerender::{masthead, static_page};

use super::meter;

/// Every entry point that reads untrusted input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Query,
    Fragment,
    ProposalFile,
    SiteFile,
    TypedValue,
    PageData,
}

impl Entry {
    pub const ALL: [Entry; 6] = [
        Entry::Query,
        Entry::Fragment,
        Entry::ProposalFile,
        Entry::SiteFile,
        Entry::TypedValue,
        Entry::PageData,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Entry::Query => "query string",
            Entry::Fragment => "link fragment",
            Entry::ProposalFile => "proposal file",
            Entry::SiteFile => "site.toml",
            Entry::TypedValue => "typed value",
            Entry::PageData => "page data",
        }
    }

    pub fn flag(self) -> &'static str {
        match self {
            Entry::Query => "query",
            Entry::Fragment => "fragment",
            Entry::ProposalFile => "file",
            Entry::SiteFile => "site",
            Entry::TypedValue => "typed",
            Entry::PageData => "page",
        }
    }
}

/// SplitMix64: small, fast and the same on every machine, so a seed names its inputs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 to `n - 1` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One generated input.
#[derive(Clone)]
pub struct Case {
    pub entry: Entry,
    pub text: String,
    /// For a typed value: which shipped proposal and which of its levers.
    pub lever: Option<(usize, usize)>,
}

impl fmt::Display for Case {
    /// The input, shortened for a report line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A fragment is shown as the file it carries.
        let carried = match self.entry {
            Entry::Fragment => {
                proposal_in_fragment(&self.text).and_then(|v| decode_proposal(v).ok())
            }
            Entry::Query
            | Entry::ProposalFile
            | Entry::SiteFile
            | Entry::TypedValue
            | Entry::PageData => None,
        };
        let text = carried.as_deref().unwrap_or(&self.text);
        let shown: String = text.chars().take(100).collect();
        let shown = shown.replace('\n', "\\n");
        let more = if text.chars().count() > 100 {
            "..."
        } else {
            ""
        };
        write!(f, "{} bytes: {shown}{more}", self.text.len())?;
        if let Some((proposal, lever)) = self.lever {
            write!(f, " (proposal {proposal}, lever {lever})")?;
        }
        Ok(())
    }
}

/// Numbers a hostile file or link may write.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "0.5",
    "1e-20",
    "1e-28",
    "-1e-20",
    "0.0000000000000000000000000001",
    "1e300",
    "-1e300",
    "1e28",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "99999999999999999999999999999999",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "100000000",
    "601",
    "600",
    "121",
    "61",
    "1001",
    "10000000000",
    "10000000001",
    "-10000000000",
    "33333.333333333333333333333",
    "1_000_000",
    "nan",
    "inf",
    "-inf",
    "\"1e-20\"",
    "\"12,34\"",
    "\"£7,500\"",
    "\"\"",
    "true",
    "[]",
    "{}",
];

/// Texts a hostile file or link may write (as their content, before TOML quoting).
const TEXTS: &[&str] = &[
    "",
    " ",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\tcmd",
    "\rcmd",
    "a,b",
    "say \"hi\"",
    "back\\slash",
    "two\nlines",
    "[assumptions]",
    "\n[assumptions]\nallocation = 1\n",
    "\"\"\"",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "&amp;",
    "]]>",
    "javascript:alert(1)",
    "//other.example/",
    "\u{202e}reversed",
    "\u{0}nul",
    "sandwell",
    "council",
    "2023-02",
    "2022/23",
    "none",
    "9999-99",
    "1990-01",
    "2100-12",
];

/// Lines a hostile file may add anywhere.
const LINES: &[&str] = &[
    "months = 100000000",
    "months = 4294967295",
    "months = 601",
    "ramp_months = 121",
    "ramp_months = 4294967295",
    "per_month = -1",
    "one_off = 1e-20",
    "one_off = 0.00000001",
    "units = 1e12",
    "case_duration_months = 4294967295",
    "cases_per_cashable_step = 4294967295",
    "after_plan_trend_percent = 1000",
    "[assumptions]",
    "[adjustments]",
    "contingency_percent = 100",
    "realisation_percent = 0",
    "[[investment]]",
    "[[saving]]",
    "[published]",
    "payback_month = \"2100-12\"",
    "start = \"1990-01\"",
    "start = \"2100-12\"",
    "format = 2",
    "total = 1e28",
];

/// The proposal files that seed the mutations: the shipped ones, the worked example and the
/// smallest file that reads.
fn seed_files() -> Vec<&'static str> {
    let mut seeds: Vec<&str> = PRESET_FILES.iter().map(|(_, text)| *text).collect();
    seeds.push(include_str!("../../proposals/childrens_home.toml"));
    seeds.push(include_str!("../../tests/fixtures/minimal.toml"));
    seeds
}

fn seed_sites() -> Vec<&'static str> {
    vec![
        include_str!("../../site.toml"),
        include_str!("../../tests/fixtures/site/site.toml"),
    ]
}

/// A text as a TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Byte ranges of the numbers written after `=`, `[` or `,`.
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let after_value_start = i > 0 && matches!(bytes[i - 1], b' ' | b'=' | b'[' | b',');
        let starts = bytes[i].is_ascii_digit()
            || (bytes[i] == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        if after_value_start && starts {
            let start = i;
            i += 1;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit() || matches!(bytes[i], b'.' | b'_' | b'e' | b'E'))
            {
                i += 1;
            }
            spans.push((start, i));
        } else {
            i += 1;
        }
    }
    spans
}

/// Byte ranges of the one-line strings, quotes included.
fn string_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(equals) = line.find("= \"") {
            let start = equals + 2;
            if let Some(end) = line[start + 1..].find('"') {
                if !line[start..].starts_with("\"\"\"") {
                    spans.push((offset + start, offset + start + end + 2));
                }
            }
        }
        offset += line.len();
    }
    spans
}

fn replace_span(text: &str, (start, end): (usize, usize), with: &str) -> String {
    format!("{}{with}{}", &text[..start], &text[end..])
}

/// A `[[investment]]` or `[[saving]]` block, cloned `copies` times with fresh ids.
fn clone_block(text: &str, rng: &mut Rng, copies: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let headers: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("[[investment]]") || l.starts_with("[[saving]]"))
        .map(|(i, _)| i)
        .collect();
    if headers.is_empty() {
        return text.to_string();
    }
    let start = *rng.pick(&headers);
    let end = (start + 1..lines.len())
        .find(|i| lines[*i].starts_with('['))
        .unwrap_or(lines.len());
    let block = &lines[start..end];
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut extra = Vec::new();
    for copy in 0..copies {
        for line in block {
            match line.strip_prefix("id = \"") {
                Some(rest) => extra.push(format!("id = \"c{copy}_{rest}")),
                None => extra.push(line.to_string()),
            }
        }
    }
    out.splice(end..end, extra);
    out.join("\n") + "\n"
}

/// One mutation of a TOML text.
fn mutate(text: &str, rng: &mut Rng, lines_pool: &[&str]) -> String {
    match rng.below(11) {
        0 | 1 => {
            let spans = number_spans(text);
            if spans.is_empty() {
                return text.to_string();
            }
            let span = *rng.pick(&spans);
            let number: &&str = rng.pick(NUMBERS);
            replace_span(text, span, number)
        }
        2 | 3 => {
            let spans = string_spans(text);
            if spans.is_empty() {
                return text.to_string();
            }
            let span = *rng.pick(&spans);
            let content = if rng.chance(10) {
                "x".repeat(rng.pick(&[300, 5_000, 100_000]).to_owned())
            } else {
                rng.pick(TEXTS).to_string()
            };
            replace_span(text, span, &quoted(&content))
        }
        4 => {
            let mut lines: Vec<&str> = text.lines().collect();
            if !lines.is_empty() {
                let at = rng.below(lines.len());
                lines.remove(at);
            }
            lines.join("\n") + "\n"
        }
        5 => {
            let mut lines: Vec<&str> = text.lines().collect();
            let at = rng.below(lines.len() + 1);
            let line: &&str = rng.pick(lines_pool);
            lines.insert(at, line);
            lines.join("\n") + "\n"
        }
        6 => {
            let copies = *rng.pick(&[1, 2, 5, 60, 300, 1_000]);
            clone_block(text, rng, copies)
        }
        7 => {
            // A long list where a list was.
            let spans: Vec<usize> = text.match_indices("= [").map(|(i, _)| i + 2).collect();
            if spans.is_empty() {
                return text.to_string();
            }
            let start = *rng.pick(&spans);
            let Some(length) = text[start..].find(']') else {
                return text.to_string();
            };
            let count = *rng.pick(&[61, 121, 601, 5_000, 30_000, 100_000]);
            let entry = rng.pick(&["1", "0", "1e-20", "99999999999"]).to_string();
            let list = format!("[{}]", vec![entry; count].join(","));
            replace_span(text, (start, start + length + 1), &list)
        }
        8 => {
            let mut cut = rng.below(text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text[..cut].to_string()
        }
        9 => {
            let mut chars: Vec<char> = text.chars().collect();
            if !chars.is_empty() {
                let at = rng.below(chars.len());
                chars[at] = char::from(b' ' + (rng.below(95) as u8));
            }
            chars.into_iter().collect()
        }
        _ => {
            let lines: Vec<&str> = text.lines().collect();
            let mut out: Vec<&str> = lines.clone();
            if lines.len() > 1 {
                let a = rng.below(lines.len());
                let b = rng.below(lines.len());
                out.swap(a, b);
            }
            out.join("\n") + "\n"
        }
    }
}

fn mutated(seeds: &[&str], rng: &mut Rng, lines_pool: &[&str]) -> String {
    let mut text = rng.pick(seeds).to_string();
    for _ in 0..=rng.below(3) {
        text = mutate(&text, rng, lines_pool);
    }
    text
}

fn query(rng: &mut Rng) -> String {
    let proposals = presets();
    let proposal = rng.pick(proposals);
    let keys: Vec<String> = proposal.levers().iter().map(|l| l.key.clone()).collect();
    let mut pairs = vec!["v=1".to_string()];
    if rng.chance(90) {
        pairs.push(format!("p={}", proposal.id));
    }
    if rng.chance(1) {
        // Many distinct unknown keys, or one key many times.
        let count = *rng.pick(&[5_000, 50_000]);
        let repeated = rng.chance(50);
        for i in 0..count {
            if repeated {
                pairs.push(format!("{}={i}", keys.first().map_or("x", String::as_str)));
            } else {
                pairs.push(format!("unknown{i}=1"));
            }
        }
        return pairs.join("&");
    }
    for _ in 0..rng.below(12) {
        let key = if rng.chance(85) && !keys.is_empty() {
            rng.pick(&keys).clone()
        } else {
            rng.pick(&["p", "v", "proposal", "%00", "a%ZZ", "", "x.y.z"])
                .to_string()
        };
        let value = match rng.below(4) {
            0 => rng.pick(NUMBERS).trim_matches('"').to_string(),
            1 => {
                let text: &&str = rng.pick(TEXTS);
                codec::percent_encode(text)
            }
            2 => rng
                .pick(&[
                    "%E2%82%AC",
                    "%C2%A37%2C500",
                    "%",
                    "%F0",
                    "1,5",
                    "12,34",
                    "1,,000",
                ])
                .to_string(),
            _ => (rng.next() % 10_000).to_string(),
        };
        pairs.push(format!("{key}={value}"));
    }
    pairs.join("&")
}

fn fragment(rng: &mut Rng, seeds: &[&str]) -> String {
    match rng.below(10) {
        0 => {
            const ALPHABET: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=%#&";
            let length = rng.below(400);
            let value: String = (0..length)
                .map(|_| char::from(*rng.pick(ALPHABET)))
                .collect();
            format!("proposal={value}")
        }
        1 => {
            // A link that unpacks to far more than any proposal file.
            let size = *rng.pick(&[1_000_001, 4_000_000]);
            let packed = miniz_oxide::deflate::compress_to_vec(&vec![b'#'; size], 9);
            format!("proposal={}", to_base64url(&packed))
        }
        2 => {
            let value = encode_proposal(&mutated(seeds, rng, LINES));
            let cut = rng.below(value.len() + 1);
            format!("proposal={}", &value[..cut])
        }
        _ => format!("proposal={}", encode_proposal(&mutated(seeds, rng, LINES))),
    }
}

const SITE_LINES: &[&str] = &[
    "home_url = \"//other.example/\"",
    "home_url = \"javascript:alert(1)\"",
    "home_url = \"https://www.council.example/\"",
    "home_url = \"http://www.council.example/\"",
    "logo = \"../../../etc/passwd\"",
    "logo = \"crest.svg\"",
    "logo_alt = \"<script>alert(1)</script>\"",
    "name = \"<b>Council</b>\"",
    "title = \"\\\"><img src=x onerror=alert(1)>\"",
    "brand = \"#zzzzzz\"",
    "brand = \"#ffffff\"",
    "proposals = []",
    "[council]",
    "[colours]",
];

/// The page data the site build writes for the shipped proposals, packed.
fn shipped_page_data() -> &'static str {
    static PACKED: OnceLock<String> = OnceLock::new();
    PACKED.get_or_init(|| {
        let proposals = read_proposals(&ProposalText::shipped())
            .unwrap_or_default()
            .into_iter()
            .map(|(_, published)| published)
            .collect();
        PageData {
            branding: Branding::default(),
            proposals,
        }
        .to_script_text()
    })
}

/// The shipped page data damaged as a page can be: cut short, a character changed, text put in
/// or taken out, two pieces swapped.
fn page_data(rng: &mut Rng) -> String {
    let mut bytes = shipped_page_data().as_bytes().to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        let span = (at + 1 + rng.below(40)).min(bytes.len());
        match rng.below(5) {
            0 => bytes.truncate(at),
            1 if at < bytes.len() => bytes[at] = b' ' + (rng.below(95) as u8),
            2 => {
                let text: &&str = rng.pick(TEXTS);
                bytes.splice(at..at, text.bytes());
            }
            3 => {
                bytes.drain(at..span);
            }
            _ => {
                let other = rng.below(bytes.len() + 1);
                bytes[at.min(other)..at.max(other)].reverse();
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn typed_value(rng: &mut Rng) -> Case {
    let proposals = presets();
    let proposal = rng.below(proposals.len());
    let levers = proposals[proposal].levers();
    let lever = rng.below(levers.len());
    let text = match rng.below(4) {
        0 => rng.pick(NUMBERS).trim_matches('"').to_string(),
        1 => rng.pick(TEXTS).to_string(),
        2 => rng
            .pick(&[
                "£7,500", "7.5e3", "1,5", "12,34", "1,,000", " 44 ", "44%", "£-1", "0x10", "1e-3",
                "2023-02", "none", "None", "", "٣",
            ])
            .to_string(),
        _ => format!("{}.{}", rng.next() % 100_000, rng.next() % 1000),
    };
    Case {
        entry: Entry::TypedValue,
        text,
        lever: Some((proposal, lever)),
    }
}

/// The `index`-th input of an entry point for a seed: the same seed and index give the same
/// input on every machine.
pub fn generate(entry: Entry, seed: u64, index: u64) -> Case {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407) ^ entry as u64);
    let files = seed_files();
    let text = match entry {
        Entry::Query => query(&mut rng),
        Entry::Fragment => fragment(&mut rng, &files),
        Entry::ProposalFile => mutated(&files, &mut rng, LINES),
        Entry::SiteFile => mutated(&seed_sites(), &mut rng, SITE_LINES),
        Entry::TypedValue => return typed_value(&mut rng),
        Entry::PageData => page_data(&mut rng),
    };
    Case {
        entry,
        text,
        lever: None,
    }
}

/// What one input did.
pub struct Outcome {
    /// The panic's message, if it panicked.
    pub panic: Option<String>,
    /// Broken promises that are not panics: a file that reads but opens with a slider out of
    /// range, a download that does not read back, a link that does not.
    pub violations: Vec<String>,
    /// Reading the input and opening it: what the reader waits for.
    pub open_time: Duration,
    /// The slowest single lever move afterwards (model and reports).
    pub slowest_move: Duration,
    /// The most memory held at once, above what was held before.
    pub peak_bytes: usize,
}

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Panics are caught and recorded, not printed: the harness reports them.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{message}{place}"));
        }
    }));
}

/// Runs one input through its entry point and everything downstream of it.
pub fn run_case(case: &Case) -> Outcome {
    let mut violations = Vec::new();
    let mut slowest_move = Duration::ZERO;
    let before = meter::held();
    meter::reset_peak();
    let started = Instant::now();
    let mut open_time = Duration::ZERO;
    let result = catch_unwind(AssertUnwindSafe(|| {
        let opened = open(case, &mut violations);
        open_time = started.elapsed();
        if let Some((proposal, scenario)) = opened {
            slowest_move = move_every_lever(&proposal, &scenario, &mut violations);
        }
    }));
    if open_time.is_zero() {
        open_time = started.elapsed();
    }
    let panic = result.err().map(|_| {
        LAST_PANIC
            .lock()
            .ok()
            .and_then(|mut last| last.take())
            .unwrap_or_else(|| "a panic".into())
    });
    Outcome {
        panic,
        violations,
        open_time,
        slowest_move,
        peak_bytes: meter::peak_above(before),
    }
}

/// Reads the input as its entry point does, and opens what it names: the proposal and the
/// scenario on screen, when there is one.
fn open(case: &Case, violations: &mut Vec<String>) -> Option<(Proposal, Scenario)> {
    match case.entry {
        Entry::Query => {
            let proposals = presets();
            let parsed = codec::parse(&case.text, proposals);
            let proposal = proposals.get(parsed.proposal)?.clone();
            check_in_range(&proposal, &parsed.scenario, "the link", violations);
            exercise_scenario(&proposal, &parsed.scenario, violations);
            Some((proposal, parsed.scenario))
        }
        Entry::Fragment => {
            let value = proposal_in_fragment(&case.text)?;
            let text = decode_proposal(value).ok()?;
            let proposal = read_proposal(&text).ok()?;
            exercise_proposal(&proposal, violations);
            let scenario = proposal.starting.clone();
            Some((proposal, scenario))
        }
        Entry::ProposalFile => {
            let proposal = read_proposal_bytes(case.text.as_bytes()).ok()?;
            exercise_proposal(&proposal, violations);
            let scenario = proposal.starting.clone();
            Some((proposal, scenario))
        }
        Entry::SiteFile => {
            let config = read_site_config(&case.text).ok()?;
            let _ = masthead(&config.branding);
            let files = ProposalText::shipped();
            let index = "<title>x</title><!-- site:page --><!-- /site:page --><!-- site:data --><!-- /site:data -->";
            if let Err(problems) = build_site(&config, files, index, 8) {
                violations.push(format!(
                    "a site file that reads does not build: {}",
                    problems.join("; ")
                ));
            }
            None
        }
        Entry::PageData => {
            // Damaged data is refused; only the data as written may open.
            let data = PageData::from_script_text(&case.text).ok()?;
            if case.text != shipped_page_data() {
                violations.push("damaged page data was read as a site's proposals".into());
            }
            let Some(proposal) = data.into_contents().0.into_iter().next() else {
                violations.push("the page data as written opens no proposal".into());
                return None;
            };
            exercise_proposal(&proposal, violations);
            let scenario = proposal.starting.clone();
            Some((proposal, scenario))
        }
        Entry::TypedValue => {
            let (proposal_index, lever_index) = case.lever?;
            let proposal = presets().get(proposal_index)?.clone();
            let levers = proposal.levers();
            let lever = levers.get(lever_index)?;
            let value = lever.accept(&case.text).ok()?;
            if lever.clamp(value).1.is_some() {
                violations.push(format!(
                    "{} accepted \"{}\", outside its range",
                    lever.key, case.text
                ));
            }
            let mut scenario = proposal.starting.clone();
            lever.set(&mut scenario, value);
            exercise_scenario(&proposal, &scenario, violations);
            Some((proposal, scenario))
        }
    }
}

fn check_in_range(
    proposal: &Proposal,
    scenario: &Scenario,
    what: &str,
    violations: &mut Vec<String>,
) {
    for lever in proposal.levers() {
        let value = lever.get(scenario);
        if let (_, Some(why)) = lever.clamp(value) {
            violations.push(format!(
                "{what} opens with {} outside its range: {why}",
                lever.key
            ));
        }
    }
}

/// What the page and `calc` do with a proposal that has been read: its levers, the model at
/// its starting and published values, every report, the reconciliation, the page built in
/// advance, the link and the download.
fn exercise_proposal(proposal: &Proposal, violations: &mut Vec<String>) {
    check_in_range(proposal, &proposal.starting, "the file", violations);
    for lever in proposal.levers() {
        let value = lever.get(&proposal.starting);
        let _ = (
            lever.describe(value),
            lever.box_text(value),
            lever.link_text(value),
        );
    }
    exercise_scenario(proposal, &proposal.starting, violations);
    let published_run = model::run(&proposal.baseline);
    let reconciliation = reconcile(proposal, &published_run);
    let found = contradictions(proposal);
    let _ = (
        text::reconciliation(&reconciliation),
        text::check_reconciliation(&reconciliation, &found),
        csv::reconciliation(&reconciliation),
    );
    let _ = static_page(&Branding::default(), proposal, &published_run, None);
    if let Err(why) = round_trips(
        &with_assumptions(&proposal.file_text, proposal, &proposal.starting),
        &proposal.starting,
    ) {
        violations.push(format!("the download does not read back: {why}"));
    }
    if decode_proposal(&encode_proposal(&proposal.file_text)).as_deref() != Ok(&*proposal.file_text)
    {
        violations.push("the file does not travel in a link and come back".into());
    }
}

/// The model and every report for one scenario, and its link read back.
fn exercise_scenario(proposal: &Proposal, scenario: &Scenario, violations: &mut Vec<String>) {
    let cashflow = model::run(scenario);
    let link = codec::write(proposal, scenario);
    // One lever's switching values a case (each takes a hundred runs of the model), chosen by
    // the link so that every lever meets hostile scenarios across the run.
    let levers = proposal.levers();
    let chosen = levers
        .len()
        .checked_sub(1)
        .map(|last| link.len() % (last + 1));
    let switching = switching_values(
        chosen.map_or(&[][..], |index| &levers[index..=index]),
        scenario,
    );
    let discounted = discounted(&cashflow, scenario.discount_rate_percent);
    // A few draws every case: each is a run of the model, and hostile ranges are what count.
    let uncertainty = uncertainty(
        levers,
        scenario,
        &uncertain_levers(levers, scenario),
        8,
        link.len() as u64,
    );
    let _ = (
        text::uncertainty(proposal, &cashflow, &uncertainty),
        report::headline(&cashflow),
        report::key_figures(&cashflow),
        text::results(
            proposal,
            &cashflow,
            &discounted,
            optimism_bias(scenario).as_ref(),
        ),
        text::organisations(&cashflow),
        text::years(&cashflow),
        text::months(&cashflow),
        text::working(&cashflow),
        text::budget(&cashflow),
        csv::months(&cashflow),
        csv::years(&cashflow),
        csv::working(&cashflow),
        csv::budget(&cashflow),
        csv::organisations(&cashflow),
        serde_json::to_string(&json::export(&json::Export {
            proposal,
            scenario,
            query: &link,
            cashflow: &cashflow,
            notices: &[],
            switching: &switching,
            discounted: &discounted,
            sensitivity: &sensitivity(proposal.levers(), scenario, DEFAULT_SWING_PERCENT),
            optimism_bias: optimism_bias(scenario).as_ref(),
            uncertainty: Some(&uncertainty),
            comparison: Some(&compare(proposal.levers(), scenario, &[], None, &[])),
        })),
        svg::chart_svg(
            &cashflow,
            proposal
                .published
                .monthly
                .get("cumulative")
                .map(Vec::as_slice),
            &proposal.name,
            "#1d70b8",
        ),
    );
    let read_back = codec::parse(&link, std::slice::from_ref(proposal));
    if read_back.scenario != *scenario {
        violations.push(format!(
            "the link ?{} does not read back to the same scenario",
            link.chars().take(200).collect::<String>()
        ));
    }
}

/// Every lever to each end of its range (and off, where it can be), one at a time, as a reader
/// dragging sliders would; each move is timed. The download of the last scenario must read
/// back.
fn move_every_lever(
    proposal: &Proposal,
    scenario: &Scenario,
    violations: &mut Vec<String>,
) -> Duration {
    let mut slowest = Duration::ZERO;
    let mut moved = scenario.clone();
    for lever in proposal.levers() {
        for value in ends(lever) {
            let started = Instant::now();
            let (value, _) = lever.clamp(value);
            lever.set(&mut moved, value);
            let cashflow = model::run(&moved);
            let _ = (
                report::headline(&cashflow),
                report::key_figures(&cashflow),
                codec::write(proposal, &moved),
            );
            slowest = slowest.max(started.elapsed());
        }
    }
    if let Err(why) = round_trips(
        &with_assumptions(&proposal.file_text, proposal, &moved),
        &moved,
    ) {
        violations.push(format!(
            "the download with every slider moved does not read back: {why}"
        ));
    }
    slowest
}

fn ends(lever: &Lever) -> Vec<LeverValue> {
    let mut values = match lever.range {
        Range::Number { min, max, .. } => vec![LeverValue::Number(min), LeverValue::Number(max)],
        Range::Month { earliest, latest } => {
            vec![LeverValue::Month(earliest), LeverValue::Month(latest)]
        }
    };
    if lever.can_be_off {
        values.push(LeverValue::Off);
    }
    values
}
