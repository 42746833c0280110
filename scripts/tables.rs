//! Prints the tables the package generates its JS constants from, as JSON on stdout:
//! `{ "limits": [[name, value, doc]…], "mediaRules": [{ kind, mimeTypes, maxBytes }…] }`.
//! Run natively by scripts/build.mjs (`cargo run --example tables`), so that every limit is
//! written once (src/limits.rs) without its documentation travelling in the wasm.

fn main() {
    let limits: Vec<(&str, f64, &str)> = wabridge::limits::ALL.iter().map(|l| (l.name, l.value, l.doc)).collect();
    let tables = serde_json::json!({ "limits": limits, "mediaRules": wabridge::message::media::MEDIA_RULES });
    println!("{tables}");
}
