#![cfg(not(target_arch = "wasm32"))]
//! The `site` command on a folder as Trunk leaves it, and again on the folder it wrote (as a
//! council does to publish its own site file): every file but index.html and embed.js carries a
//! content hash, every name the page and boot.js use is in the folder, and the folder holds one
//! copy of each file, with no earlier logo or stylesheet left behind.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use invest_to_save::site::fingerprint::{built_name, is_hashed};

const INDEX: &str = "<!DOCTYPE html><html><head><title>x</title>\
    <link rel=\"stylesheet\" href=\"./main.css\" integrity=\"sha384-x\"/>\
    <link rel=\"stylesheet\" href=\"site.css\">\
    <script type=\"module\" src=\"./boot.js\"></script></head>\
    <body><!-- site:page --><!-- /site:page --><!-- site:data --><!-- /site:data --></body></html>";
const BOOT: &str = "import init from './invest-to-save.js';\n\
    await init({ module_or_path: new URL('./invest-to-save_bg.wasm', import.meta.url) });\n";
const GLUE: &str = "module_or_path = new URL('invest-to-save_bg.wasm', import.meta.url);\n";

/// A folder as Trunk builds it, before the site command runs, with `wasm` for the module.
fn trunk_output(name: &str, wasm: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("site-command-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join(".stage")).unwrap();
    for (file, bytes) in [
        ("index.html", INDEX.as_bytes()),
        ("boot.js", BOOT.as_bytes()),
        ("invest-to-save.js", GLUE.as_bytes()),
        ("invest-to-save_bg.wasm", wasm),
        ("main.css", b".a { color: red; }".as_slice()),
        ("embed.js", b"// embed".as_slice()),
    ] {
        fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

fn site(dist: &Path, config: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["--config", root.join(config).to_str().unwrap()])
        .args(["--dist", dist.to_str().unwrap()])
        .output()
        .expect("site runs");
    assert!(
        output.status.success(),
        "site failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn names(dist: &Path) -> BTreeSet<String> {
    fs::read_dir(dist)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().into_string().unwrap())
        .collect()
}

fn read(dist: &Path, name: &str) -> String {
    fs::read_to_string(dist.join(name)).unwrap()
}

/// The names `text` loads: every `"./x"`, `'./x'`, `href="x"` and `src="x"` of a file.
fn loaded(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for opener in ["'./", "\"./", "href=\"", "src=\""] {
        for (at, _) in text.match_indices(opener) {
            let rest = &text[at + opener.len()..];
            let name = &rest[..rest.find(['\'', '"']).unwrap()];
            if !name.is_empty() && !name.contains(':') {
                found.push(name.trim_start_matches("./").to_string());
            }
        }
    }
    found
}

/// Checks the folder: one copy of each file, hashed but for index.html and embed.js, and every
/// file index.html loads, and every file those load, present. Returns the wasm's published name.
fn check(dist: &Path) -> String {
    let present = names(dist);
    let built: Vec<String> = present.iter().map(|n| built_name(n)).collect();
    let unique: BTreeSet<&String> = built.iter().collect();
    assert_eq!(unique.len(), built.len(), "one copy of each: {present:?}");
    for name in &present {
        assert_eq!(
            is_hashed(name),
            name != "index.html" && name != "embed.js",
            "{name}"
        );
    }
    let index = read(dist, "index.html");
    let mut wasm = None;
    for name in loaded(&index) {
        assert!(
            present.contains(&name),
            "index.html loads {name}: {present:?}"
        );
        if name.ends_with(".js") {
            for inner in loaded(&read(dist, &name)) {
                assert!(
                    present.contains(&inner),
                    "{name} loads {inner}: {present:?}"
                );
                if inner.ends_with(".wasm") {
                    wasm = Some(inner);
                }
            }
        }
    }
    wasm.expect("boot.js loads the wasm")
}

#[test]
fn the_site_command_names_files_after_their_content_and_runs_again_cleanly() {
    let dist = trunk_output("again", b"\0asm one");
    site(&dist, "site.toml");
    let first = names(&dist);
    let wasm = check(&dist);
    assert!(wasm.starts_with("invest-to-save_bg-") && wasm.ends_with(".wasm"));
    assert!(dist.join(".stage").is_dir(), "sub-folders are left alone");

    // Again with the same site file: nothing changes.
    let index = read(&dist, "index.html");
    site(&dist, "site.toml");
    assert_eq!(names(&dist), first);
    assert_eq!(read(&dist, "index.html"), index);

    // A council's own site file: a new site.css and a logo, the old site.css gone.
    site(&dist, "tests/fixtures/site/site.toml");
    assert_eq!(check(&dist), wasm, "the wasm is unchanged, so is its name");
    let own = names(&dist);
    assert!(own
        .iter()
        .any(|n| n.starts_with("logo-") && n.ends_with(".svg")));
    assert_eq!(own.len(), first.len() + 1, "{own:?}");
    assert!(read(&dist, "index.html").contains("masthead__logo"));

    // Back to the first: the logo and the council's site.css go.
    site(&dist, "site.toml");
    assert_eq!(names(&dist), first);
    assert_eq!(read(&dist, "index.html"), index);
    fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn a_new_wasm_reaches_the_page_by_a_new_name() {
    let old = trunk_output("old", b"\0asm one");
    let new = trunk_output("new", b"\0asm two");
    site(&old, "site.toml");
    site(&new, "site.toml");
    let (old_wasm, new_wasm) = (check(&old), check(&new));
    assert_ne!(old_wasm, new_wasm);
    assert_eq!(fs::read(new.join(&new_wasm)).unwrap(), b"\0asm two");
    // So boot.js's name changes too, and the new index.html names no file of the old build's
    // that differs from its own.
    let old_index = read(&old, "index.html");
    let new_index = read(&new, "index.html");
    let boot = |index: &str| {
        loaded(index)
            .into_iter()
            .find(|n| n.starts_with("boot-"))
            .unwrap()
    };
    assert_ne!(boot(&old_index), boot(&new_index));
    for name in loaded(&new_index) {
        if names(&old).contains(&name) {
            assert_eq!(
                fs::read(old.join(&name)).unwrap(),
                fs::read(new.join(&name)).unwrap()
            );
        }
    }
    fs::remove_dir_all(&old).unwrap();
    fs::remove_dir_all(&new).unwrap();
}
