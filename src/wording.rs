//! Small helpers for the words the calculator says: a label inside a sentence, and text from
//! outside shortened to show safely in a message.

/// "Level 1 (universal)" stays as it is; "Net saving" becomes "net saving".
pub fn lower_first(label: &str) -> String {
    let mut characters = label.chars();
    match (characters.next(), characters.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            let mut text: String = first.to_lowercase().collect();
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
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
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
