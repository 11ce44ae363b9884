//! Checking a proposal file as its author wrote it: every problem, each with its line and column
//! and a message in plain English. Three passes, each listing all it finds:
//!
//! 1. the TOML syntax (one error, with its position: nothing after it can be trusted);
//! 2. the shape: unknown keys (with the nearest known key), values of the wrong type, missing
//!    keys and percentages outside 0 to 100, walked against the table of known keys in
//!    `super::file`;
//! 3. the meaning (months outside the timeline, amounts out of range, totals that do not add
//!    up, slider values outside their range), found while building the proposal and placed in
//!    the file by the key path of the value at fault.

use std::fmt;
use std::ops::Range;

use rust_decimal::Decimal;
use toml_edit::{ImDocument, Item, Table, TableLike, Value};

use super::file::{ProposalFile, ROOT};
use super::schema::{
    Field, Kind, Shape, MAX_DECIMAL_PLACES, MAX_FILE_BYTES, MAX_LIST_ENTRIES, MAX_NAMED,
    MAX_NUMBER, MAX_PROSE_CHARS, MAX_TABLES, MAX_TEXT_CHARS, MAX_WHOLE,
};
use crate::model::money::group_thousands;

/// The most problems listed for one file: past this many, the rest are not looked for (a file
/// of a million unknown keys is not read a million times).
const MAX_PROBLEMS: usize = 100;

/// One problem in a proposal file, and where it is (line and column count from 1; the column
/// counts characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// One step of a key path: a key of a table, or an entry of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where a value sits in the file, e.g. `investment[2].from`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(Vec<Step>);

impl Path {
    pub fn root() -> Self {
        Path::default()
    }

    pub fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_string()));
        Path(steps)
    }

    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Path(steps)
    }

    fn starts_with(&self, other: &Path) -> bool {
        self.0.starts_with(&other.0)
    }
}

/// Problems found while reading a file, each at a key path until they are placed.
#[derive(Debug, Default)]
pub struct Findings {
    items: Vec<(Path, String)>,
}

impl Findings {
    pub fn add(&mut self, at: &Path, message: impl Into<String>) {
        self.items.push((at.clone(), message.into()));
    }

    /// The value, or `None` with its problem noted.
    pub fn ok<T>(&mut self, at: &Path, result: Result<T, String>) -> Option<T> {
        result.map_err(|message| self.add(at, message)).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn count(&self) -> usize {
        self.items.len()
    }

    /// Puts words in front of the messages noted since `count` was `before` (which line they
    /// are about), unless they already say it.
    pub fn prefix_since(&mut self, before: usize, prefix: &str) {
        for (_, message) in self.items.iter_mut().skip(before) {
            if !message.starts_with(prefix) {
                *message = format!("{prefix}{message}");
            }
        }
    }
}

/// A value of the parsed document: a key's item, a value inside a list, or a table of a list
/// of tables.
#[derive(Clone, Copy)]
enum Node<'a> {
    Item(&'a Item),
    Value(&'a Value),
    Table(&'a Table),
}

impl<'a> Node<'a> {
    fn table(self) -> Option<&'a dyn TableLike> {
        match self {
            Node::Item(item) => item.as_table_like(),
            Node::Value(value) => value.as_inline_table().map(|t| t as &dyn TableLike),
            Node::Table(table) => Some(table),
        }
    }

    fn value(self) -> Option<&'a Value> {
        match self {
            Node::Item(item) => item.as_value(),
            Node::Value(value) => Some(value),
            Node::Table(_) => None,
        }
    }

    /// The entries of a list (of values or of tables).
    fn entries(self) -> Option<Vec<Node<'a>>> {
        match self {
            Node::Item(Item::ArrayOfTables(tables)) => {
                Some(tables.iter().map(Node::Table).collect())
            }
            _ => self
                .value()
                .and_then(Value::as_array)
                .map(|array| array.iter().map(Node::Value).collect()),
        }
    }

    fn span(self) -> Option<Range<usize>> {
        match self {
            Node::Item(item) => item.span(),
            Node::Value(value) => value.span(),
            Node::Table(table) => table.span(),
        }
    }

