//! Content-hashed file names for the published site, so a new `index.html` never runs an old
//! `.wasm`, script or stylesheet that a browser or proxy kept: every file in the site's folder
//! except `index.html` and `embed.js` (whose addresses readers and other sites keep) is renamed
//! `<stem>-<16 hex digits>.<extension>` (`boot-0123456789abcdef.js`), the digits a hash of the
//! bytes it is published with, and every reference to it in the site's text files is rewritten.
//! A file that refers to others is named after its references are rewritten, so when the wasm
//! changes, so do the glue's name, `boot.js`'s name and `index.html`.
//!
//! Stylesheets are published compacted (`site::compact`), and a changed file loses the
//! subresource-integrity hash Trunk wrote for it.
//!
//! Runs again on a folder it has already named: a hashed name is read back as the name it was
//! built with, a fresh unhashed file (the site command's `site.css`) wins over the hashed copy of
//! an earlier run, and every file the new names leave behind is removed, so the folder holds one
//! copy of each. Pure: the site command reads and writes the folder.
//!
//! Only the folder's own files are named (not sub-folders), and a file's references are found
//! only where they look like an address: right after a quote, `(`, `=` or `/`, and right before a
//! quote, `)`, `?` or `#`. A sentence in a comment ("boot.js starts the page") is left alone.

use std::collections::{BTreeMap, BTreeSet};

use super::compact::compact_css;
use crate::codec::hash::fnv1a;

/// Files whose names others keep, so they are never renamed (their references are rewritten).
pub const FIXED_NAMES: [&str; 2] = ["index.html", "embed.js"];

/// Hex digits of the hash in a published name.
pub const HASH_DIGITS: usize = 16;

/// Files whose text is searched for references: the rest (the wasm, images) are only named.
const TEXT_EXTENSIONS: [&str; 8] = [
    "html",
    "htm",
    "js",
    "mjs",
    "css",
    "svg",
    "json",
    "webmanifest",
];

const BEFORE_REFERENCE: [char; 6] = ['"', '\'', '`', '(', '=', '/'];
const AFTER_REFERENCE: [char; 6] = ['"', '\'', '`', ')', '?', '#'];

/// A file in the site's folder, by name (no directory) and content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl SiteFile {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> SiteFile {
        SiteFile {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// What to do to the folder: write these files (new, or changed), then remove these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprinted {
    pub write: Vec<SiteFile>,
    pub remove: Vec<String>,
    /// Each renamed file's name as built (`boot.js`) and as published.
    pub names: BTreeMap<String, String>,
}

/// The 64-bit FNV-1a hash of `bytes` (`codec::hash`) as 16 hex digits.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:0width$x}", fnv1a(bytes), width = HASH_DIGITS)
}

/// `boot.js` and its hash: `boot-<hash>.js` (`LICENSE-<hash>` without an extension).
pub fn published_name(built: &str, hash: &str) -> String {
    let (stem, extension) = split_extension(built);
    format!("{stem}-{hash}{extension}")
}

/// The name a file was built with: `boot-0123456789abcdef.js` gives `boot.js`; a name without a
/// hash, or a fixed one, is itself.
pub fn built_name(name: &str) -> String {
    if FIXED_NAMES.contains(&name) {
        return name.to_string();
    }
    let (stem, extension) = split_extension(name);
    match strip_hash(stem) {
        Some(plain) if !FIXED_NAMES.contains(&format!("{plain}{extension}").as_str()) => {
            format!("{plain}{extension}")
        }
        _ => name.to_string(),
    }
}

/// Whether `name` carries a content hash in this module's scheme.
pub fn is_hashed(name: &str) -> bool {
    built_name(name) != name
}

/// `("boot", ".js")`; a leading dot is part of the stem, so `.htaccess` has no extension.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    }
}

/// `boot-0123456789abcdef` gives `boot`.
fn strip_hash(stem: &str) -> Option<&str> {
    let cut = stem.len().checked_sub(HASH_DIGITS + 1)?;
    let (plain, tail) = stem.split_at_checked(cut)?;
    let digits = tail.strip_prefix('-')?;
    let hex = digits
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (hex && !plain.is_empty()).then_some(plain)
}

fn is_text(name: &str) -> bool {
    let (_, extension) = split_extension(name);
    TEXT_EXTENSIONS.contains(
        &extension
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str(),
    )
}

