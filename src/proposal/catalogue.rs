//! Proposals a site publishes beside the page, without rebuilding it: a `proposals/` folder next
//! to `index.html` holding `catalogue.txt` (one file name a line) and the TOML files it names.
//! This module reads the catalogue; the page fetches the files (`crate::app::site_proposals`).

/// Most files a catalogue may name.
pub const MAX_FILES: usize = 20;

/// The file names a catalogue lists, and a message for each line it refuses. Only plain names
/// ending in `.toml` are accepted, so a catalogue can only point into its own folder.
pub fn read_catalogue(text: &str) -> (Vec<String>, Vec<String>) {
    let mut names = Vec::new();
    let mut refused = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let plain = line.len() <= 60
            && line.ends_with(".toml")
            && line
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && !line.starts_with('.');
        if !plain {
            refused.push(format!(
                "proposals/catalogue.txt names \"{}\": list plain file names ending in .toml, such as my-council.toml",
                crate::codec::levers::shorten(line)
            ));
        } else if names.len() >= MAX_FILES {
            refused.push(format!(
                "proposals/catalogue.txt lists more than {MAX_FILES} files; \"{line}\" was left out"
            ));
        } else if !names.iter().any(|n| n == line) {
            names.push(line.to_string());
        }
    }
    (names, refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalogue_lists_plain_toml_file_names_and_refuses_anything_else() {
        let (names, refused) = read_catalogue(
            "# our proposals\nmy-council.toml\n\n../secret.toml\nhttps://elsewhere.example/x.toml\nnotes.txt\nmy-council.toml\n",
        );
        assert_eq!(names, vec!["my-council.toml"]);
        assert_eq!(refused.len(), 3);
        assert!(refused[0].contains("../secret.toml"));
    }
}