    /// What the value is, in words: "text", "a number", "a list", ...
    fn described(self, source: &str) -> String {
        match self {
            Node::Item(Item::Table(_)) | Node::Table(_) => "a table".into(),
            Node::Item(Item::ArrayOfTables(_)) => "a list of tables".into(),
            Node::Item(Item::None) => "nothing".into(),
            _ => match self.value() {
                Some(Value::String(text)) => {
                    format!("the text \"{}\"", crate::wording::shorten(text.value()))
                }
                // A number as written (1e300, 1_000), as far as the source shows it.
                Some(Value::Integer(_) | Value::Float(_)) => self
                    .span()
                    .and_then(|span| source.get(span))
                    .map(|written| crate::wording::shorten(written.trim()))
                    .unwrap_or_else(|| "a number".into()),
                Some(Value::Boolean(b)) => format!("{}", b.value()),
                Some(Value::Datetime(_)) => "a date".into(),
                Some(Value::Array(_)) => "a list".into(),
                Some(Value::InlineTable(_)) => "a table".into(),
                None => "something else".into(),
            },
        }
    }
}

/// Line and column (from 1) of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn problem(text: &str, span: Option<Range<usize>>, message: String) -> Problem {
    let (line, column) = position(text, span.map_or(0, |s| s.start));
    Problem {
        line,
        column,
        message,
    }
}

/// Edit distance between two keys (insertions, deletions and substitutions).
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The known key nearest to an unknown one.
pub fn nearest<'k>(unknown: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    known
        .into_iter()
        .min_by_key(|candidate| distance(unknown, candidate))
}

/// Why a value is not a usable number.
enum Unusable {
    NotANumber,
    /// Well formed, but too large (or too long) for an exact decimal.
    TooLarge,
}

/// A number as the file may write it: `7500`, `44.5` or `"7,500"`.
fn read_number(value: &Value) -> Option<Result<Decimal, Unusable>> {
    let exact = |text: &str| {
        text.parse::<Decimal>().map_err(|_| {
            let digits = text.strip_prefix('-').unwrap_or(text);
            let numeric = digits.chars().any(|c| c.is_ascii_digit())
                && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
                && digits.matches('.').count() <= 1;
            if numeric {
                Unusable::TooLarge
            } else {
                Unusable::NotANumber
            }
        })
    };
    match value {
        Value::Integer(n) => Some(Ok(Decimal::from(*n.value()))),
        Value::Float(n) if n.value().is_finite() => Some(exact(&n.value().to_string())),
        Value::Float(_) => Some(Err(Unusable::NotANumber)),
        Value::String(text) => Some(exact(&text.value().trim().replace(',', ""))),
        _ => None,
    }
}

/// Why a number the file writes is beyond what a proposal may hold, if it is.
fn out_of_bounds(number: Decimal) -> Option<String> {
    if number.abs() > MAX_NUMBER {
        Some(format!(
            "is {}, beyond the largest number a proposal may hold ({} either side of nought)",
            number.normalize(),
            group_thousands(&MAX_NUMBER.to_string())
        ))
    } else if number.normalize().scale() > MAX_DECIMAL_PLACES {
        Some(format!(
            "is {}, with {} decimal places; round it to at most {MAX_DECIMAL_PLACES}",
            number.normalize(),
            number.normalize().scale()
        ))
    } else {
        None
    }
}

fn count(n: usize) -> String {
    group_thousands(&n.to_string())
}

/// The shape pass: walks the document against the known keys.
struct Walker<'t> {
    text: &'t str,
    problems: Vec<(Path, Problem)>,
    /// Keys to take out before the values are read, so the meaning pass can still run.
    remove: Vec<Path>,
    /// Which line a value is in (`investment "post": `), for the messages of bounds.
    line: Option<String>,
}