/// A reference in a text: the byte range of the name as written (hashed or not) and the built
/// name of the file it names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    start: usize,
    end: usize,
    target: String,
}

/// Every reference in `text` to one of `built` (by its built name or any hashed name of it), in
/// order, none overlapping.
fn references(text: &str, built: &BTreeSet<String>) -> Vec<Reference> {
    let mut found = Vec::new();
    for target in built {
        let (stem, extension) = split_extension(target);
        for (start, _) in text.match_indices(stem) {
            let before_ok = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| BEFORE_REFERENCE.contains(&c));
            if !before_ok {
                continue;
            }
            let rest = &text[start + stem.len()..];
            let length = if rest.starts_with(extension) && !extension.is_empty() {
                Some(extension.len())
            } else {
                rest.get(..HASH_DIGITS + 1)
                    .filter(|hash| strip_hash(&format!("x{hash}")).is_some())
                    .filter(|_| rest[HASH_DIGITS + 1..].starts_with(extension))
                    .map(|_| HASH_DIGITS + 1 + extension.len())
            };
            let Some(length) = length else { continue };
            let end = start + stem.len() + length;
            let after_ok = text[end..]
                .chars()
                .next()
                .is_none_or(|c| AFTER_REFERENCE.contains(&c));
            if after_ok {
                found.push(Reference {
                    start,
                    end,
                    target: target.clone(),
                });
            }
        }
    }
    // Longest first at each start, then drop any that overlaps one kept before it.
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Reference> = Vec::new();
    for reference in found {
        if kept.last().is_none_or(|last| reference.start >= last.end) {
            kept.push(reference);
        }
    }
    kept
}

/// `text` with each reference replaced by the name `names` gives its target (unchanged where it
/// gives none).
fn rewrite(text: &str, found: &[Reference], names: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for reference in found {
        if let Some(name) = names.get(&reference.target) {
            out += &text[at..reference.start];
            out += name;
            at = reference.end;
        }
    }
    out += &text[at..];
    out
}

/// `html` without the `integrity` attribute of any tag that refers to one of `changed`: a
/// subresource-integrity hash (Trunk writes one on each stylesheet) holds for the bytes Trunk
/// built, so once a file's references are rewritten its old hash would stop it loading. Its
/// hashed name already ties the page to its content.
fn drop_stale_integrity(
    html: &str,
    built: &BTreeSet<String>,
    changed: &BTreeSet<String>,
) -> String {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for reference in references(html, built) {
        if !changed.contains(&reference.target) {
            continue;
        }
        let Some(open) = html[..reference.start].rfind('<') else {
            continue;
        };
        if html[open..reference.start].contains('>') {
            continue;
        }
        let Some(close) = html[reference.end..].find('>').map(|i| reference.end + i) else {
            continue;
        };
        let tag = &html[open..close];
        let Some(at) = tag.find(" integrity=") else {
            continue;
        };
        let value = at + " integrity=".len();
        let quote = tag[value..].chars().next();
        let end = match quote {
            Some(q @ ('"' | '\'')) => tag[value + 1..].find(q).map(|i| value + 1 + i + 1),
            _ => Some(
                tag[value..]
                    .find(|c: char| c.is_whitespace() || c == '/')
                    .map_or(tag.len(), |i| value + i),
            ),
        };
        if let Some(end) = end {
            cuts.push((open + at, open + end));
        }
    }
    cuts.sort();
    cuts.dedup();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (start, end) in cuts {
        if start >= at {
            out += &html[at..start];
            at = end;
        }
    }
    out += &html[at..];
    out
}

