//! Small helpers for the words the calculator says: a label inside a sentence, and text from
//! outside shortened to show safely in a message.

/// "Level 1 (universal)" stays as it is; "Net saving" becomes "net saving".
pub fn lower_first(label: &str) -> String {
    let mut characters = label.chars();
    match (characters.next(), characters.next()) {
        (Some(first), Some(second)) if is_upper(first) && is_lower(second) => {
            let mut text = String::with_capacity(label.len());
            text.push(lower(first));
            text.push(second);
            text.extend(characters);
            text
        }
        _ => label.to_string(),
    }
}

/// A phrase's first letter in capitals, where it starts a sentence or a cell: "costs raised
/// by 24%" becomes "Costs raised by 24%".
pub fn upper_first(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => std::iter::once(upper(first)).chain(characters).collect(),
        None => String::new(),
    }
}

/// The text in small letters: "Beds" becomes "beds", "Écoles" "écoles".
pub fn lower_case(text: &str) -> String {
    text.chars().map(lower).collect()
}

// Case for the letters English and Western European proposals are written in (ASCII and
// Latin-1: "é" and "É"), without Unicode's case tables, which were 15 KB of the page's gzipped
// download. Letters beyond them keep their case.

fn upper(letter: char) -> char {
    match letter {
        'a'..='z' | 'à'..='þ' if letter != '÷' => {
            char::from_u32(letter as u32 - 32).unwrap_or(letter)
        }
        _ => letter,
    }
}

fn lower(letter: char) -> char {
    match letter {
        'A'..='Z' | 'À'..='Þ' if letter != '×' => {
            char::from_u32(letter as u32 + 32).unwrap_or(letter)
        }
        _ => letter,
    }
}

fn is_upper(letter: char) -> bool {
    lower(letter) != letter
}

fn is_lower(letter: char) -> bool {
    upper(letter) != letter
}

/// A count and what it counts: "1 place", "3 places", "0 places".
pub fn counted(count: usize, one: &str, many: &str) -> String {
    match count {
        1 => format!("1 {one}"),
        _ => format!("{count} {many}"),
    }
}

/// Long or odd text from a link, cut down to show safely in a message.
pub fn shorten(text: &str) -> String {
    let printable: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().count() > 40 {
        format!("{printable}…")
    } else {
        printable
    }
}

/// Text broken into lines of at most `width` characters, at spaces where it can be; a word
/// longer than a line is cut. For labels in drawings, where text does not wrap by itself.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = line.chars().count();
            let room = if used == 0 {
                width
            } else {
                width.saturating_sub(used + 1)
            };
            if word.len() <= room {
                if used > 0 {
                    line.push(' ');
                }
                line.extend(word.iter());
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a whole line: cut it.
            line.extend(word.drain(..width));
            lines.push(std::mem::take(&mut line));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_covers_english_and_western_european_letters() {
        assert_eq!(lower_first("Net saving"), "net saving");
        assert_eq!(lower_first("Écoles ouvertes"), "écoles ouvertes");
        assert_eq!(lower_first("CIN cases"), "CIN cases");
        assert_eq!(upper_first("costs raised by 24%"), "Costs raised by 24%");
        assert_eq!(upper_first("öffentliche"), "Öffentliche");
        assert_eq!(upper_first("÷ 2"), "÷ 2");
        assert_eq!(lower_case("Beds À × ß"), "beds à × ß");
        // Beyond Latin-1, letters keep their case rather than pull in Unicode's tables.
        assert_eq!(upper_first("ł"), "ł");
        assert_eq!(upper_first(""), "");
    }

    #[test]
    fn wraps_at_spaces_and_cuts_only_a_word_longer_than_a_line() {
        assert_eq!(
            wrap("Months the council funds the post", 16),
            ["Months the", "council funds", "the post"]
        );
        assert_eq!(wrap("Saving cap", 40), ["Saving cap"]);
        // Exactly a line long, then one character over.
        assert_eq!(wrap("abcd efgh", 4), ["abcd", "efgh"]);
        assert_eq!(wrap("abcdefghij x", 4), ["abcd", "efgh", "ij x"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("  spaced   out  ", 20), ["spaced out"]);
        assert_eq!(wrap("é€😀 ab", 3), ["é€😀", "ab"]);
    }
}
