//! `site`: builds the published site from `site.toml`. Trunk runs it after every build (see
//! Trunk.toml); it can also rebuild an existing `dist/` for another site file:
//!
//!     cargo run --bin site -- --config my-site.toml --dist dist
//!
//! It checks every proposal the site file names and stops with exit code 2, listing each problem,
//! if any cannot be published. Last, it names every file in the folder but `index.html` and
//! `embed.js` after its content (`site::fingerprint`), so a new page never runs an old file a
//! browser kept.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use invest_to_save::analysis::uncertainty::DEFAULT_DRAWS;
use invest_to_save::site::build::build_site;
use invest_to_save::site::config::{is_logo_name, read_site_config};
use invest_to_save::site::fingerprint::{
    built_name, content_hash, fingerprint, published_name, SiteFile,
};
use invest_to_save::site::page_data::ProposalText;

const USAGE: &str = "\
Usage: site [--config SITE.toml] [--dist DIR]

Writes the council's proposals, look and the page built in advance into DIR/index.html and
DIR/site.css, copies the logo, then gives every file in DIR but index.html and embed.js a
content-hashed name (boot-0123456789abcdef.js) and rewrites the references to it. Defaults: SITE_CONFIG or site.toml beside Trunk.toml, and
Trunk's staging folder (TRUNK_STAGING_DIR) or dist.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                eprintln!("site: {problem}");
            }
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, Vec<String>> {
    let source = std::env::var_os("TRUNK_SOURCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut config_path = std::env::var_os("SITE_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|| source.join("site.toml"));
    let mut dist = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| source.join("dist"));
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .map(PathBuf::from)
                .ok_or(vec![format!("{arg} needs a value")])
        };
        match arg.as_str() {
            "--config" => config_path = value()?,
            "--dist" => dist = value()?,
            _ => return Err(vec![format!("unknown argument \"{arg}\"\n{USAGE}")]),
        }
    }
    let config_text = read(&config_path)?;
    let mut config = read_site_config(&config_text).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| format!("{}: {p}", config_path.display()))
            .collect::<Vec<_>>()
    })?;
    let base = config_path.parent().unwrap_or(Path::new("."));
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for name in &config.proposal_files {
        match read(&base.join(name)) {
            Ok(text) => files.push(ProposalText {
                file: name.clone(),
                text,
            }),
            Err(mut why) => problems.append(&mut why),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // The logo is named after its content before the page data is written: the data is packed,
    // so naming the files afterwards could not find the logo's name in it.
    if let (Some(logo), Some(file)) = (&mut config.branding.logo, &config.logo_file) {
        let bytes = std::fs::read(base.join(file))
            .map_err(|e| vec![format!("council.logo: cannot read {file}: {e}")])?;
        logo.file = published_name(&logo.file, &content_hash(&bytes));
        write(&dist.join(&logo.file), &bytes)?;
    }
    let index_path = dist.join("index.html");
    let index = read(&index_path)?;
    let built = build_site(&config, files, &index, DEFAULT_DRAWS)?;
    write(&index_path, built.index_html.as_bytes())?;
    write(&dist.join("site.css"), built.site_css.as_bytes())?;
    let current_logo = config.branding.logo.as_ref().map(|logo| logo.file.as_str());
    let renamed = name_after_content(&dist, current_logo)?;
    Ok(format!(
        "site: {} proposal(s) from {} written into {}, {renamed} file(s) named after their content",
        config.proposal_files.len(),
        config_path.display(),
        dist.display()
    ))
}

/// Gives the folder's files their content-hashed names (see `site::fingerprint`): writes the
/// renamed and rewritten files, then `index.html`, then removes what they replace. A logo an
/// earlier build wrote and this one does not (another image, another type, or none) goes too;
/// `current_logo` is the logo's published name, which the page data already carries.
fn name_after_content(dist: &Path, current_logo: Option<&str>) -> Result<usize, Vec<String>> {
    let listing = std::fs::read_dir(dist)
        .map_err(|e| vec![format!("cannot list {}: {e}", dist.display())])?;
    let mut files = Vec::new();
    for entry in listing {
        let entry = entry.map_err(|e| vec![format!("cannot list {}: {e}", dist.display())])?;
        let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
        let Some(name) = entry.file_name().to_str().map(String::from) else {
            continue;
        };
        // Sub-folders (Trunk's staging folder among them) and hidden files are left alone.
        if !is_file || name.starts_with('.') {
            continue;
        }
        if is_logo_name(&built_name(&name)) && Some(name.as_str()) != current_logo {
            remove(&dist.join(&name))?;
            continue;
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|e| vec![format!("cannot read {}: {e}", entry.path().display())])?;
        files.push(SiteFile { name, bytes });
    }
    let done = fingerprint(files).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| format!("{}: {p}", dist.display()))
            .collect::<Vec<_>>()
    })?;
    // The page data names the logo as it was published before this step: an SVG logo that
    // names another of the site's files would be rewritten here, and named again.
    if let Some(logo) = current_logo {
        let renamed = done.names.get(&built_name(logo));
        if renamed.is_some_and(|name| name != logo) {
            return Err(vec![format!(
                "{}: the logo names another of the site's files, so it cannot be published under its own name; use a logo that refers to no other file",
                dist.display()
            )]);
        }
    }
    // index.html last: until it is written, the old page still finds every file it names.
    let (pages, assets): (Vec<_>, Vec<_>) = done.write.iter().partition(|f| f.name == "index.html");
    for file in assets.into_iter().chain(pages) {
        write(&dist.join(&file.name), &file.bytes)?;
    }
    for name in &done.remove {
        remove(&dist.join(name))?;
    }
    Ok(done.names.len())
}

fn read(path: &Path) -> Result<String, Vec<String>> {
    std::fs::read_to_string(path).map_err(|e| vec![format!("cannot read {}: {e}", path.display())])
}

fn remove(path: &Path) -> Result<(), Vec<String>> {
    std::fs::remove_file(path).map_err(|e| vec![format!("cannot remove {}: {e}", path.display())])
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Vec<String>> {
    std::fs::write(path, bytes).map_err(|e| vec![format!("cannot write {}: {e}", path.display())])
}