/// Names every file in the folder after its content, as the module's header says. Refuses a
/// folder holding two hashed copies of one file and no fresh one (it cannot tell which is
/// current), and files that refer to each other in a loop (no order could name them).
pub fn fingerprint(files: Vec<SiteFile>) -> Result<Fingerprinted, Vec<String>> {
    // Each file the folder names, by the name it was built with: a fresh (unhashed) copy wins.
    let mut copies: BTreeMap<String, Vec<&SiteFile>> = BTreeMap::new();
    for file in &files {
        copies.entry(built_name(&file.name)).or_default().push(file);
    }
    let mut problems = Vec::new();
    let mut sources: BTreeMap<String, &SiteFile> = BTreeMap::new();
    for (built, found) in &copies {
        let fresh = found.iter().find(|f| &f.name == built);
        match (fresh, found.as_slice()) {
            (Some(file), _) | (None, [file]) => {
                sources.insert(built.clone(), file);
            }
            (None, _) => problems.push(format!(
                "{} copies of {built} ({}) and none is plainly the current one; build the site again",
                found.len(),
                found.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ")
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let renamed: BTreeSet<String> = sources
        .keys()
        .filter(|name| !FIXED_NAMES.contains(&name.as_str()))
        .cloned()
        .collect();

    // What each text file refers to (never itself: a file cannot carry its own hash).
    let texts: BTreeMap<&str, &str> = sources
        .iter()
        .filter(|(name, _)| is_text(name))
        .filter_map(|(name, file)| Some((name.as_str(), std::str::from_utf8(&file.bytes).ok()?)))
        .collect();
    let found: BTreeMap<&str, Vec<Reference>> = texts
        .iter()
        .map(|(&name, &text)| {
            let mut others = renamed.clone();
            others.remove(name);
            (name, references(text, &others))
        })
        .collect();

    // Name the files that refer to no unnamed file, until none is left.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut published: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut changed: BTreeSet<String> = BTreeSet::new();
    let mut waiting: BTreeSet<&String> = renamed.iter().collect();
    while !waiting.is_empty() {
        let ready: Vec<&String> = waiting
            .iter()
            .copied()
            .filter(|name| {
                found
                    .get(name.as_str())
                    .is_none_or(|refs| refs.iter().all(|r| names.contains_key(&r.target)))
            })
            .collect();
        if ready.is_empty() {
            return Err(vec![format!(
                "these files refer to each other in a loop, so none can be named after its content: {}",
                waiting.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
            )]);
        }
        for name in ready {
            let source = sources[name];
            let bytes = match (texts.get(name.as_str()), found.get(name.as_str())) {
                (Some(text), Some(refs)) => rewrite(text, refs, &names).into_bytes(),
                _ => source.bytes.clone(),
            };
            let bytes = published_form(name, bytes);
            if bytes != source.bytes {
                changed.insert(name.clone());
            }
            names.insert(name.clone(), published_name(name, &content_hash(&bytes)));
            published.insert(name.clone(), bytes);
            waiting.remove(name);
        }
    }

    // The fixed files last: every name they refer to is known.
    for name in FIXED_NAMES {
        let Some(source) = sources.get(name) else {
            continue;
        };
        let bytes = match texts.get(name) {
            Some(text) => {
                let text = if is_html(name) {
                    drop_stale_integrity(text, &renamed, &changed)
                } else {
                    text.to_string()
                };
                let refs = references(&text, &renamed);
                rewrite(&text, &refs, &names).into_bytes()
            }
            None => source.bytes.clone(),
        };
        names.insert(name.to_string(), name.to_string());
        published.insert(name.to_string(), bytes);
    }

    let mut result = Fingerprinted::default();
    for (built, bytes) in published {
        let name = names[&built].clone();
        let unchanged = files.iter().any(|f| f.name == name && f.bytes == bytes);
        if !unchanged {
            result.write.push(SiteFile::new(name.clone(), bytes));
        }
        if name != built {
            result.names.insert(built, name);
        }
    }
    let kept: BTreeSet<&String> = names.values().collect();
    result.remove = files
        .iter()
        .map(|f| &f.name)
        .filter(|name| !kept.contains(name))
        .cloned()
        .collect();
    result.remove.sort();
    Ok(result)
}

/// A file's bytes as they are published: a stylesheet without its comments and indentation
/// (`site::compact`); anything else as it is.
fn published_form(name: &str, bytes: Vec<u8>) -> Vec<u8> {
    match std::str::from_utf8(&bytes) {
        Ok(css) if split_extension(name).1 == ".css" => compact_css(css).into_bytes(),
        Ok(_) | Err(_) => bytes,
    }
}

fn is_html(name: &str) -> bool {
    matches!(split_extension(name).1, ".html" | ".htm")
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!DOCTYPE html><html><head>\
        <link rel=\"stylesheet\" href=\"./main.css\" integrity=\"sha384-abc\"/>\
        <link rel=\"stylesheet\" href=\"site.css\">\
        <noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\
        <!-- boot.js starts the page -->\
        <script type=\"module\" src=\"./boot.js\"></script></head>\
        <body><img src=\"logo.svg\" alt=\"\"><script type=\"application/octet-stream\">~22logo.svg~22 ~28boot.js~29 ~3d~2fmain.css</script></body></html>";
    /// The page data in `INDEX`: packed, it names files in a form no reference matches.
    const PACKED_NAMES: (&[u8], &str) = (
        b"\"logo.svg\" (boot.js) =/main.css",
        "~22logo.svg~22 ~28boot.js~29 ~3d~2fmain.css",
    );
    const BOOT: &str = "import init from './invest-to-save.js';\n\
        await init({ module_or_path: new URL('./invest-to-save_bg.wasm', import.meta.url) });\n\
        const checker = () => import('./checker.js');\n";
    const GLUE: &str = "const imports = { \"./invest-to-save_bg.js\": import0 };\n\
        module_or_path = new URL('invest-to-save_bg.wasm', import.meta.url);\n";
    const CHECKER: &str = "module_or_path = new URL('checker_bg.wasm', import.meta.url);\n";

    fn site(wasm: &[u8]) -> Vec<SiteFile> {
        vec![
            SiteFile::new("index.html", INDEX),
            SiteFile::new("boot.js", BOOT),
            SiteFile::new("invest-to-save.js", GLUE),
            SiteFile::new("invest-to-save_bg.wasm", wasm),
            SiteFile::new("checker.js", CHECKER),
            SiteFile::new("checker_bg.wasm", b"\0asm checker".to_vec()),
            SiteFile::new("main.css", ".a { fill: url(#hatch); }"),
            SiteFile::new("site.css", ":root { --brand: #1d70b8; }"),
            SiteFile::new("noscript.css", ".noscript { display: block; }"),
            SiteFile::new("embed.js", "// <script src=\"https://x.example/embed.js\">"),
            SiteFile::new("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ]
    }

    /// The folder after applying `done` to `files`.
    fn apply(files: &[SiteFile], done: &Fingerprinted) -> Vec<SiteFile> {
        let mut folder: BTreeMap<String, Vec<u8>> = files
            .iter()
            .map(|f| (f.name.clone(), f.bytes.clone()))
            .collect();
        for file in &done.write {
            folder.insert(file.name.clone(), file.bytes.clone());
        }
        for name in &done.remove {
            folder.remove(name);
        }
        folder
            .into_iter()
            .map(|(name, bytes)| SiteFile { name, bytes })
            .collect()
    }

    fn text<'a>(folder: &'a [SiteFile], name: &str) -> &'a str {
        let file = folder.iter().find(|f| f.name == name).unwrap();
        std::str::from_utf8(&file.bytes).unwrap()
    }

    /// The published name index.html reaches the main wasm by: through boot.js.
    fn wasm_reached_from_index(folder: &[SiteFile]) -> String {
        let index = text(folder, "index.html");
        let boot = folder
            .iter()
            .find(|f| {
                index.contains(&format!("src=\"./{}\"", f.name)) && f.name.starts_with("boot-")
            })
            .expect("index.html loads a hashed boot script");
        let boot = std::str::from_utf8(&boot.bytes).unwrap();
        let at = boot.find("new URL('./").unwrap() + "new URL('./".len();
        boot[at..at + boot[at..].find('\'').unwrap()].to_string()
    }

    #[test]
    fn names_carry_the_hash_of_their_bytes() {
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
        let name = published_name("invest-to-save_bg.wasm", &content_hash(b"a"));
        assert_eq!(name, "invest-to-save_bg-af63dc4c8601ec8c.wasm");
        assert_eq!(built_name(&name), "invest-to-save_bg.wasm");
        assert_eq!(
            published_name("LICENSE", "0123456789abcdef"),
            "LICENSE-0123456789abcdef"
        );
        assert_eq!(built_name("LICENSE-0123456789abcdef"), "LICENSE");
        for plain in [
            "boot.js",
            "index.html",
            ".htaccess",
            "a-0123456789ABCDEF.js",
            "-0123456789abcdef.js",
            "x-123.js",
        ] {
            assert_eq!(built_name(plain), plain);
            assert!(!is_hashed(plain));
        }
        assert_eq!(
            built_name("index-0123456789abcdef.html"),
            "index-0123456789abcdef.html"
        );
    }

    #[test]
    fn every_file_but_index_and_embed_is_renamed_and_every_reference_follows() {
        let files = site(b"\0asm one");
        let done = fingerprint(files.clone()).unwrap();
        let folder = apply(&files, &done);
        let names: Vec<&str> = folder.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names.len(), files.len(), "one copy of each: {names:?}");
        assert!(names.contains(&"index.html") && names.contains(&"embed.js"));
        for file in &folder {
            if !FIXED_NAMES.contains(&file.name.as_str()) {
                assert!(is_hashed(&file.name), "{} carries a hash", file.name);
                assert_eq!(
                    file.name,
                    published_name(&built_name(&file.name), &content_hash(&file.bytes))
                );
            }
        }
        let index = text(&folder, "index.html");
        for built in [
            "main.css",
            "site.css",
            "noscript.css",
            "boot.js",
            "logo.svg",
        ] {
            let name = &done.names[built];
            assert!(
                index.contains(&format!("\"{name}\"")) || index.contains(&format!("\"./{name}\"")),
                "{built} in {index}"
            );
        }
        assert_eq!(
            index.matches(&done.names["logo.svg"]).count(),
            1,
            "the image"
        );
        assert_eq!(
            crate::codec::printable::to_printable(PACKED_NAMES.0),
            PACKED_NAMES.1
        );
        assert!(
            index.contains(PACKED_NAMES.1),
            "the packed page data is left as written"
        );
        assert!(
            index.contains("<!-- boot.js starts the page -->"),
            "prose is left alone"
        );
        assert!(
            index.contains("integrity=\"sha384-abc\""),
            "main.css is unchanged, so its integrity holds"
        );
        let boot = text(&folder, &done.names["boot.js"]);
        for built in ["invest-to-save.js", "invest-to-save_bg.wasm", "checker.js"] {
            assert!(
                boot.contains(&format!("'./{}'", done.names[built])),
                "{built} in {boot}"
            );
        }
        let glue = text(&folder, &done.names["invest-to-save.js"]);
        assert!(glue.contains(&format!("'{}'", done.names["invest-to-save_bg.wasm"])));
        assert!(
            glue.contains("\"./invest-to-save_bg.js\""),
            "the wasm's import module is not a file"
        );
        assert!(text(&folder, &done.names["checker.js"]).contains(&done.names["checker_bg.wasm"]));
    }

    #[test]
    fn new_wasm_bytes_change_the_name_index_html_reaches_it_by() {
        let old = apply(
            &site(b"\0asm one"),
            &fingerprint(site(b"\0asm one")).unwrap(),
        );
        let new = apply(
            &site(b"\0asm two"),
            &fingerprint(site(b"\0asm two")).unwrap(),
        );
        let (old_wasm, new_wasm) = (wasm_reached_from_index(&old), wasm_reached_from_index(&new));
        assert_ne!(old_wasm, new_wasm);
        assert!(new
            .iter()
            .any(|f| f.name == new_wasm && f.bytes == b"\0asm two"));
        // boot.js and the glue are renamed with it, and index.html changes.
        assert_ne!(text(&old, "index.html"), text(&new, "index.html"));
        let changed: Vec<&str> = new
            .iter()
            .filter(|f| !old.contains(f))
            .map(|f| f.name.as_str())
            .collect();
        let changed: BTreeSet<String> = changed.iter().map(|n| built_name(n)).collect();
        let expected: BTreeSet<String> = [
            "boot.js",
            "index.html",
            "invest-to-save.js",
            "invest-to-save_bg.wasm",
        ]
        .map(String::from)
        .into();
        assert_eq!(changed, expected, "only the wasm and what loads it");
    }

    #[test]
    fn running_again_on_a_named_folder_changes_nothing() {
        let files = site(b"\0asm one");
        let once = apply(&files, &fingerprint(files.clone()).unwrap());
        let again = fingerprint(once.clone()).unwrap();
        assert_eq!(again.write, vec![]);
        assert_eq!(again.remove, Vec::<String>::new());
        assert_eq!(apply(&once, &again), once);
    }

    #[test]
    fn a_fresh_file_replaces_its_hashed_copy_and_the_page_follows() {
        let files = site(b"\0asm one");
        let mut folder = apply(&files, &fingerprint(files.clone()).unwrap());
        let old_site_css = folder
            .iter()
            .find(|f| built_name(&f.name) == "site.css")
            .unwrap()
            .name
            .clone();
        let old_index = text(&folder, "index.html").to_string();
        // What the site command does for another site file: a new site.css and index.html.
        folder.push(SiteFile::new("site.css", ":root { --brand: #2b1040; }"));
        let done = fingerprint(folder.clone()).unwrap();
        let after = apply(&folder, &done);
        assert_eq!(after.len(), files.len());
        assert!(
            done.remove.contains(&"site.css".to_string()) && done.remove.contains(&old_site_css)
        );
        let new_site_css = &done.names["site.css"];
        assert_ne!(new_site_css, &old_site_css);
        assert!(after
            .iter()
            .any(|f| &f.name == new_site_css && f.bytes == b":root { --brand: #2b1040; }"));
        assert_eq!(
            text(&after, "index.html"),
            old_index.replace(&old_site_css, new_site_css)
        );
    }

    #[test]
    fn a_changed_stylesheet_loses_its_stale_integrity_hash() {
        let mut files = site(b"\0asm one");
        files[6] = SiteFile::new("main.css", ".masthead { background: url(\"logo.svg\"); }");
        let done = fingerprint(files.clone()).unwrap();
        let folder = apply(&files, &done);
        let index = text(&folder, "index.html");
        assert!(!index.contains("integrity"), "{index}");
        assert!(index.contains(&format!(
            "<link rel=\"stylesheet\" href=\"./{}\"/>",
            done.names["main.css"]
        )));
        let css = text(&folder, &done.names["main.css"]);
        assert!(css.contains(&format!("url(\"{}\")", done.names["logo.svg"])));
    }

    /// A stylesheet is published without its comments and indentation, named after what is
    /// published, and its stale integrity hash goes; running again changes nothing.
    #[test]
    fn a_stylesheet_is_published_compacted() {
        let mut files = site(b"\0asm one");
        files[6] = SiteFile::new(
            "main.css",
            "/* The look. */\n.a {\n  fill: url(#hatch);\n}\n",
        );
        let done = fingerprint(files.clone()).unwrap();
        let folder = apply(&files, &done);
        let name = &done.names["main.css"];
        assert_eq!(text(&folder, name), ".a {\nfill: url(#hatch);\n}");
        assert_eq!(
            name,
            &published_name("main.css", &content_hash(b".a {\nfill: url(#hatch);\n}"))
        );
        assert!(!text(&folder, "index.html").contains("integrity"));
        let again = fingerprint(folder.clone()).unwrap();
        assert_eq!(apply(&folder, &again), folder);
    }

    #[test]
    fn references_are_found_only_where_they_look_like_addresses() {
        let built: BTreeSet<String> = ["main.css", "boot.js"].map(String::from).into();
        let found = |text: &str| {
            references(text, &built)
                .iter()
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("href=\"main.css\" 'x/boot-0123456789abcdef.js?v=1'"),
            ["main.css", "boot-0123456789abcdef.js"]
        );
        assert_eq!(
            found("url(main.css) src=boot.js#x"),
            ["main.css", "boot.js"]
        );
        assert_eq!(
            found("domain.css \"main.css.map\" 'reboot.js' boot.js main.css"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn unclear_folders_are_refused() {
        let twice = vec![
            SiteFile::new("index.html", INDEX),
            SiteFile::new("boot-0000000000000001.js", "a"),
            SiteFile::new("boot-0000000000000002.js", "b"),
        ];
        let problems = fingerprint(twice).unwrap_err();
        assert!(
            problems[0].contains("boot-0000000000000001.js, boot-0000000000000002.js"),
            "{problems:?}"
        );
        let looped = vec![
            SiteFile::new("a.js", "import './b.js';"),
            SiteFile::new("b.js", "import './a.js';"),
        ];
        let problems = fingerprint(looped).unwrap_err();
        assert!(problems[0].contains("a.js, b.js"), "{problems:?}");
    }

    #[test]
    fn a_file_naming_itself_keeps_that_name() {
        let files = vec![SiteFile::new("a.js", "//# sourceURL=./a.js\n")];
        let done = fingerprint(files).unwrap();
        assert_eq!(done.write[0].bytes, b"//# sourceURL=./a.js\n");
        assert_eq!(done.remove, ["a.js"]);
    }
}