impl Walker<'_> {
    fn report(&mut self, at: &Path, span: Option<Range<usize>>, message: String) {
        if self.full() {
            return;
        }
        let found = problem(self.text, span, message);
        self.problems.push((at.clone(), found));
    }

    fn full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    fn table(
        &mut self,
        table: &dyn TableLike,
        shape: &Shape,
        at: &Path,
        span: Option<Range<usize>>,
    ) {
        let named = table
            .iter()
            .filter(|(name, _)| !shape.fields.iter().any(|f| f.name == *name))
            .count();
        if shape.others.is_some() && named > MAX_NAMED {
            self.report(
                at,
                span,
                format!(
                    "{} holds {} entries; a proposal file may give at most {MAX_NAMED}",
                    place(at).trim_start_matches("in "),
                    count(named)
                ),
            );
            self.remove.push(at.clone());
            return;
        }
        // Known keys suggested for unknown ones: a misspelt key is not also reported missing.
        let mut suggested: Vec<&str> = Vec::new();
        for (name, item) in table.iter() {
            let here = at.key(name);
            if self.full() {
                self.remove.push(here);
                continue;
            }
            let key_span = table.key(name).and_then(|k| k.span());
            let field = shape.fields.iter().find(|f| f.name == name);
            let kind = field.map(|f| &f.kind).or(shape.others);
            match kind {
                Some(kind) => self.value(Node::Item(item), kind, field, &here, key_span),
                None => {
                    let place = place(at);
                    let known = shape.fields.iter().map(|f| f.name);
                    let suggestion = match nearest(name, known.clone()) {
                        Some(n) if distance(name, n) <= (name.chars().count() / 2).max(2) => {
                            suggested.push(n);
                            format!("; did you mean `{n}`?")
                        }
                        _ => format!(
                            "; the keys it may hold are {}",
                            known.collect::<Vec<_>>().join(", ")
                        ),
                    };
                    self.report(
                        &here,
                        key_span,
                        format!("unknown key `{name}` {place}{suggestion}"),
                    );
                    self.remove.push(here);
                }
            }
        }
        for field in shape.fields.iter().filter(|f| f.required) {
            if !table.contains_key(field.name) && !suggested.contains(&field.name) {
                let place = place(at);
                let message = match field.kind {
                    Kind::Table(_) | Kind::Tables(_) => format!(
                        "`{}` is missing {place}: add {} ({})",
                        field.name, field.example, field.meaning
                    ),
                    _ => format!(
                        "`{}` is missing {place}: {}, such as {} = {}",
                        field.name, field.meaning, field.name, field.example
                    ),
                };
                self.report(&at.key(field.name), span.clone(), message);
            }
        }
    }

    /// Reports a value that cannot be used, and takes it out before the values are read.
    fn refuse(&mut self, node: Node, at: &Path, span: Option<Range<usize>>, message: String) {
        self.report(at, node.span().or(span), message);
        self.remove.push(at.clone());
    }

    fn wrong(
        &mut self,
        node: Node,
        field: Option<&Field>,
        at: &Path,
        span: Option<Range<usize>>,
        expected: &str,
    ) {
        let name = field.map_or_else(|| last_key(at), |f| f.name.to_string());
        let example = field
            .map(|f| format!(", such as {}", f.example))
            .unwrap_or_default();
        let written = node.described(self.text);
        let message = format!("`{name}` should be {expected}{example}; it is {written}");
        self.refuse(node, at, span, message);
    }

    fn too_large(&mut self, node: Node, at: &Path, span: Option<Range<usize>>) {
        let name = last_key(at);
        let written = node.described(self.text);
        let message = format!("`{name}` is {written}, too large a number for this calculator");
        self.refuse(node, at, span, message);
    }

    /// A number beyond the bounds of every number in a file.
    fn unbounded(&mut self, node: Node, at: &Path, span: Option<Range<usize>>, why: String) {
        let name = last_key(at);
        let line = self.line.clone().unwrap_or_default();
        self.refuse(node, at, span, format!("{line}`{name}` {why}"));
    }

    fn text_of_at_most(
        &mut self,
        node: Node,
        field: Option<&Field>,
        at: &Path,
        key_span: Option<Range<usize>>,
        most: usize,
    ) {
        match node.value() {
            Some(Value::String(text)) if text.value().chars().count() > most => {
                self.too_long(node, at, key_span, most)
            }
            Some(Value::String(_)) => {}
            _ => self.wrong(node, field, at, key_span, "text in double quotes"),
        }
    }

    /// A text longer than its kind may be.
    fn too_long(&mut self, node: Node, at: &Path, span: Option<Range<usize>>, most: usize) {
        let name = last_key(at);
        let length = node
            .value()
            .and_then(Value::as_str)
            .map_or(0, |t| t.chars().count());
        let line = self.line.clone().unwrap_or_default();
        let message = format!(
            "{line}`{name}` is {} characters long; the most it may be is {}",
            count(length),
            count(most)
        );
        self.refuse(node, at, span, message);
    }

    fn value(
        &mut self,
        node: Node,
        kind: &Kind,
        field: Option<&Field>,
        at: &Path,
        key_span: Option<Range<usize>>,
    ) {
        let value = node.value();
        match kind {
            Kind::Text => self.text_of_at_most(node, field, at, key_span, MAX_TEXT_CHARS),
            Kind::Prose => self.text_of_at_most(node, field, at, key_span, MAX_PROSE_CHARS),
            Kind::Whole => match value {
                Some(Value::Integer(n)) if (0..=MAX_WHOLE).contains(n.value()) => {}
                Some(Value::Integer(n)) if *n.value() < 0 => {
                    self.wrong(node, field, at, key_span, "a whole number of 0 or more")
                }
                Some(Value::Integer(n)) => {
                    let why = format!(
                        "is {}; the largest whole number a proposal file may give is {}",
                        n.value(),
                        group_thousands(&MAX_WHOLE.to_string())
                    );
                    self.unbounded(node, at, key_span, why)
                }
                _ => self.wrong(node, field, at, key_span, "a whole number"),
            },
            Kind::Number | Kind::Percent => match value.and_then(read_number) {
                Some(Ok(number)) if out_of_bounds(number).is_some() => {
                    let why = out_of_bounds(number).unwrap_or_default();
                    self.unbounded(node, at, key_span, why)
                }
                Some(Ok(number)) => {
                    if matches!(kind, Kind::Percent)
                        && (number < Decimal::ZERO || number > Decimal::ONE_HUNDRED)
                    {
                        let name = last_key(at);
                        let message = format!("`{name}` is a percentage, so it must be between 0 and 100; it is {number}");
                        self.refuse(node, at, key_span, message);
                    }
                }
                Some(Err(Unusable::TooLarge)) => self.too_large(node, at, key_span),
                _ => self.wrong(node, field, at, key_span, "a number"),
            },
            Kind::Numbers | Kind::Texts => {
                let numbers = matches!(kind, Kind::Numbers);
                let fits = |entry: &Node| match entry.value() {
                    Some(value) if numbers => matches!(read_number(value), Some(Ok(_))),
                    Some(value) => value.is_str(),
                    None => false,
                };
                let entries = node.entries();
                let length = entries.as_ref().map_or(0, Vec::len);
                // The first entry beyond the bounds, and why.
                let beyond = entries.iter().flatten().find_map(|entry| {
                    match entry.value() {
                        Some(Value::String(text)) if text.value().chars().count() > MAX_PROSE_CHARS => {
                            Some(format!(
                                "holds a text of {} characters; the most a text in a list may be is {}",
                                count(text.value().chars().count()),
                                count(MAX_PROSE_CHARS)
                            ))
                        }
                        Some(value) => match read_number(value) {
                            Some(Ok(number)) => out_of_bounds(number)
                                .map(|why| format!("holds a number that {why}")),
                            _ => None,
                        },
                        None => None,
                    }
                });
                match entries {
                    Some(_) if length > MAX_LIST_ENTRIES => {
                        let why = format!(
                            "lists {} entries; a list may hold at most {}",
                            count(length),
                            count(MAX_LIST_ENTRIES)
                        );
                        self.unbounded(node, at, key_span, why)
                    }
                    Some(ref entries) if value.is_some() && entries.iter().all(fits) => {
                        if let Some(why) = beyond {
                            self.unbounded(node, at, key_span, why)
                        }
                    }
                    _ if numbers => self.wrong(node, field, at, key_span, "a list of numbers"),
                    _ => self.wrong(
                        node,
                        field,
                        at,
                        key_span,
                        "a list of texts in double quotes",
                    ),
                }
            }
            Kind::Setting => match value {
                Some(Value::String(text)) if text.value().chars().count() > MAX_TEXT_CHARS => {
                    self.too_long(node, at, key_span, MAX_TEXT_CHARS)
                }
                Some(Value::String(_)) => {}
                Some(other) => match read_number(other) {
                    Some(Ok(number)) if out_of_bounds(number).is_some() => {
                        let why = out_of_bounds(number).unwrap_or_default();
                        self.unbounded(node, at, key_span, why)
                    }
                    Some(Ok(_)) => {}
                    Some(Err(Unusable::TooLarge)) => self.too_large(node, at, key_span),
                    _ => self.wrong(
                        node,
                        field,
                        at,
                        key_span,
                        "a number, or text such as \"2022-07\" or \"none\"",
                    ),
                },
                None => self.wrong(
                    node,
                    field,
                    at,
                    key_span,
                    "a number, or text such as \"2022-07\" or \"none\"",
                ),
            },
            Kind::Table(shape) => match node.table() {
                Some(table) => self.table(table, shape, at, node.span().or(key_span)),
                None => self.wrong(node, field, at, key_span, "a table"),
            },
            Kind::Tables(shape) => {
                let tables = node
                    .entries()
                    .filter(|entries| entries.iter().all(|entry| entry.table().is_some()));
                match tables {
                    Some(entries) if entries.len() > MAX_TABLES => {
                        let name = last_key(at);
                        let message = format!(
                            "the file has {} [[{name}]] tables; a proposal may have at most {MAX_TABLES}",
                            count(entries.len())
                        );
                        self.refuse(node, at, key_span, message);
                    }
                    Some(entries) => {
                        for (index, entry) in entries.into_iter().enumerate() {
                            if let Some(table) = entry.table() {
                                let span = entry.span().or(key_span.clone());
                                let id = table.get("id").and_then(Item::as_str).map(|id| {
                                    format!(
                                        "{} \"{}\": ",
                                        last_key(at),
                                        id.chars().take(40).collect::<String>()
                                    )
                                });
                                let inner = id.or_else(|| self.line.clone());
                                let outer = std::mem::replace(&mut self.line, inner);
                                self.table(table, shape, &at.index(index), span);
                                self.line = outer;
                            }
                        }
                    }
                    None => self.wrong(
                        node,
                        field,
                        at,
                        key_span,
                        "a list of tables, each written [[name]]",
                    ),
                }
            }
        }
    }
}

