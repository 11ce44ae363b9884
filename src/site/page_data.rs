//! What the site build hands the page: the council's look and the text of each proposal file,
//! as JSON inside the built `index.html`, so the page needs no request to start.

use serde::{Deserialize, Serialize};

use super::config::Branding;

/// The id of the `<script type="application/json">` element that holds the page data.
pub const PAGE_DATA_ID: &str = "site-data";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    pub branding: Branding,
    /// Proposal files in the order the page offers them; the first opens by default.
    pub proposals: Vec<ProposalText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalText {
    /// The file's name, for messages.
    pub file: String,
    pub text: String,
}

impl PageData {
    /// The JSON, safe inside a `<script>` element: `<` is written as `\u003c`, so no file's text
    /// can close the element.
    pub fn to_script_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|_| "null".into())
            .replace('<', "\\u003c")
    }

    pub fn from_json(text: &str) -> Result<PageData, String> {
        serde_json::from_str(text)
            .map_err(|error| format!("the page's site data could not be read ({error})"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_cannot_close_the_script_element() {
        let data = PageData {
            branding: Branding::default(),
            proposals: vec![ProposalText {
                file: "x.toml".into(),
                text: "summary = \"</script><script>alert(1)</script>\"".into(),
            }],
        };
        let json = data.to_script_json();
        assert!(!json.contains("</"));
        assert_eq!(PageData::from_json(&json).unwrap(), data);
    }
}
