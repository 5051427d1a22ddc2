//! The JSON view: the [`Report`] value itself, pretty-printed, fields in
//! declaration order, ending with a newline. `from_json` reads it back.

use super::Report;

/// The report as JSON text.
pub fn to_json(report: &Report) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(report)?;
    json.push('\n');
    Ok(json)
}

/// Reads a report written by [`to_json`].
pub fn from_json(json: &str) -> Result<Report, serde_json::Error> {
    serde_json::from_str(json)
}