/// Which table a key is in, as its header writes it.
fn place(at: &Path) -> String {
    match at.0.last() {
        None => "at the top of the file".to_string(),
        Some(Step::Index(index)) => format!("in [[{}]] number {}", dotted(at), index + 1),
        Some(Step::Key(_)) => format!("in [{}]", dotted(at)),
    }
}

fn last_key(path: &Path) -> String {
    path.0
        .iter()
        .rev()
        .find_map(|step| match step {
            Step::Key(key) => Some(key.clone()),
            Step::Index(_) => None,
        })
        .unwrap_or_default()
}

/// A key path as the file's table headers write it: `saving.referrals`, `levers."council.months"`.
fn dotted(path: &Path) -> String {
    path.0
        .iter()
        .filter_map(|step| match step {
            Step::Key(key) if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                Some(key.clone())
            }
            Step::Key(key) => Some(format!("\"{key}\"")),
            Step::Index(_) => None,
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Where a key path is in the document: the value at the end of the path, or as far along as
/// the path goes.
fn locate(root: &Table, path: &Path) -> Option<Range<usize>> {
    let mut node = Node::Table(root);
    let mut span = None;
    for step in &path.0 {
        let next = match step {
            Step::Key(key) => node.table().and_then(|table| {
                let (key, item) = table.get_key_value(key)?;
                Some((Node::Item(item), key.span()))
            }),
            Step::Index(index) => node
                .entries()
                .and_then(|entries| entries.get(*index).copied())
                .map(|entry| (entry, None)),
        };
        let Some((found, key_span)) = next else {
            break;
        };
        span = found.span().or(key_span).or(span);
        node = found;
    }
    span
}

/// Takes the keys the shape pass refused out of a copy of the document.
fn without(document: &ImDocument<String>, remove: &[Path]) -> toml_edit::DocumentMut {
    let mut copy = document.clone().into_mut();
    for path in remove {
        remove_at(copy.as_table_mut(), &path.0);
    }
    copy
}

fn remove_at(table: &mut dyn TableLike, steps: &[Step]) {
    match steps {
        [Step::Key(last)] => {
            table.remove(last);
        }
        [Step::Key(key), Step::Index(index), rest @ ..] => match table.get_mut(key) {
            Some(Item::ArrayOfTables(tables)) => {
                if let Some(entry) = tables.get_mut(*index) {
                    remove_at(entry, rest);
                }
            }
            Some(Item::Value(Value::Array(array))) => {
                if let Some(entry) = array.get_mut(*index).and_then(Value::as_inline_table_mut) {
                    remove_at(entry, rest);
                }
            }
            _ => {}
        },
        [Step::Key(key), rest @ ..] => {
            if let Some(inner) = table.get_mut(key).and_then(Item::as_table_like_mut) {
                remove_at(inner, rest);
            }
        }
        _ => {}
    }
}

/// A file refused for its size alone, before any of it is read.
fn too_big(bytes: usize) -> Problem {
    Problem {
        line: 1,
        column: 1,
        message: format!(
            "this file is {} KB; a proposal file may be at most {} KB",
            count(bytes.div_ceil(1024)),
            count(MAX_FILE_BYTES / 1024)
        ),
    }
}

/// Reads a proposal file's bytes: the proposal, or every problem found.
pub fn check(bytes: &[u8]) -> Result<super::Proposal, Vec<Problem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_big(bytes.len())]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text),
        Err(error) => {
            let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned();
            let (line, column) = position(&valid, valid.len());
            Err(vec![Problem {
                line,
                column,
                message: format!(
                    "this is not UTF-8 text (byte {} cannot be read); save the file as UTF-8",
                    error.valid_up_to() + 1
                ),
            }])
        }
    }
}

/// Reads a proposal file's text: the proposal, or every problem found.
pub fn check_text(text: &str) -> Result<super::Proposal, Vec<Problem>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![too_big(text.len())]);
    }
    let document = match ImDocument::parse(text.to_string()) {
        Ok(document) => document,
        Err(error) => {
            let message = error.message().trim().replace('\n', " ");
            return Err(vec![problem(
                text,
                error.span(),
                format!("this is not valid TOML, so the file could not be read: {message}"),
            )]);
        }
    };
    let mut walker = Walker {
        text,
        problems: Vec::new(),
        remove: Vec::new(),
        line: None,
    };
    walker.table(document.as_table(), &ROOT, &Path::root(), Some(0..0));
    let shape_problems = walker.problems;
    let raw: Result<ProposalFile, _> = if walker.remove.is_empty() && shape_problems.is_empty() {
        toml_edit::de::from_document(document.clone())
    } else {
        toml_edit::de::from_document(without(&document, &walker.remove))
    };
    let raw = match raw {
        Ok(raw) => raw,
        Err(error) if shape_problems.is_empty() => {
            return Err(vec![problem(
                text,
                error.span(),
                format!("the file could not be read: {}", error.message().trim()),
            )])
        }
        Err(_) => {
            let mut problems: Vec<Problem> = shape_problems.into_iter().map(|(_, p)| p).collect();
            problems.sort_by_key(|p| (p.line, p.column));
            return Err(problems);
        }
    };
    let mut findings = Findings::default();
    let proposal = super::build(raw, &mut findings);
    let mut problems: Vec<Problem> = shape_problems.iter().map(|(_, p)| p.clone()).collect();
    for (path, message) in findings.items {
        // A problem of the meaning that follows from one of the shape is not news.
        let follows = shape_problems
            .iter()
            .any(|(at, _)| at.starts_with(&path) || path.starts_with(at));
        if !follows {
            problems.push(problem(text, locate(document.as_table(), &path), message));
        }
    }
    match proposal {
        Some(proposal) if problems.is_empty() => Ok(super::Proposal {
            file_text: text.into(),
            ..proposal
        }),
        _ if problems.is_empty() => Err(vec![problem(
            text,
            None,
            "the file could not be read".to_string(),
        )]),
        _ => {
            problems.sort_by_key(|p| (p.line, p.column));
            problems.dedup();
            Err(problems)
        }
    }
}
